/**
 * The gaps of a period from the daily gap aggregates (`gap_days`, kept by the question log's triggers), read a
 * week at a time with a pause between weeks, so a year of questions never holds the event loop for long.
 */
import type { Analyzer } from '../search/analyzer.js';
import type { Db } from '../store/database.js';
import { ensureAggregates } from '../store/question-aggregates.js';
import { addDays } from '../time/china-day.js';
import { groupGapSteps, type Gap, type GapItem, type GapOptions } from './gaps.js';

interface GapDayRow {
  normalized: string;
  question: string;
  fallback: number;
  clarify: number;
  unhelpful: number;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The distinct unanswered questions of China days `from`..`to` (inclusive), with counts and wordings. */
export async function gapItemsBetween(db: Db, from: string, to: string): Promise<GapItem[]> {
  ensureAggregates(db);
  const query = db.prepare(
    `SELECT normalized, question, SUM(fallback) AS fallback, SUM(clarify) AS clarify, SUM(unhelpful) AS unhelpful
     FROM gap_days WHERE day >= ? AND day <= ? GROUP BY normalized, question`,
  );
  const items = new Map<string, GapItem>();
  for (let start = from; start <= to; ) {
    const end = addDays(start, 6) < to ? addDays(start, 6) : to;
    for (const r of query.all(start, end) as GapDayRow[]) {
      const n = r.fallback + r.clarify + r.unhelpful;
      if (n <= 0) continue;
      const item = items.get(r.normalized) ?? { key: r.normalized, text: new Map(), count: 0, reasons: { fallback: 0, clarify: 0, unhelpful: 0 } };
      item.count += n;
      item.reasons.fallback += r.fallback;
      item.reasons.clarify += r.clarify;
      item.reasons.unhelpful += r.unhelpful;
      item.text.set(r.question, (item.text.get(r.question) ?? 0) + n);
      items.set(r.normalized, item);
    }
    start = addDays(end, 1);
    await pause();
  }
  return [...items.values()];
}

/** The gaps of China days `from`..`to` (inclusive), grouped, most frequent first. */
export async function gapsBetween(db: Db, analyzer: Analyzer, from: string, to: string, options: Partial<GapOptions> = {}): Promise<Gap[]> {
  const items = await gapItemsBetween(db, from, to);
  const steps = groupGapSteps(items, analyzer, options);
  for (;;) {
    await pause();
    const next = steps.next();
    if (next.done) return next.value;
  }
}
