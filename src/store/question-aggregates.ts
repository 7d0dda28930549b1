/**
 * Aggregates of the question log kept as questions arrive, so staff statistics and gaps for a year read a
 * few thousand rows instead of every question (issue 13):
 * - `question_days`: counts per China day, channel, event, topic and status (with 👍/👎), kept by SQLite
 *   triggers on insert, feedback update and delete of `questions` (so pruning and any writer stay in step);
 * - `gap_days`: the unanswered questions (fallback, clarify, 👎) per China day and wording, by the same triggers;
 * - `asker_days`: one {@link AskerSketch} of distinct askers per China day and group (all, topic, channel,
 *   event), written by {@link AskerDays.add} when a question is recorded.
 * Created on first use (and backfilled from the existing rows), outside the migration list.
 */
import type { Db } from './database.js';
import { AskerSketch, MERGED_SPARSE_MAX } from './asker-sketch.js';
import { chinaDay, mondayOf } from '../time/china-day.js';
import { backfillRollups, hasRollups, MONTH, ROLLUP_SCHEMA, WEEK } from './aggregate-rollups.js';

/** The China day of a stored UTC timestamp, in SQL (`at` is an ISO string ending in Z). */
const DAY = (col: string) => `date(${col}, '+8 hours')`;
/** Whether a row counts as a gap, and as which reason, in SQL (mirrors insights/gaps.ts isUnanswered). */
const GAP = (r: string) => `(${r}.status IN ('fallback', 'clarify') OR ${r}.feedback IS -1)`;
const FALLBACK = (r: string) => `(${r}.status = 'fallback')`;
const CLARIFY = (r: string) => `(${r}.status = 'clarify')`;
const UNHELPFUL = (r: string) => `(${r}.status NOT IN ('fallback', 'clarify') AND ${r}.feedback IS -1)`;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS question_days (
    day TEXT NOT NULL, channel TEXT NOT NULL, event TEXT NOT NULL, topic TEXT NOT NULL, status TEXT NOT NULL,
    questions INTEGER NOT NULL DEFAULT 0, helpful INTEGER NOT NULL DEFAULT 0, unhelpful INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, channel, event, topic, status)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS gap_days (
    day TEXT NOT NULL, normalized TEXT NOT NULL, question TEXT NOT NULL,
    fallback INTEGER NOT NULL DEFAULT 0, clarify INTEGER NOT NULL DEFAULT 0, unhelpful INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, normalized, question)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS asker_days (
    day TEXT NOT NULL, dim TEXT NOT NULL, key TEXT NOT NULL, sketch BLOB NOT NULL,
    PRIMARY KEY (day, dim, key)
  ) WITHOUT ROWID;`;

/** Counter upserts of one row into a counts table keyed by `col` = `key` (a day or a week). */
function countsInto(table: string, col: string, key: string, r: 'NEW' | 'OLD', sign: 1 | -1): string {
  const s = sign === 1 ? '+' : '-';
  return `
    INSERT INTO ${table} (${col}, channel, event, topic, status, questions, helpful, unhelpful)
    VALUES (${key}, ${r}.channel, COALESCE(${r}.event, ''), COALESCE(${r}.topic, ''), ${r}.status,
            ${sign}, ${sign} * (${r}.feedback IS 1), ${sign} * (${r}.feedback IS -1))
    ON CONFLICT (${col}, channel, event, topic, status) DO UPDATE SET
      questions = questions ${s} 1,
      helpful = helpful ${s} (${r}.feedback IS 1),
      unhelpful = unhelpful ${s} (${r}.feedback IS -1);`;
}

/** Gap wording upserts of one row into a gaps table keyed by `col` = `key` (a day or a month). */
function gapsInto(table: string, col: string, key: string, r: 'NEW' | 'OLD', sign: 1 | -1): string {
  const s = sign === 1 ? '+' : '-';
  return `
    INSERT INTO ${table} (${col}, normalized, question, fallback, clarify, unhelpful)
    SELECT ${key}, COALESCE(NULLIF(${r}.normalized, ''), ${r}.question), ${r}.question,
           ${sign} * ${FALLBACK(r)}, ${sign} * ${CLARIFY(r)}, ${sign} * ${UNHELPFUL(r)}
    WHERE ${GAP(r)}
    ON CONFLICT (${col}, normalized, question) DO UPDATE SET
      fallback = fallback ${s} ${FALLBACK(r)}, clarify = clarify ${s} ${CLARIFY(r)}, unhelpful = unhelpful ${s} ${UNHELPFUL(r)};`;
}

/** The counter updates of one row (`sign` +1 on insert, -1 on delete): daily rows and their roll-ups. */
function bump(r: 'NEW' | 'OLD', sign: 1 | -1): string {
  return (
    countsInto('question_days', 'day', DAY(`${r}.at`), r, sign) +
    countsInto('question_weeks', 'week', WEEK(`${r}.at`), r, sign) +
    gapsInto('gap_days', 'day', DAY(`${r}.at`), r, sign) +
    gapsInto('gap_months', 'month', MONTH(`${r}.at`), r, sign) +
    `INSERT INTO gap_month_versions (month, version) SELECT ${MONTH(`${r}.at`)}, 1 WHERE ${GAP(r)}
       ON CONFLICT (month) DO UPDATE SET version = version + 1;`
  );
}

/** Removes the emptied gap wordings of `r`'s day and month (`wording`: only its own wording). */
function sweep(r: 'OLD', wording: boolean): string {
  const own = wording ? ` AND normalized = COALESCE(NULLIF(${r}.normalized, ''), ${r}.question) AND question = ${r}.question` : '';
  const empty = 'fallback <= 0 AND clarify <= 0 AND unhelpful <= 0';
  return `DELETE FROM gap_days WHERE day = ${DAY(`${r}.at`)}${own} AND ${empty};
    DELETE FROM gap_months WHERE month = ${MONTH(`${r}.at`)}${own} AND ${empty};`;
}

const TRIGGERS = `
  DROP TRIGGER IF EXISTS questions_agg_insert;
  DROP TRIGGER IF EXISTS questions_agg_delete;
  DROP TRIGGER IF EXISTS questions_agg_feedback;
  CREATE TRIGGER questions_agg_insert AFTER INSERT ON questions BEGIN ${bump('NEW', 1)} END;
  CREATE TRIGGER questions_agg_delete AFTER DELETE ON questions BEGIN ${bump('OLD', -1)} ${sweep('OLD', false)} END;
  CREATE TRIGGER questions_agg_feedback AFTER UPDATE OF feedback ON questions
    WHEN OLD.feedback IS NOT NEW.feedback BEGIN ${bump('OLD', -1)} ${bump('NEW', 1)} ${sweep('OLD', true)} END;`;

/** Creates the aggregate tables and triggers when missing, and fills them from the rows already logged. */
export function ensureAggregates(db: Db): void {
  const had = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'question_days'").get();
  if (had) {
    if (hasRollups(db)) return;
    // A database from before the roll-ups: add them (and the triggers that keep them) from the daily rows.
    flushAskers(db);
    db.transaction(() => {
      db.exec(ROLLUP_SCHEMA);
      db.exec(TRIGGERS);
      backfillRollups(db);
    })();
    return;
  }
  db.transaction(() => {
    db.exec(SCHEMA);
    db.exec(ROLLUP_SCHEMA);
    db.exec(TRIGGERS);
    db.exec(`
      INSERT INTO question_days (day, channel, event, topic, status, questions, helpful, unhelpful)
      SELECT ${DAY('at')}, channel, COALESCE(event, ''), COALESCE(topic, ''), status, COUNT(*), SUM(feedback IS 1), SUM(feedback IS -1)
      FROM questions GROUP BY 1, 2, 3, 4, 5;
      INSERT INTO gap_days (day, normalized, question, fallback, clarify, unhelpful)
      SELECT ${DAY('q.at')}, COALESCE(NULLIF(q.normalized, ''), q.question), q.question, SUM(${FALLBACK('q')}), SUM(${CLARIFY('q')}), SUM(${UNHELPFUL('q')})
      FROM questions q WHERE ${GAP('q')} GROUP BY 1, 2, 3;`);
    const askers = new AskerDays(db, 10_000, Number.POSITIVE_INFINITY);
    const page = db.prepare('SELECT id, at, channel, event, topic, user_hash FROM questions WHERE user_hash IS NOT NULL AND id > ? ORDER BY id LIMIT 50000');
    for (let after = 0; ; ) {
      const rows = page.all(after) as (SketchRow & { id: number })[];
      if (rows.length === 0) break;
      for (const r of rows) askers.add(r.at, r.user_hash, { channel: r.channel, event: r.event, topic: r.topic });
      askers.flush();
      after = rows[rows.length - 1].id;
    }
    askers.clear();
    live.get(db)?.delete(askers);
    backfillRollups(db);
  })();
}

interface SketchRow {
  at: string;
  channel: string;
  event: string | null;
  topic: string | null;
  user_hash: string;
}

/** The groups a question's asker is counted in. */
export interface AskerGroups {
  channel: string;
  event?: string | null;
  topic?: string | null;
}

const live = new WeakMap<Db, Set<AskerDays>>();

/** Writes the pending sketches of every {@link AskerDays} of a database (before reading `asker_days`). */
export function flushAskers(db: Db): void {
  for (const a of live.get(db) ?? []) a.flush();
}

/**
 * The per-day asker sketches and their week roll-ups (`asker_weeks`, exact up to {@link MERGED_SPARSE_MAX} and
 * dense once one of its days is, as a merge of the days would be): updated in memory per question and written
 * behind (after `flushEvery` changed sketches, within a second, before any read through {@link flushAskers},
 * and on {@link AskerDays.clear}). A crash can lose at most that second's asker counts, never a question.
 */
export class AskerDays {
  private readonly cache = new Map<string, AskerSketch>();
  private readonly dirty = new Set<string>();
  private readonly read;
  private readonly write;
  private readonly readWeek;
  private readonly writeWeek;
  private timer?: NodeJS.Timeout;

  /**
   * `cacheSize`: sketches kept in memory (default: 1024: many days' groups); `flushEvery`: changed sketches
   * written at once at the latest (default: 2000).
   */
  constructor(
    private readonly db: Db,
    private readonly cacheSize = 1024,
    private readonly flushEvery = 2000,
  ) {
    this.read = db.prepare('SELECT sketch FROM asker_days WHERE day = ? AND dim = ? AND key = ?').pluck();
    this.write = db.prepare(
      'INSERT INTO asker_days (day, dim, key, sketch) VALUES (?, ?, ?, ?) ON CONFLICT (day, dim, key) DO UPDATE SET sketch = excluded.sketch',
    );
    this.readWeek = db.prepare('SELECT sketch FROM asker_weeks WHERE week = ? AND dim = ? AND key = ?').pluck();
    this.writeWeek = db.prepare(
      'INSERT INTO asker_weeks (week, dim, key, sketch) VALUES (?, ?, ?, ?) ON CONFLICT (week, dim, key) DO UPDATE SET sketch = excluded.sketch',
    );
    let set = live.get(db);
    if (!set) {
      set = new Set();
      live.set(db, set);
      // Closing the database writes the pending sketches first.
      const close = db.close.bind(db);
      db.close = () => {
        flushAskers(db);
        return close();
      };
    }
    set.add(this);
  }

  /** Writes every changed sketch. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.dirty.size === 0 || !this.db.open) return;
    const ids = [...this.dirty];
    this.dirty.clear();
    this.db.transaction(() => {
      for (const id of ids) {
        const sketch = this.cache.get(id);
        if (!sketch) continue;
        const [kind, period, dim, ...key] = id.split('|');
        (kind === 'w' ? this.writeWeek : this.write).run(period, dim, key.join('|'), sketch.toBlob());
      }
    })();
  }

  /** The cached sketch of a day (`d`) or week (`w`) and group, read from the database when not cached. */
  private sketchOf(kind: 'd' | 'w', period: string, dim: string, key: string): { id: string; sketch: AskerSketch } {
    const id = `${kind}|${period}|${dim}|${key}`;
    let sketch = this.cache.get(id);
    if (!sketch) {
      const max = kind === 'w' ? MERGED_SPARSE_MAX : undefined;
      const blob = (kind === 'w' ? this.readWeek : this.read).get(period, dim, key) as Buffer | undefined;
      sketch = blob ? AskerSketch.fromBlob(blob, max) : new AskerSketch(max);
      if (this.cache.size >= this.cacheSize) {
        const oldest = this.cache.keys().next().value as string;
        if (this.dirty.has(oldest)) this.flush();
        this.cache.delete(oldest);
      }
    } else this.cache.delete(id); // re-insert as most recent
    this.cache.set(id, sketch);
    return { id, sketch };
  }

  /** Counts the asker `userHash` of a question at `at` (ISO) in its day's and week's sketches. */
  add(at: string, userHash: string, groups: AskerGroups): void {
    const day = chinaDay(at);
    const week = mondayOf(day);
    const dims: [string, string][] = [
      ['all', ''],
      ['channel', groups.channel],
    ];
    if (groups.topic) dims.push(['topic', groups.topic]);
    if (groups.event) dims.push(['event', groups.event]);
    for (const [dim, key] of dims) {
      const d = this.sketchOf('d', day, dim, key);
      if (d.sketch.add(userHash)) this.dirty.add(d.id);
      const w = this.sketchOf('w', week, dim, key);
      if (w.sketch.add(userHash)) this.dirty.add(w.id);
      if (d.sketch.isDense && w.sketch.makeDense()) this.dirty.add(w.id);
    }
    if (this.dirty.size >= this.flushEvery) this.flush();
    else if (this.dirty.size > 0 && !this.timer) {
      this.timer = setTimeout(() => this.flush(), 1000);
      this.timer.unref();
    }
  }

  /** Writes the pending sketches and forgets the cached ones (after a prune deleted rows). */
  clear(): void {
    this.flush();
    this.cache.clear();
  }
}
