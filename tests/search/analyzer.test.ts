import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/search/analyzer.js';
import { synonymRewriter, type Lexicon } from '../../src/search/lexicon.js';

const lexicon: Lexicon = {
  synonyms: { 排污许可证: ['排污证', '排污许可'], 环境影响评价: ['环评'], 危险废物: ['危废'] },
  terms: ['双随机一公开'],
  fillers: ['请问', '我们厂'],
  stopwords: ['的', '了', '吗', '怎么'],
  elsewhere: [],
};

describe('synonymRewriter', () => {
  const rewrite = synonymRewriter(lexicon.synonyms);
  it('rewrites abbreviations to the canonical term', () => {
    expect(rewrite('环评批了吗')).toBe('环境影响评价批了吗');
    expect(rewrite('危废联单')).toBe('危险废物联单');
  });
  it('does not rewrite inside the canonical term itself', () => {
    expect(rewrite('排污许可证到期')).toBe('排污许可证到期');
    expect(rewrite('排污许可到期')).toBe('排污许可证到期');
  });
});

describe('Analyzer', () => {
  const a = new Analyzer(lexicon);
  it('normalises: folds, drops fillers, rewrites synonyms', () => {
    expect(a.normalize('請問我們廠的排污證過期了')).toBe('的排污许可证过期了');
  });
  it('emits dictionary terms whole plus character bigrams, without stop words', () => {
    expect(a.tokenize('排污证过期了')).toEqual(['排污许可证', '排污', '污许', '许可', '可证', '证过', '过期', '期了']);
  });
  it('keeps numbers and Latin words as tokens', () => {
    expect(a.tokenize('GB 12348 标准')).toEqual(['gb', '12348', '标准']);
  });
  it('keeps a single CJK character as a token', () => {
    expect(a.tokenize('罚')).toEqual(['罚']);
  });
  it('drops stop-word tokens', () => {
    expect(a.tokenize('怎么 的')).toEqual([]);
  });
  it('emits unigrams and segmenter words when asked', () => {
    expect(new Analyzer(lexicon, { cjk: 'unigram', dictionary: false }).tokenize('环评')).toEqual(['环', '境', '影', '响', '评', '价']);
    expect(new Analyzer(lexicon, { cjk: 'segmenter', dictionary: false }).tokenize('现在过期')).toEqual(['现在', '过期']);
  });
  it('keeps only bigrams inside segmenter words in word-bigram mode, pairing up single characters', () => {
    const wb = new Analyzer(lexicon, { cjk: 'word-bigram', dictionary: false, synonyms: false });
    const tokens = wb.tokenize('罚款后不服');
    expect(tokens).toContain('罚款');
    expect(tokens).toContain('不服');
    expect(tokens).not.toContain('款后');
    expect(tokens).not.toContain('后不');
  });
  it('splits like MiniSearch by default in whitespace mode (the baseline)', () => {
    const base = new Analyzer(lexicon, { cjk: 'whitespace', synonyms: false, fillers: false, stopwords: false, dictionary: false });
    expect(base.tokenize('排污证过期了，怎么办')).toEqual(['排污证过期了', '怎么办']);
  });
});

/** A lexicon with one synonym and one contextual word (扰民 → 噪声 unless `unless` is named). */
const contextualLexicon = (unless: string[]): Lexicon => ({
  synonyms: { 噪声: ['噪音'] },
  terms: [],
  fillers: [],
  stopwords: [],
  elsewhere: [],
  contextual: [{ word: '扰民', means: '噪声', unless }],
});

describe('contextual words', () => {
  const a = new Analyzer(contextualLexicon(['油烟', '气味']));
  it('rewrite the word when the text names none of the exceptions', () => expect(a.normalize('工地施工扰民')).toBe('工地施工噪声'));
  it('leave it when the text is about something else', () => expect(a.normalize('饭店油烟扰民')).toBe('饭店油烟扰民'));
  it('contextualRewriter without rules changes nothing', async () => {
    const { contextualRewriter } = await import('../../src/search/lexicon.js');
    expect(contextualRewriter()('扰民')).toBe('扰民');
  });
});

describe('repeated words', () => {
  it('two words rewritten to one term side by side say it once', () => expect(new Analyzer(contextualLexicon([])).normalize('工地噪音扰民')).toBe('工地噪声'));
});
