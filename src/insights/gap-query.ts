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

/** A gap row: normalized, question, fallback, clarify, unhelpful. */
type GapRow = [string, string, number, number, number];

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Longest synchronous slice before the event loop runs again (ms). */
const SLICE_MS = 15;
/** Gap rows of whole months kept in memory per database, at most (about 150 bytes each). */
export const MONTH_CACHE_ROWS = 200_000;

/** Whole months' rows as last read, with the version of `gap_month_versions` they were read at. */
const monthCache = new WeakMap<Db, Map<string, { version: number; rows: GapRow[] }>>();

/** A whole month's gap rows: from the cache while its version has not moved, else read (and cached if room). */
function monthRows(db: Db, month: string): GapRow[] {
  const version = (db.prepare('SELECT version FROM gap_month_versions WHERE month = ?').pluck().get(month) as number | undefined) ?? 0;
  let cache = monthCache.get(db);
  if (!cache) monthCache.set(db, (cache = new Map()));
  const hit = cache.get(month);
  if (hit && hit.version === version) return hit.rows;
  cache.delete(month);
  const rows = db.prepare('SELECT normalized, question, fallback, clarify, unhelpful FROM gap_months WHERE month = ?').raw().all(month) as GapRow[];
  let held = 0;
  for (const c of cache.values()) held += c.rows.length;
  for (const [m, c] of cache) {
    if (held + rows.length <= MONTH_CACHE_ROWS) break;
    cache.delete(m);
    held -= c.rows.length;
  }
  if (held + rows.length <= MONTH_CACHE_ROWS) cache.set(month, { version, rows });
  return rows;
}

/**
 * The distinct unanswered questions of China days `from`..`to` (inclusive), with counts and wordings: whole
 * months from `gap_months` (kept in memory until they change), the days at the edges from `gap_days`, with
 * the event loop free between slices of at most {@link SLICE_MS} ms.
 */
export async function gapItemsBetween(db: Db, from: string, to: string): Promise<GapItem[]> {
  ensureAggregates(db);
  const days = db
    .prepare(
      `SELECT normalized, question, SUM(fallback) AS fallback, SUM(clarify) AS clarify, SUM(unhelpful) AS unhelpful
       FROM gap_days WHERE day >= ? AND day <= ? GROUP BY normalized, question`,
    )
    .raw();
  const items = new Map<string, GapItem>();
  let started = performance.now();
  const breathe = async () => {
    if (performance.now() - started < SLICE_MS) return;
    await pause();
    started = performance.now();
  };
  for (const part of periodParts('month', from, to)) {
    const rows = (part.kind === 'unit' ? monthRows(db, part.start) : days.all(part.start, part.end)) as GapRow[];
    await breathe();
    for (let i = 0; i < rows.length; i++) {
      const [normalized, question, fallback, clarify, unhelpful] = rows[i];
      const n = fallback + clarify + unhelpful;
      if (n <= 0) continue;
      let item = items.get(normalized);
      if (!item) items.set(normalized, (item = { key: normalized, text: new Map(), count: 0, reasons: { fallback: 0, clarify: 0, unhelpful: 0 } }));
      item.count += n;
      item.reasons.fallback += fallback;
      item.reasons.clarify += clarify;
      item.reasons.unhelpful += unhelpful;
      item.text.set(question, (item.text.get(question) ?? 0) + n);
      if (i % 2000 === 1999) await breathe();
    }
  }
  return [...items.values()];
}

/** The gaps of China days `from`..`to` (inclusive), grouped, most frequent first. */
export async function gapsBetween(db: Db, analyzer: Analyzer, from: string, to: string, options: Partial<GapOptions> = {}): Promise<Gap[]> {
  const items = await gapItemsBetween(db, from, to);
  return runSteps(groupGapSteps(items, analyzer, options));
}
