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

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Whether a logged question counts as unanswered. */
export function isUnanswered(r: QuestionRow): 'fallback' | 'clarify' | 'unhelpful' | undefined {
  if (r.status === 'fallback') return 'fallback';
  if (r.status === 'clarify') return 'clarify';
  if (r.feedback === -1) return 'unhelpful';
  return undefined;
}

/**
 * Groups the unanswered questions among `rows`. Questions are compared by the analyzer's tokens of their
 * normalised form, so 排污证 and 排污许可证 wordings fall together.
 */
export function findGaps(rows: readonly QuestionRow[], analyzer: Analyzer, options: Partial<GapOptions> = {}): Gap[] {
  const o = { ...DEFAULTS, ...options };
  // Identical normalised questions first, then greedy grouping of the distinct ones, biggest first.
  const distinct = new Map<string, { text: Map<string, number>; count: number; reasons: Gap['reasons'] }>();
  for (const r of rows) {
    const why = isUnanswered(r);
    if (!why) continue;
    const key = r.normalized || r.question;
    const d = distinct.get(key) ?? { text: new Map(), count: 0, reasons: { fallback: 0, clarify: 0, unhelpful: 0 } };
    d.count++;
    d.reasons[why]++;
    d.text.set(r.question, (d.text.get(r.question) ?? 0) + 1);
    distinct.set(key, d);
  }
  const items = [...distinct.entries()]
    .map(([key, d]) => ({ tokens: new Set(analyzer.tokensOf(key)), ...d }))
    .sort((a, b) => b.count - a.count);
  const groups: { tokens: Set<string>; members: typeof items }[] = [];
  for (const item of items) {
    const home = groups.find((g) => jaccard(g.tokens, item.tokens) >= o.similarity);
    if (home) home.members.push(item);
    else groups.push({ tokens: item.tokens, members: [item] });
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
