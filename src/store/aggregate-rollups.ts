/**
 * Roll-ups of the daily aggregates (issue 13): `question_weeks` (counts per China week, Monday first, and
 * channel, event, topic, status), `gap_months` (unanswered wordings per China month) and `asker_weeks`
 * (one asker sketch per week and group). A year of statistics reads 52 weeks instead of 364 days, a year of
 * gaps 12 months of wordings instead of 364 days of them; the partial weeks and months at the edges of a
 * period still come from the daily rows, so every figure is the same as summing the days.
 * The counts are kept by the same triggers as the daily rows; the week sketches by AskerDays beside the day
 * ones. {@link ensureRollups} creates and backfills them once from the daily aggregates (a database made
 * before the roll-ups existed gains them at open, in one transaction bounded by the daily rows).
 * `gap_month_versions` counts the changes of each month's gap wordings, so a reader may keep a month's rows
 * in memory until its version moves (insights/gap-query.ts).
 */
import { AskerSketch, MERGED_SPARSE_MAX } from './asker-sketch.js';
import type { Db } from './database.js';
import { addDays } from '../time/china-day.js';

/** The Monday (China week) of a stored UTC timestamp, in SQL. */
export const WEEK = (col: string) => `date(${col}, '+8 hours', '-6 days', 'weekday 1')`;
/** The China month (YYYY-MM) of a stored UTC timestamp, in SQL. */
export const MONTH = (col: string) => `strftime('%Y-%m', ${col}, '+8 hours')`;

/** The roll-up tables. */
export const ROLLUP_SCHEMA = `
  CREATE TABLE IF NOT EXISTS question_weeks (
    week TEXT NOT NULL, channel TEXT NOT NULL, event TEXT NOT NULL, topic TEXT NOT NULL, status TEXT NOT NULL,
    questions INTEGER NOT NULL DEFAULT 0, helpful INTEGER NOT NULL DEFAULT 0, unhelpful INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (week, channel, event, topic, status)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS gap_months (
    month TEXT NOT NULL, normalized TEXT NOT NULL, question TEXT NOT NULL,
    fallback INTEGER NOT NULL DEFAULT 0, clarify INTEGER NOT NULL DEFAULT 0, unhelpful INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, normalized, question)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS gap_month_versions (month TEXT PRIMARY KEY, version INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS asker_weeks (
    week TEXT NOT NULL, dim TEXT NOT NULL, key TEXT NOT NULL, sketch BLOB NOT NULL,
    PRIMARY KEY (week, dim, key)
  ) WITHOUT ROWID;`;

/** Whether the roll-up tables exist. */
export function hasRollups(db: Db): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gap_month_versions'").get();
}

/** Fills the roll-ups from the daily aggregates (inside the caller's transaction). */
export function backfillRollups(db: Db): void {
  db.exec(`
    DELETE FROM question_weeks; DELETE FROM gap_months; DELETE FROM asker_weeks;
    INSERT INTO question_weeks (week, channel, event, topic, status, questions, helpful, unhelpful)
    SELECT date(day, '-6 days', 'weekday 1'), channel, event, topic, status, SUM(questions), SUM(helpful), SUM(unhelpful)
    FROM question_days GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO gap_months (month, normalized, question, fallback, clarify, unhelpful)
    SELECT substr(day, 1, 7), normalized, question, SUM(fallback), SUM(clarify), SUM(unhelpful)
    FROM gap_days GROUP BY 1, 2, 3;`);
  const weeks = db.prepare("SELECT DISTINCT date(day, '-6 days', 'weekday 1') FROM asker_days").pluck().all() as string[];
  for (const w of weeks) rebuildWeekSketches(db, w);
}

/**
 * A week's asker sketches as the merge of its day sketches: exact up to {@link MERGED_SPARSE_MAX} askers, dense
 * once any of its days is dense (as merging the days at query time would be).
 */
export function rebuildWeekSketches(db: Db, week: string): void {
  db.prepare('DELETE FROM asker_weeks WHERE week = ?').run(week);
  const rows = db.prepare('SELECT dim, key, sketch FROM asker_days WHERE day >= ? AND day <= ?').all(week, addDays(week, 6)) as {
    dim: string;
    key: string;
    sketch: Buffer;
  }[];
  const merged = new Map<string, { dim: string; key: string; sketch: AskerSketch }>();
  for (const r of rows) {
    const id = `${r.dim}|${r.key}`;
    const m = merged.get(id) ?? { dim: r.dim, key: r.key, sketch: new AskerSketch(MERGED_SPARSE_MAX) };
    m.sketch.merge(AskerSketch.fromBlob(r.sketch, MERGED_SPARSE_MAX));
    merged.set(id, m);
  }
  const write = db.prepare('INSERT INTO asker_weeks (week, dim, key, sketch) VALUES (?, ?, ?, ?)');
  for (const m of merged.values()) write.run(week, m.dim, m.key, m.sketch.toBlob());
}

/** A period `from`..`to` (days, inclusive) cut into edge days and whole units (weeks or months) in between. */
export interface PeriodPart {
  kind: 'days' | 'unit';
  /** First day (days) or unit key (Monday / YYYY-MM). */
  start: string;
  /** Last day (days) or the same unit key. */
  end: string;
}

/** First day of the unit after the one holding `day`. */
const nextUnit = (unit: 'week' | 'month', day: string): string => {
  if (unit === 'week') {
    const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
    return addDays(day, 7 - ((weekday + 6) % 7));
  }
  const [y, m] = day.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/**
 * Cuts `from`..`to` into parts: runs of at most `maxDays` days where a unit is only partly inside, and one part
 * per unit wholly inside.
 */
export function periodParts(unit: 'week' | 'month', from: string, to: string, maxDays = 7): PeriodPart[] {
  const parts: PeriodPart[] = [];
  const days = (a: string, b: string) => {
    for (let s = a; s <= b; ) {
      const e = addDays(s, maxDays - 1) < b ? addDays(s, maxDays - 1) : b;
      parts.push({ kind: 'days', start: s, end: e });
      s = addDays(e, 1);
    }
  };
  for (let d = from; d <= to; ) {
    const next = nextUnit(unit, d);
    const last = addDays(next, -1);
    const startsUnit = unit === 'week' ? nextUnit('week', addDays(d, -1)) === d : d.endsWith('-01');
    if (startsUnit && last <= to) {
      const key = unit === 'week' ? d : d.slice(0, 7);
      parts.push({ kind: 'unit', start: key, end: key });
    } else days(d, last < to ? last : to);
    d = next;
  }
  return parts;
}
