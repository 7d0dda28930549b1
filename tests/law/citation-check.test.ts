import { describe, expect, it } from 'vitest';
import { citationProblem, paragraphItems, unverifiedQuotes } from '../../src/law/citation-check.js';
import { LawLibrary } from '../../src/law/library.js';
import type { LawText } from '../../src/law/types.js';

const article = (number: number, label: string, text: string) => ({ number, article: label, part: '第一编　总则', chapter: '第一章　基本规定', text });
const law: LawText = {
  source: 'eco-code',
  name: '测试法典',
  names: [],
  articleCount: 2,
  origin: '测试',
  official: '测试',
  articles: [article(1, '第一条', '第一款的文字。\n有下列情形之一的：\n（一）甲；\n（二）乙。'), article(2, '第二条', '只有一款，\n但换了行。')],
};
const library = new LawLibrary({ laws: new Map([['eco-code', law]]), oldArticles: [], oldLawNames: [] });

describe('citationProblem', () => {
  it('counts 款 and the 项 under each', () => {
    expect(paragraphItems(law.articles[0])).toEqual([0, 2]);
  });

  it('accepts what exists and says what does not', () => {
    expect(citationProblem(law, '第一条第二款第（二）项')).toBeUndefined();
    expect(citationProblem(law, '第一条第（二）项')).toBeUndefined();
    expect(citationProblem(law, '第三条')).toBe('《测试法典》没有第三条（共2条）');
    expect(citationProblem(law, '第一条第三款')).toBe('《测试法典》第一条只有2款，没有第三款');
    expect(citationProblem(law, '第一条第二款第（三）项')).toBe('《测试法典》第一条第二款只有2项，没有第（三）项');
    expect(citationProblem(law, '第二条第（一）项')).toBe('《测试法典》第二条不分项，没有第（一）项');
    expect(citationProblem(law, '表1')).toBeUndefined();
  });
});

describe('unverifiedQuotes', () => {
  it('lists the 「」 quotations that are not the Code text, line breaks of the text ignored', () => {
    expect(unverifiedQuotes('依「第一款的文字。」和「只有一款，但换了行。」', library)).toEqual([]);
    expect(unverifiedQuotes('「第一款的文字」，「编的话」，「」', library)).toEqual(['编的话', '']);
  });

  it('checks nothing without the Code text', () => {
    expect(unverifiedQuotes('「编的话」', undefined)).toEqual([]);
    expect(unverifiedQuotes('「编的话」', LawLibrary.empty())).toEqual([]);
  });
});
