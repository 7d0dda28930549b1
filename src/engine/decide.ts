/**
 * Scoring and the decision: rerank BM25 candidates with features that do not drift when the knowledge
 * changes (score relative to the best, how much of the question an entry covers, closeness to one of
 * its 相似问), then answer, ask to clarify, or fall back.
 */
import { hasTerm, type KnowledgeIndex } from '../search/knowledge-index.js';

/** Thresholds of the decision, calibrated with `npm run bench:quality`. */
export interface DecisionOptions {
  /** Minimum share of the question's content characters an entry must cover to be answered (default: 0.3). */
  minCoverage: number;
  /** Minimum combined confidence to answer (default: 0.62). */
  minConfidence: number;
  /** A runner-up within this ratio of the best confidence makes the question ambiguous (default: 0.97). */
  clarifyRatio: number;
  /**
   * Weight, in the coverage's and the closeness's denominators, of the question's words that no entry contains
   * (place names, the story around a complaint): 1 counts them like any word, 0 ignores them (default: 0.2).
   */
  unknownWeight: number;
  /** Number of BM25 candidates reranked (default: 12). */
  candidates: number;
  /**
   * Weights of the features in the confidence (default: relative 0.15, coverage 0.45, closeness 0.4, about 0;
   * an absent `about` weighs 0).
   */
  weights: { relative: number; coverage: number; closeness: number; about?: number };
  /**
   * With a focus (a follow-up searched together with the previous question), the share of the confidence that
   * depends on covering the focus: confidence × (1 − w + w × focus coverage) (default: 0.5).
   */
  focusWeight: number;
  /**
   * A fallback suggests (您是不是想问) the candidates whose confidence reaches this share of the answer threshold and whose
   * coverage reaches its floor, at most three; the same share is the floor of the options a long or follow-up message
   * is offered in a clarify when nothing answers it (default: 0.8; `Infinity` suggests and offers none). Offered, not
   * answered.
   */
  suggestShare: number;
  /**
   * Confidence factor of an entry whose facets clash with the question's (its title names a source or nuisance of a
   * family the question names too, but none of the question's; src/engine/facets.ts). 1 turns it off (default: 0.7,
   * chosen on `npm run bench:unseen -- --half a`, see BENCHMARKS.md).
   */
  clashFactor: number;
  /** Whether a long or two-part message is also read clause by clause (default: true). */
  readClauses: boolean;
  /** Weight of the previous answer and its related entries when a follow-up is searched (default: 1.05). */
  nearBoost: number;
  /**
   * Long messages (residents' complaints, stories): from `from` content characters on, the confidence weighs how
   * much of an entry's closest title or 相似问 the message contains (a long message covers little of itself with
   * any entry), with its own thresholds (default: from 26; weights relative 0, coverage 0.45, closeness 0.3,
   * containment 0.2, about 0.2; minConfidence 0.31; clarifyRatio 0.96; minCoverage 0.25; minRelative 0.2), chosen on
   * real questions the knowledge had not seen (`npm run bench:unseen`, see BENCHMARKS.md). `from: Infinity` turns it off.
   */
  long: {
    from: number;
    weights: { relative: number; coverage: number; closeness: number; containment: number; about?: number };
    minConfidence: number;
    clarifyRatio: number;
    /**
     * Least coverage of a long message by its answer (default: 0.25; without it, minCoverage): a story around a complaint
     * covers little of itself with any entry, so a lower floor lets the containment of a 相似问 decide.
     */
    minCoverage?: number;
    /**
     * Least BM25 score of the best entry relative to the top BM25 candidate for a long message to be answered
     * (default: 0.2): the long confidence gives `relative` no weight, so without this floor an entry the search
     * ranks far below another could win on containing one short 相似问; below it the message clarifies or falls back.
     */
    minRelative: number;
  };
}

/** Default decision thresholds. */
export const DEFAULT_DECISION: DecisionOptions = {
  minCoverage: 0.3,
  minConfidence: 0.62,
  clarifyRatio: 0.97,
  unknownWeight: 0.2,
  candidates: 12,
  weights: { relative: 0.15, coverage: 0.45, closeness: 0.4, about: 0 },
  focusWeight: 0.5,
  suggestShare: 0.8,
  clashFactor: 0.7,
  readClauses: true,
  nearBoost: 1.05,
  long: {
    from: 26,
    weights: { relative: 0, coverage: 0.45, closeness: 0.3, containment: 0.2, about: 0.2 },
    minConfidence: 0.31,
    clarifyRatio: 0.96,
    minCoverage: 0.25,
    minRelative: 0.2,
  },
};

/** Characters that ask (who, where, how many, how, whether …). */
const INTERROGATIVE = /[谁哪几多怎么吗啥什何否]/;

/** A reranked candidate. */
export interface Scored {
  id: string;
  /** BM25 score relative to the best candidate, in (0, 1]. */
  relative: number;
  /** Share of the question's content characters covered by tokens the entry contains. */
  coverage: number;
  /** idf-weighted cosine similarity to the closest title or 相似问. */
  closeness: number;
  /** Share of the idf weight of the best-contained title or 相似问 that the question contains (long messages). */
  containment: number;
  /**
   * idf-weighted share of the question's words found in what the entry is about (its title and 相似问 together,
   * not its answer's text).
   */
  about: number;
  /** Factor the caller's prior applied to the confidence (entry kind, facet clash, a follow-up's favour; 1: none). */
  prior: number;
  /** Position of the entry among the BM25 candidates (0: the search's best). */
  rank: number;
  /** Combined confidence in [0, 1]. */
  confidence: number;
}

/** The outcome of a decision. */
export type Decision =
  | { kind: 'answer'; best: Scored; ranked: Scored[] }
  | { kind: 'clarify'; ranked: Scored[] }
  | {
      kind: 'none';
      ranked: Scored[];
      /** Candidates close enough to suggest beside the fallback (see {@link DecisionOptions.suggestShare}). */
      near?: Scored[];
    };

/** Positions (in code points) of the characters of a normalized question that carry meaning. */
export function contentPositions(normalized: string, stopwords: readonly string[]): number[] {
  const chars = [...normalized];
  const excluded = new Set(stopwords.flatMap((w) => coveredBy(chars, w)));
  const out: number[] = [];
  chars.forEach((c, i) => {
    if (/[\u3400-\u9fff\uf900-\ufaffa-z0-9]/.test(c) && !excluded.has(i)) out.push(i);
  });
  return out;
}

/** Positions (in code points) of `chars` that lie inside an occurrence of `needle`. */
export function coveredBy(chars: readonly string[], needle: string): number[] {
  const n = [...needle];
  const at: number[] = [];
  for (let i = 0; i + n.length <= chars.length; i++) {
    let k = 0;
    while (k < n.length && chars[i + k] === n[k]) k++;
    if (k === n.length && k > 0) for (let j = 0; j < n.length; j++) at.push(i + j);
  }
  return at;
}

/**
 * A follow-up searched together with the previous question: where it starts in the text (a code-point position)
 * and the tokens of a second candidate search (the previous question's domain terms and the follow-up's tokens,
 * so that entries about both are found even when those words are too common for the first search).
 */
export interface Focus {
  from: number;
  tokens: string[];
}

/**
 * Reranks candidates of a question and decides. With a `focus` (a follow-up searched together with the previous
 * question), entries must be about the follow-up's words to rank high.
 */
export function decide(
  index: KnowledgeIndex,
  normalized: string,
  tokens: string[],
  options: DecisionOptions = DEFAULT_DECISION,
  prior: (id: string) => number = () => 1,
  focus?: Focus,
): Decision {
  const unique = [...new Set(tokens)];
  const cands = index.candidates(unique, options.candidates);
  const topOf = new Map<string, number>(cands.map((c) => [c.id, cands[0].score]));
  if (focus?.tokens.length) {
    const more = index.candidates([...new Set(focus.tokens)], options.candidates);
    for (const c of more) {
      if (topOf.has(c.id)) continue;
      cands.push(c);
      topOf.set(c.id, more[0].score);
    }
  }
  if (cands.length === 0) return { kind: 'none', ranked: [] };
  const focusFrom = focus?.from;
  const content = contentPositions(normalized, index.analyzer.stopwords);
  const long = content.length >= options.long.from;
  const uw = options.unknownWeight ?? 1;
  const qWeight = unique.reduce((s, t) => s + index.idf(t) * (index.termId(t) === undefined && !INTERROGATIVE.test(t) ? uw : 1), 0);

  // Where each query token occurs in the question (code point positions), computed once per question.
  const chars = [...normalized];
  const positions = new Map(unique.map((tok) => [tok, coveredBy(chars, tok)]));
  // Query tokens as term ids (tokens no entry contains have none and match nothing).
  const known = unique.flatMap((tok) => {
    const id = index.termId(tok);
    return id === undefined ? [] : [{ tok, id }];
  });
  const queryIds = new Set(known.map((k) => k.id));
  // Content characters inside some word an entry contains weigh 1 in the coverage's denominator, the others `uw`.
  const knownAt = new Set<number>();
  for (const k of known) for (const i of positions.get(k.tok)!) knownAt.add(i);
  // The asked part is never discounted: an interrogative (谁, 哪, 多少, 怎么 …) and the characters beside it count
  // fully, so that 「火星上的排污许可证归谁管」 is not read as a question about 排污许可证 alone.
  const asked = new Set<number>();
  chars.forEach((c, i) => {
    if (INTERROGATIVE.test(c)) for (let j = i - 1; j <= i + 1; j++) asked.add(j);
  });
  const contentWeight = content.reduce((s, i) => s + (knownAt.has(i) || asked.has(i) ? 1 : uw), 0);

  const ranked = cands.map((c, rank): Scored => {
    const t = index.tokensOf(c.id)!;
    // Coverage: which content characters lie inside a token (term, bigram, word) the entry contains.
    const covered = new Set<number>();
    for (const k of known) if (hasTerm(t.all, k.id)) for (const i of positions.get(k.tok)!) covered.add(i);
    const coverage = contentWeight > 0 ? content.filter((i) => covered.has(i)).length / contentWeight : 0;
    // The question's words found in what the entry is about (its titles and 相似问), not only in its answer.
    const inAsked = known.filter((k) => t.asked.some((a) => hasTerm(a, k.id)));
    const about = qWeight > 0 ? inAsked.reduce((s, k) => s + index.idfOf(k.id), 0) / qWeight : 0;
    // A follow-up's own words must be among them.
    const focus = focusFrom === undefined ? [] : content.filter((i) => i >= focusFrom);
    let focusFactor = 1;
    if (focus.length) {
      const askedAt = new Set(inAsked.flatMap((k) => positions.get(k.tok)!));
      focusFactor = 1 - options.focusWeight + (options.focusWeight * focus.filter((i) => askedAt.has(i)).length) / focus.length;
    }
    let closeness = 0;
    let containment = 0;
    for (const asked of t.asked) {
      let shared = 0;
      let aWeight = 0;
      for (const term of asked) {
        const w = index.idfOf(term);
        aWeight += w;
        if (queryIds.has(term)) shared += w;
      }
      if (aWeight > 0 && qWeight > 0) closeness = Math.max(closeness, shared / Math.sqrt(aWeight * qWeight));
      if (aWeight > 0) containment = Math.max(containment, shared / aWeight);
    }
    const relative = c.score / topOf.get(c.id)!;
    const w = long ? options.long.weights : { ...options.weights, containment: 0 };
    const p = prior(c.id);
    const confidence =
      p * focusFactor * (w.relative * relative + w.coverage * coverage + w.closeness * closeness + w.containment * containment + (w.about ?? 0) * about);
    return { id: c.id, relative, coverage, closeness, containment, about, prior: p, rank, confidence };
  });
  ranked.sort((a, b) => b.confidence - a.confidence);
  const best = ranked[0];
  const minConfidence = long ? options.long.minConfidence : options.minConfidence;
  const clarifyRatio = long ? options.long.clarifyRatio : options.clarifyRatio;
  const minCoverage = long ? (options.long.minCoverage ?? options.minCoverage) : options.minCoverage;
  /** The (at most three) best candidates that cover enough of the question and reach `floor`. */
  const reaching = (floor: number) => ranked.filter((r) => r.coverage >= minCoverage && r.confidence >= floor).slice(0, 3);
  const none = (): Decision => ({ kind: 'none', ranked, near: reaching(minConfidence * options.suggestShare) });
  if (best.coverage < minCoverage || best.confidence < minConfidence) return none();
  if (long && best.relative < options.long.minRelative) {
    // A weak reading of a long message (the search itself ranks the entry far below another): ask which question
    // it is rather than answer another one.
    const offers = reaching(minConfidence);
    return offers.length > 1 ? { kind: 'clarify', ranked: offers } : none();
  }
  const close = ranked.filter((r) => r.confidence >= best.confidence * clarifyRatio && r.coverage >= minCoverage);
  if (close.length > 1) return { kind: 'clarify', ranked: close.slice(0, 3) };
  return { kind: 'answer', best, ranked };
}
