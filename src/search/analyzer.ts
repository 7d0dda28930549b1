/**
 * The Chinese-aware text analyzer: turns a question or an entry field into normalised text and then
 * into the tokens MiniSearch indexes. Every step can be switched off, so the quality benchmark can
 * measure what each one is worth (see BENCHMARKS.md).
 */
import { escapeRegExp, fillerRemover, foldText } from './normalize.js';
import { contextualRewriter, EMPTY_LEXICON, synonymRewriter, type Lexicon } from './lexicon.js';
import { jiebaFor } from './jieba.js';

/** How CJK text is cut into tokens. */
export type CjkMode = 'bigram' | 'word-bigram' | 'unigram' | 'segmenter' | 'segmenter+bigram' | 'jieba' | 'jieba+bigram' | 'whitespace';

/** MiniSearch's own default tokenizer: split on spaces and punctuation (the ablation baseline). */
const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;

/** Options of the analyzer. Every step is on by default. */
export interface AnalyzerOptions {
  /** NFKC, traditional → simplified, lower case (default: true). */
  fold: boolean;
  /** Drop filler phrases such as 请问 / 我想问一下 (default: true). */
  fillers: boolean;
  /** Rewrite abbreviations and variants to their canonical term (default: true). */
  synonyms: boolean;
  /** Emit domain dictionary terms as whole tokens (default: true). */
  dictionary: boolean;
  /** Drop stop words (default: true). */
  stopwords: boolean;
  /** How CJK runs become tokens (default: 'bigram'). */
  cjk: CjkMode;
}

/** The default analyzer options. */
export const DEFAULT_ANALYZER_OPTIONS: AnalyzerOptions = {
  fold: true,
  fillers: true,
  synonyms: true,
  dictionary: true,
  stopwords: true,
  cjk: 'bigram',
};

/** A word of two to six CJK characters repeated right after itself. */
const REPEATED_WORD = /([\u3400-\u9fff]{2,6}?)\1+/g;

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9][a-z0-9.%]*/g;
const IS_CJK = /^[\u3400-\u9fff\uf900-\ufaff]/;

/** Normalises and tokenizes Chinese text for indexing and querying. */
export class Analyzer {
  readonly options: AnalyzerOptions;
  private readonly removeFillers: (text: string) => string;
  private readonly rewrite: (text: string) => string;
  private readonly termPattern: RegExp | null;
  private readonly stop: Set<string>;
  private readonly boundary: RegExp | null;
  private readonly segmenter = new Intl.Segmenter('zh-Hans', { granularity: 'word' });

  constructor(lexicon: Lexicon = EMPTY_LEXICON, options: Partial<AnalyzerOptions> = {}) {
    this.options = { ...DEFAULT_ANALYZER_OPTIONS, ...options };
    const fold = this.options.fold ? foldText : (t: string) => t.toLowerCase();
    this.removeFillers = this.options.fillers ? fillerRemover(lexicon.fillers) : (t) => t;
    if (this.options.synonyms) {
      const contextual = contextualRewriter(lexicon.contextual);
      const synonyms = synonymRewriter(lexicon.synonyms);
      // Two words rewritten to one term side by side (噪音扰民 → 噪声噪声) say it once.
      this.rewrite = (t) => synonyms(contextual(t)).replace(REPEATED_WORD, '$1');
    } else this.rewrite = (t) => t;
    const terms = new Set([...lexicon.terms, ...(this.options.synonyms ? Object.keys(lexicon.synonyms) : [])].map(fold));
    terms.delete('');
    this.termPattern =
      this.options.dictionary && terms.size > 0
        ? new RegExp(
            [...terms]
              .sort((a, b) => b.length - a.length)
              .map(escapeRegExp)
              .join('|'),
            'g',
          )
        : null;
    this.stop = new Set(this.options.stopwords ? lexicon.stopwords.map(fold) : []);
    this.fold = fold;
    this.stopwords = [...this.stop].sort((a, b) => b.length - a.length);
    const multi = this.stopwords.filter((w) => [...w].length > 1);
    this.boundary = multi.length ? new RegExp(multi.map(escapeRegExp).join('|'), 'g') : null;
    this.jieba = this.options.cjk.startsWith('jieba') ? jiebaFor([...terms]) : null;
  }

  /** jieba with the domain terms, in the jieba modes. */
  private readonly jieba: ReturnType<typeof jiebaFor> | null;

  private readonly fold: (text: string) => string;

  /** The stop words in use (normalised), longest first. */
  readonly stopwords: readonly string[];

  /** The normalised form of a text: folded, fillers removed, contextual words and synonyms rewritten. */
  normalize(text: string): string {
    return this.rewrite(this.removeFillers(this.fold(text)));
  }

  /** The tokens of an already normalised text, in order, duplicates kept. */
  tokensOf(normalized: string): string[] {
    if (this.options.cjk === 'whitespace') {
      const words = normalized.split(SPACE_OR_PUNCTUATION).filter(Boolean);
      return this.stop.size === 0 ? words : words.filter((t) => !this.stop.has(t));
    }
    const out: string[] = [];
    // Multi-character stop words (怎么, 什么 ...) become boundaries, so they create no bigrams across them.
    const text = this.boundary ? normalized.replace(this.boundary, ' ') : normalized;
    if (this.termPattern) {
      for (const m of text.matchAll(this.termPattern)) out.push(m[0]);
    }
    for (const m of text.matchAll(CJK_RUN)) {
      const run = m[0];
      if (IS_CJK.test(run)) this.cjkTokens(run, out);
      else out.push(run);
    }
    return this.stop.size === 0 ? out : out.filter((t) => !this.stop.has(t));
  }

  /** Whether an already normalised text names a domain term (a dictionary term or a synonym's canonical term). */
  namesTerm(normalized: string): boolean {
    return this.termPattern !== null && normalized.search(this.termPattern) >= 0;
  }

  /** Normalises a raw text and returns its tokens. */
  tokenize(text: string): string[] {
    return this.tokensOf(this.normalize(text));
  }

  private cjkTokens(run: string, out: string[]): void {
    const mode = this.options.cjk;
    if (mode === 'unigram') {
      for (const ch of run) out.push(ch);
      return;
    }
    if (this.jieba) {
      for (const w of this.jieba.cutForSearch(run, true)) out.push(w);
      if (mode === 'jieba') return;
    }
    if (mode === 'segmenter' || mode === 'segmenter+bigram') {
      for (const s of this.segmenter.segment(run)) if (s.isWordLike) out.push(s.segment);
      if (mode === 'segmenter') return;
    }
    const chars = [...run];
    if (chars.length === 1) {
      if (mode === 'bigram' || mode === 'word-bigram' || mode === 'jieba+bigram') out.push(run);
      return;
    }
    if (mode === 'word-bigram') {
      this.wordBigrams(run, out);
      return;
    }
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }

  /**
   * Bigrams that do not cross a word boundary found by Intl.Segmenter, except between two single characters
   * (an unknown word such as 排|污|证 is cut into single characters and must still pair up): 罚款|后|不服
   * gives 罚款, 不服 but not the accidental 款后 or 后不.
   */
  private wordBigrams(run: string, out: string[]): void {
    const words = [...this.segmenter.segment(run)].map((s) => [...s.segment]);
    words.forEach((w, i) => {
      for (let k = 0; k + 1 < w.length; k++) out.push(w[k] + w[k + 1]);
      const next = words[i + 1];
      if (next && w.length === 1 && next.length === 1) out.push(w[0] + next[0]);
    });
  }
}
