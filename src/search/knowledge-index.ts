/**
 * The full-text index over published entries: MiniSearch for BM25 candidates, plus per-entry token
 * sets used to rerank candidates and to measure how much of a question an entry covers.
 */
import MiniSearch from 'minisearch';
import type { Entry } from '../knowledge/schema.js';
import type { Analyzer } from './analyzer.js';

/** Field boosts of the index. */
export interface FieldBoosts {
  /** The ways people ask (default: 3). */
  questions: number;
  /** The entry's title (default: 3). */
  title: number;
  /** Keywords (default: 2). */
  keywords: number;
  /** The answer text (default: 1). */
  answer: number;
}

/** Default field boosts: questions > title > keywords > answer. */
export const DEFAULT_BOOSTS: FieldBoosts = { questions: 3, title: 3, keywords: 2, answer: 1 };

/** Boost of the `formerly` field (old articles the rule came from), unless FieldBoosts sets one (default: 1). */
export const FORMERLY_BOOST = 1;

/** One candidate entry for a question. */
export interface Candidate {
  id: string;
  /** MiniSearch BM25 score (boosted). */
  score: number;
}

interface IndexedDoc {
  id: string;
  title: string;
  questions: string;
  keywords: string;
  formerly: string;
  answer: string;
}

/**
 * What the index keeps per entry for reranking, as sorted arrays of term ids (compact: a 100,000-entry
 * corpus would need gigabytes as sets of strings).
 */
export interface EntryTokens {
  /** Every term of every field. */
  all: Int32Array;
  /** Terms of the title, of each question (相似问) and of each old article in `formerly`. */
  asked: Int32Array[];
}

/** Whether a sorted id array holds `id` (binary search). */
export function hasTerm(sorted: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid];
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** A MiniSearch index of entries, tokenized by an {@link Analyzer}. */
export class KnowledgeIndex {
  private readonly search: MiniSearch<IndexedDoc>;
  private readonly tokens = new Map<string, EntryTokens>();
  /** Term id of each token seen (ids are never reused). */
  private readonly ids = new Map<string, number>();
  /** Number of entries containing each term, by term id (document frequency). */
  private readonly df: number[] = [];
  /** Scratch of {@link intern}: per term id, the call that last took it. */
  private readonly seen: number[] = [];
  private calls = 0;
  /** Tokens of the fields of the document being added (text → tokens). */
  private readonly pending = new Map<string, string[]>();

  /**
   * @param analyzer tokenizes fields and questions
   * @param boosts field boosts (default: {@link DEFAULT_BOOSTS})
   * @param maxQueryTerms most tokens of a question sent to MiniSearch, rarest first (default: 12)
   * @param indexAnswers whether answers are searched too; when off they only count for coverage (default: true)
   */
  constructor(
    readonly analyzer: Analyzer,
    readonly boosts: FieldBoosts = DEFAULT_BOOSTS,
    readonly maxQueryTerms = 12,
    readonly indexAnswers = true,
  ) {
    this.search = new MiniSearch<IndexedDoc>({
      fields: this.indexAnswers ? ['title', 'questions', 'keywords', 'formerly', 'answer'] : ['title', 'questions', 'keywords', 'formerly'],
      storeFields: [],
      // Fields were tokenized once in `remember`; MiniSearch takes those tokens.
      tokenize: (text) => this.pending.get(text) ?? analyzer.tokenize(text),
      processTerm: (term) => term,
      searchOptions: {
        boost: { formerly: FORMERLY_BOOST, ...boosts },
        combineWith: 'OR',
        tokenize: (text) => text.split(' ').filter(Boolean),
        processTerm: (term) => term,
      },
    });
  }

  /** Number of indexed entries. */
  get size(): number {
    return this.tokens.size;
  }

  /** Indexes entries (ids must be new). */
  addAll(entries: readonly Entry[]): void {
    for (const e of entries) this.add(e);
  }

  private add(e: Entry): void {
    const doc = this.remember(e);
    this.search.add(doc);
    this.pending.clear();
  }

  /** Adds an entry, or replaces the indexed version of the same id. */
  upsert(entry: Entry): void {
    if (this.tokens.has(entry.id)) this.remove(entry.id);
    this.add(entry);
  }

  /** Removes an entry from the index (no-op when absent). */
  remove(id: string): void {
    const t = this.tokens.get(id);
    if (!t) return;
    this.search.discard(id);
    for (const term of t.all) this.df[term]--;
    this.tokens.delete(id);
  }

  /**
   * BM25 candidates for already-analyzed query tokens, best first. What is searched: the tokens found in at
   * most `maxDf` entries (or `maxDfShare` of them, whichever is fewer) when two or more are, else the three
   * rarest known tokens; rarest first, at most {@link maxQueryTerms}, and only while their posting lists add
   * up to `maxPostings`. Common tokens carry little signal and cost the most; on a small knowledge base only the
   * share and the term cap bite (defaults: 0.1, 200, 10,000).
   */
  candidates(queryTokens: readonly string[], limit = 10, maxDfShare = 0.1, maxDf = 200, maxPostings = 10_000): Candidate[] {
    if (queryTokens.length === 0) return [];
    const cap = Math.min(maxDf, Math.max(1, this.tokens.size) * maxDfShare);
    const unique = [...new Set(queryTokens)];
    const byRarity = (xs: string[]) => [...xs].sort((a, b) => this.dfOf(a) - this.dfOf(b));
    const known = byRarity(unique.filter((t) => this.dfOf(t) > 0));
    const rare = known.filter((t) => this.dfOf(t) <= cap);
    const pool = rare.length >= 2 ? rare : known.length ? known.slice(0, 3) : unique;
    const terms: string[] = [];
    let postings = 0;
    for (const t of pool.slice(0, this.maxQueryTerms)) {
      postings += this.dfOf(t);
      if (terms.length > 0 && postings > maxPostings) break;
      terms.push(t);
    }
    return this.search
      .search(terms.join(' '))
      .slice(0, limit)
      .map((r) => ({ id: r.id as string, score: r.score }));
  }

  /** Term ids of an indexed entry. */
  tokensOf(id: string): EntryTokens | undefined {
    return this.tokens.get(id);
  }

  /** The term id of a token, or undefined when no entry ever contained it. */
  termId(token: string): number | undefined {
    return this.ids.get(token);
  }

  private dfOf(token: string): number {
    const id = this.ids.get(token);
    return id === undefined ? 0 : this.df[id];
  }

  /** Inverse document frequency of a token (unknown tokens get the highest value). */
  idf(token: string): number {
    return this.idfOfDf(this.dfOf(token));
  }

  /** Inverse document frequency of a term id. */
  idfOf(term: number): number {
    return this.idfOfDf(this.df[term] ?? 0);
  }

  private idfOfDf(df: number): number {
    const n = this.tokens.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Sorted unique term ids of tokens, interning new ones. */
  private intern(tokens: Iterable<string>): Int32Array {
    // A term is taken once per call: `seen[id]` holds the number of the call that last took it.
    const call = ++this.calls;
    const out: number[] = [];
    for (const t of tokens) {
      let id = this.ids.get(t);
      if (id === undefined) {
        id = this.df.length;
        this.ids.set(t, id);
        this.df.push(0);
        this.seen.push(0);
      }
      if (this.seen[id] !== call) {
        this.seen[id] = call;
        out.push(id);
      }
    }
    return Int32Array.from(out).sort();
  }

  private remember(e: Entry): IndexedDoc {
    const a = this.analyzer;
    const doc: IndexedDoc = {
      id: e.id,
      title: e.title,
      questions: e.questions.join('\n'),
      keywords: e.keywords.join(' '),
      // The repealed articles the entry's rule came from: a question naming 原《环境影响评价法》第三十一条 still
      // finds the rule. A field of its own, so that it does not dilute the keywords' scores.
      formerly: (e.formerly ?? []).join(' '),
      answer: e.answer,
    };
    // Each question is tokenized once: for its own set (closeness) and for the questions field.
    const titleTokens = a.tokenize(e.title);
    const questionTokens = e.questions.map((q) => a.tokenize(q));
    this.pending.set(doc.title, titleTokens);
    this.pending.set(doc.questions, questionTokens.flat());
    for (const f of [doc.keywords, doc.formerly, doc.answer]) if (!this.pending.has(f)) this.pending.set(f, a.tokenize(f));
    // Each old article in formerly is asked like a question (原《环境影响评价法》第三十一条): it counts for closeness.
    const formerlyTokens = (e.formerly ?? []).map((f) => a.tokenize(f));
    const asked = [titleTokens, ...questionTokens, ...formerlyTokens].map((t) => this.intern(t));
    const all = this.intern([doc.title, doc.questions, doc.keywords, doc.formerly, doc.answer].flatMap((f) => this.pending.get(f)!));
    for (const term of all) this.df[term]++;
    this.tokens.set(e.id, { all, asked });
    return doc;
  }
}
