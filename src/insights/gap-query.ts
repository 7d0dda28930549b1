/**
 * The gaps of a period from the gap aggregates (`gap_months` and `gap_days`, kept by the question log's
 * triggers), read a month at a time with a pause between slices, so a year of questions never holds the event loop for long.
 */
import type { Analyzer } from '../search/analyzer.js';
import type { Db } from '../store/database.js';
import { ensureAggregates } from '../store/question-aggregates.js';
import { periodParts } from '../store/aggregate-rollups.js';
import { runSteps } from './stats.js';
import { groupGapSteps, type Gap, type GapItem, type GapOptions } from './gaps.js';

interface GapDayRow {
  normalized: string;
  question: string;
  fallback: number;
  clarify: number;
  unhelpful: number;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Longest synchronous slice before the event loop runs again (ms). */
const SLICE_MS = 15;

/**
 * The distinct unanswered questions of China days `from`..`to` (inclusive), with counts and wordings: whole
 * months from `gap_months`, the days at the edges from `gap_days`, with the event loop free between slices.
 */
export async function gapItemsBetween(db: Db, from: string, to: string): Promise<GapItem[]> {
  ensureAggregates(db);
  const days = db.prepare(
    `SELECT normalized, question, SUM(fallback) AS fallback, SUM(clarify) AS clarify, SUM(unhelpful) AS unhelpful
     FROM gap_days WHERE day >= ? AND day <= ? GROUP BY normalized, question`,
  );
  const month = db.prepare('SELECT normalized, question, fallback, clarify, unhelpful FROM gap_months WHERE month = ?');
  const items = new Map<string, GapItem>();
  let started = performance.now();
  for (const part of periodParts('month', from, to)) {
    for (const r of (part.kind === 'unit' ? month.all(part.start) : days.all(part.start, part.end)) as GapDayRow[]) {
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
    if (performance.now() - started >= SLICE_MS) {
      await pause();
      started = performance.now();
    }
  }
  return [...items.values()];
}

/** The gaps of China days `from`..`to` (inclusive), grouped, most frequent first. */
export async function gapsBetween(db: Db, analyzer: Analyzer, from: string, to: string, options: Partial<GapOptions> = {}): Promise<Gap[]> {
  const items = await gapItemsBetween(db, from, to);
  return runSteps(groupGapSteps(items, analyzer, options));
}
