/**
 * Finding the Code articles a question is about, for a fallback reply (可能相关的法条): a small BM25 index over
 * the articles' texts, tokenized like the entries, and a strict bar so that only articles covering most of the
 * question's meaningful tokens are offered. Never an answer: the reply stays a fallback.
 */
import MiniSearch from 'minisearch';
import type { Analyzer } from '../search/analyzer.js';
import type { LawArticle, LawText } from './types.js';

/** How strict the match must be; every field has a default. */
export interface ArticleSearchOptions {
  /** Most articles offered (default: 3). */
  limit: number;
  /** Least share of the question's distinct tokens an article must contain (default: 0.6). */
  minCoverage: number;
  /** Least number of the question's distinct tokens an article must contain (default: 4). */
  minMatched: number;
  /** Least BM25 score relative to the best article's (default: 0.8). */
  minRelative: number;
}

/** Default strictness (measured on the eval sets' fallbacks, see BENCHMARKS.md). */
export const DEFAULT_ARTICLE_SEARCH: ArticleSearchOptions = { limit: 3, minCoverage: 0.6, minMatched: 4, minRelative: 0.8 };

/** A search over one law's articles. */
export class ArticleSearch {
  private readonly index: MiniSearch<{ id: number; text: string }>;
  private readonly tokens = new Map<number, Set<string>>();

  constructor(
    readonly law: LawText,
    private readonly analyzer: Analyzer,
    readonly options: ArticleSearchOptions = DEFAULT_ARTICLE_SEARCH,
  ) {
    this.index = new MiniSearch<{ id: number; text: string }>({
      fields: ['text'],
      storeFields: [],
      tokenize: (text) => analyzer.tokenize(text),
      processTerm: (t) => t,
      searchOptions: { combineWith: 'OR', tokenize: (t) => t.split(' ').filter(Boolean), processTerm: (t) => t },
    });
    for (const a of law.articles) {
      const toks = analyzer.tokenize(a.text);
      this.tokens.set(a.number, new Set(toks));
    }
    this.index.addAll(law.articles.map((a) => ({ id: a.number, text: a.text })));
  }

  /** The articles that match `question` strongly, best first (often none). */
  search(question: string): LawArticle[] {
    const asked = [...new Set(this.analyzer.tokenize(question))];
    if (asked.length < this.options.minMatched) return [];
    const hits = this.index.search(asked.join(' '));
    if (!hits.length) return [];
    const best = hits[0].score;
    const out: LawArticle[] = [];
    for (const h of hits.slice(0, 20)) {
      if (h.score < best * this.options.minRelative) break;
      const have = this.tokens.get(h.id as number)!;
      const matched = asked.filter((t) => have.has(t)).length;
      if (matched >= this.options.minMatched && matched / asked.length >= this.options.minCoverage) out.push(this.law.articles[(h.id as number) - 1]);
      if (out.length >= this.options.limit) break;
    }
    return out;
  }
}
