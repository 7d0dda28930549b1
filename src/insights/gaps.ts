/**
 * Knowledge gaps: the questions the bot could not answer well (fallback, clarify, 👎), grouped by
 * similarity, most frequent first — the staff's list of entries to write.
 */
import type { Analyzer } from '../search/analyzer.js';
import type { QuestionRow } from '../store/question-log.js';

/** One group of similar unanswered questions. */
export interface Gap {
  /** The most common wording in the group. */
  sample: string;
  /** How many times questions of this group were asked. */
  count: number;
  /** Up to `examples` distinct wordings, most frequent first. */
  examples: string[];
  /** Why they count as unanswered, with counts. */
  reasons: { fallback: number; clarify: number; unhelpful: number };
}

/** Options of {@link findGaps}. */
export interface GapOptions {
  /** Token-set Jaccard similarity from which two questions are grouped (default: 0.45). */
  similarity: number;
  /** Distinct wordings kept per group (default: 5). */
  examples: number;
}

const DEFAULTS: GapOptions = { similarity: 0.45, examples: 5 };

/** Whether a logged question counts as unanswered. */
export function isUnanswered(r: QuestionRow): 'fallback' | 'clarify' | 'unhelpful' | undefined {
  if (r.status === 'fallback') return 'fallback';
  if (r.status === 'clarify') return 'clarify';
  if (r.feedback === -1) return 'unhelpful';
  return undefined;
}

/** A distinct normalised question with its counts, the unit that {@link groupGaps} groups. */
export interface GapItem {
  /** The normalised question. */
  key: string;
  /** Raw wordings and how often each was asked. */
  text: Map<string, number>;
  count: number;
  reasons: Gap['reasons'];
}

/** Distinct normalised questions grouped at most (the most asked first; default of {@link findGaps}). */
export const MAX_GAP_ITEMS = 5000;
/** A token shared by more groups than this is too common to suggest candidates (it still counts in Jaccard). */
const COMMON_TOKEN_GROUPS = 500;

/**
 * Groups the unanswered questions among `rows`. Questions are compared by the analyzer's tokens of their
 * normalised form, so 排污证 and 排污许可证 wordings fall together.
 */
export function findGaps(rows: readonly QuestionRow[], analyzer: Analyzer, options: Partial<GapOptions> = {}): Gap[] {
  const distinct = new Map<string, GapItem>();
  for (const r of rows) {
    const why = isUnanswered(r);
    if (!why) continue;
    const key = r.normalized || r.question;
    const d = distinct.get(key) ?? { key, text: new Map(), count: 0, reasons: { fallback: 0, clarify: 0, unhelpful: 0 } };
    d.count++;
    d.reasons[why]++;
    d.text.set(r.question, (d.text.get(r.question) ?? 0) + 1);
    distinct.set(key, d);
  }
  return groupGaps([...distinct.values()], analyzer, options);
}

/**
 * Groups distinct questions greedily, the most asked first: each joins the earliest group whose first
 * question shares at least `similarity` (token-set Jaccard) with it. Candidate groups come from an inverted
 * index of tokens, so the work grows with the items and their tokens, not items × groups; only the
 * {@link MAX_GAP_ITEMS} most asked items are grouped (the long tail of one-off wordings cannot slow it down).
 */
export function groupGaps(all: readonly GapItem[], analyzer: Analyzer, options: Partial<GapOptions> = {}): Gap[] {
  const steps = groupGapSteps(all, analyzer, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Items grouped per step of {@link groupGapSteps}. */
const STEP_ITEMS = 100;

/** Tokens of normalised questions already seen, per analyzer (a gap list is asked for again and again). */
const tokenCache = new WeakMap<Analyzer, Map<string, string[]>>();
const TOKEN_CACHE_MAX = 50_000;

function tokensOf(analyzer: Analyzer, key: string): string[] {
  let cache = tokenCache.get(analyzer);
  if (!cache) tokenCache.set(analyzer, (cache = new Map()));
  let tokens = cache.get(key);
  if (!tokens) {
    tokens = analyzer.tokensOf(key);
    if (cache.size >= TOKEN_CACHE_MAX) cache.clear();
    cache.set(key, tokens);
  }
  return tokens;
}

/** {@link groupGaps} as steps of {@link STEP_ITEMS} items, so a caller can let the event loop run in between. */
export function* groupGapSteps(all: readonly GapItem[], analyzer: Analyzer, options: Partial<GapOptions> = {}): Generator<void, Gap[]> {
  const o = { ...DEFAULTS, ...options };
  const items = [...all]
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
    .slice(0, MAX_GAP_ITEMS)
    .map((d) => ({ tokens: new Set<string>(), ...d }));
  const groups: { tokens: Set<string>; members: typeof items }[] = [];
  const postings = new Map<string, number[]>();
  for (const [n, item] of items.entries()) {
    if (n % STEP_ITEMS === STEP_ITEMS - 1) yield;
    item.tokens = new Set(tokensOf(analyzer, item.key));
    const shared = new Map<number, number>();
    for (const t of item.tokens) {
      const list = postings.get(t);
      if (!list || list.length > COMMON_TOKEN_GROUPS) continue;
      for (const g of list) shared.set(g, (shared.get(g) ?? 0) + 1);
    }
    let home = -1;
    for (const [g, n] of shared) {
      if (home !== -1 && g > home) continue;
      const size = groups[g].tokens.size;
      if (jaccardFrom(n, size, item.tokens, groups[g].tokens) >= o.similarity) home = g;
    }
    if (home === -1 && item.tokens.size === 0) home = groups.findIndex((g) => g.tokens.size === 0);
    if (home !== -1) groups[home].members.push(item);
    else {
      groups.push({ tokens: item.tokens, members: [item] });
      for (const t of item.tokens) {
        const list = postings.get(t) ?? [];
        list.push(groups.length - 1);
        postings.set(t, list);
      }
    }
  }
  return groups
    .map((g): Gap => {
      const wordings = new Map<string, number>();
      const reasons = { fallback: 0, clarify: 0, unhelpful: 0 };
      for (const m of g.members) {
        for (const [t, n] of m.text) wordings.set(t, (wordings.get(t) ?? 0) + n);
        reasons.fallback += m.reasons.fallback;
        reasons.clarify += m.reasons.clarify;
        reasons.unhelpful += m.reasons.unhelpful;
      }
      const ranked = [...wordings.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
      return { sample: ranked[0], count: g.members.reduce((s, m) => s + m.count, 0), examples: ranked.slice(0, o.examples), reasons };
    })
    .sort((a, b) => b.count - a.count);
}

/**
 * Jaccard of two token sets from the shared count the index found. Tokens too common for the index are not
 * counted there, so they are counted here directly.
 */
function jaccardFrom(indexed: number, groupSize: number, a: Set<string>, b: Set<string>): number {
  let shared = indexed;
  if (indexed < Math.min(a.size, groupSize)) {
    shared = 0;
    for (const t of a) if (b.has(t)) shared++;
  }
  return shared / (a.size + groupSize - shared);
}
