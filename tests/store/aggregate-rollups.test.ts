/** The week and month roll-ups of the question log agree with its daily rows (issue 13, D2), on China days. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AskerSketch, MERGED_SPARSE_MAX } from '../../src/store/asker-sketch.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { QuestionLog, type LoggedQuestion } from '../../src/store/question-log.js';
import { periodParts } from '../../src/store/aggregate-rollups.js';
import { flushAskers } from '../../src/store/question-aggregates.js';
import { computeStats, periodBounds } from '../../src/insights/stats.js';
import { gapsBetween } from '../../src/insights/gap-query.js';
import { findGaps } from '../../src/insights/gaps.js';
import { Analyzer } from '../../src/search/analyzer.js';
import { addDays, mondayOf } from '../../src/time/china-day.js';

const analyzer = new Analyzer({ synonyms: {}, terms: [], fillers: [], stopwords: [], elsewhere: [] });
const rows = (db: Db, sql: string) => db.prepare(sql).all();
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-01T16:30:00Z')); // 2026-12-02 00:30 in Beijing, still 2026-12-01 in UTC
});
afterEach(() => vi.useRealTimers());

/** A log with questions on both sides of Beijing midnight, of a Monday and of a month, over 10 weeks. */
function filled() {
  const db = openDatabase(':memory:');
  const log = new QuestionLog(db);
  const statuses = ['answered', 'answered', 'fallback', 'clarify', 'smalltalk'];
  const wordings = ['光伏板回收归谁管', '油烟扰民找谁', '夜间施工噪声', '危废怎么贮存'];
  const add = (at: string, i: number, q: Partial<LoggedQuestion> = {}) => {
    const status = statuses[i % statuses.length];
    const question = wordings[i % wordings.length];
    return log.record({
      at,
      channel: i % 3 === 0 ? 'telegram' : 'web',
      event: i % 7 === 0 ? 'day65' : undefined,
      question,
      normalized: question,
      status,
      topic: status === 'answered' ? (i % 2 ? 'permit' : 'waste') : undefined,
      latencyMs: 1,
      user: `u${i % 37}`,
      ...q,
    });
  };
  let i = 0;
  const start = Date.parse('2026-09-20T00:00:00Z');
  for (let t = start; t < Date.parse('2026-12-01T16:00:00Z'); t += 5.3 * 3600_000) {
    const id = add(new Date(t).toISOString(), i++);
    if (i % 11 === 0) log.feedback(id, i % 2 === 0);
  }
  // Edges: Sunday 23:59:59 / Monday 00:00:01 and 31 Oct 23:59:59 / 1 Nov 00:00:01, Beijing time.
  for (const at of ['2026-11-29T15:59:59Z', '2026-11-29T16:00:01Z', '2026-10-31T15:59:59Z', '2026-10-31T16:00:01Z']) add(at, 2, { user: at });
  // One day with more askers than a day sketch keeps exactly (it turns dense, and so does its week).
  for (let n = 0; n < 700; n++) add('2026-11-10T04:00:00Z', 0, { user: `crowd${n}` });
  return { db, log };
}

/** A sketch's content independent of the order its askers came in: the registers, or the sorted set. */
function canonical(s: AskerSketch | undefined) {
  if (!s) return undefined;
  const blob = s.toBlob();
  if (s.isDense) return { dense: blob.toString('hex') };
  const set: string[] = [];
  for (let at = 1; at < blob.length; at += 6) set.push(blob.subarray(at, at + 6).toString('hex'));
  return { sparse: set.sort() };
}

/** The roll-ups summed again from the daily rows, and as stored. */
function compare(db: Db) {
  flushAskers(db);
  expect(
    rows(db, 'SELECT week, channel, event, topic, status, questions, helpful, unhelpful FROM question_weeks WHERE questions != 0 ORDER BY 1, 2, 3, 4, 5'),
  ).toEqual(
    rows(
      db,
      `SELECT date(day, '-6 days', 'weekday 1') AS week, channel, event, topic, status, SUM(questions) AS questions, SUM(helpful) AS helpful,
              SUM(unhelpful) AS unhelpful FROM question_days GROUP BY 1, 2, 3, 4, 5 HAVING SUM(questions) != 0 ORDER BY 1, 2, 3, 4, 5`,
    ),
  );
  expect(rows(db, 'SELECT month, normalized, question, fallback, clarify, unhelpful FROM gap_months ORDER BY 1, 2, 3')).toEqual(
    rows(
      db,
      `SELECT substr(day, 1, 7) AS month, normalized, question, SUM(fallback) AS fallback, SUM(clarify) AS clarify, SUM(unhelpful) AS unhelpful
       FROM gap_days GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    ),
  );
  const weeks = rows(db, 'SELECT week, dim, key, sketch FROM asker_weeks') as { week: string; dim: string; key: string; sketch: Buffer }[];
  const days = rows(db, 'SELECT day, dim, key, sketch FROM asker_days') as { day: string; dim: string; key: string; sketch: Buffer }[];
  const merged = new Map<string, AskerSketch>();
  for (const d of days) {
    const id = `${mondayOf(d.day)}|${d.dim}|${d.key}`;
    const s = merged.get(id) ?? new AskerSketch(MERGED_SPARSE_MAX);
    s.merge(AskerSketch.fromBlob(d.sketch, MERGED_SPARSE_MAX));
    merged.set(id, s);
  }
  expect(weeks.length).toBe(merged.size);
  for (const w of weeks) expect(canonical(AskerSketch.fromBlob(w.sketch, MERGED_SPARSE_MAX))).toEqual(canonical(merged.get(`${w.week}|${w.dim}|${w.key}`)));
}

/** The figures of a period straight from the question rows (small counts, so the sketches are exact). */
function reference(db: Db, from: string, to: string) {
  const { start, end } = periodBounds(from, to);
  const q = db.prepare('SELECT * FROM questions WHERE at >= ? AND at < ?').all(start, end) as { at: string; status: string; user_hash: string }[];
  const weeks = new Map<string, number>();
  for (const r of q) {
    const day = new Date(Date.parse(r.at) + 8 * 3600_000).toISOString().slice(0, 10);
    weeks.set(mondayOf(day), (weeks.get(mondayOf(day)) ?? 0) + 1);
  }
  return { questions: q.length, answered: q.filter((r) => r.status === 'answered').length, weeks: [...weeks].sort() };
}

describe('aggregate roll-ups', () => {
  it('weeks, months and week sketches agree with the daily rows, after feedback and pruning too', () => {
    const { db, log } = filled();
    compare(db);
    log.prune(40, new Date('2026-12-01T16:30:00Z')); // the cutoff falls inside a week
    compare(db);
  });

  it('stats and gaps read through the roll-ups equal the daily rows and the raw questions, across China midnights', async () => {
    const { db, log } = filled();
    for (const [from, to] of [
      ['2026-09-23', '2026-12-02'],
      ['2026-10-01', '2026-11-30'],
      ['2026-11-30', '2026-11-30'],
      ['2026-11-29', '2026-11-29'],
      ['2026-11-01', '2026-11-01'],
      ['2026-10-31', '2026-10-31'],
    ]) {
      const s = computeStats(db, from, to);
      const ref = reference(db, from, to);
      expect({ questions: s.questions, answered: s.answered, weeks: s.byWeek.map((w) => [w.key, w.questions]) }).toEqual(ref);
      // Distinct askers: the merge of the day sketches of the period.
      flushAskers(db);
      const merged = new AskerSketch(MERGED_SPARSE_MAX);
      for (const r of rows(db, `SELECT sketch FROM asker_days WHERE dim = 'all' AND day >= '${from}' AND day <= '${to}'`) as { sketch: Buffer }[])
        merged.merge(AskerSketch.fromBlob(r.sketch, MERGED_SPARSE_MAX));
      expect(s.uniqueAskers).toBe(merged.count());
      const { start, end } = periodBounds(from, to);
      const gaps = await gapsBetween(db, analyzer, from, to);
      const direct = findGaps(log.between(start, end), analyzer);
      expect(gaps.map((g) => [g.sample, g.count, g.reasons])).toEqual(direct.map((g) => [g.sample, g.count, g.reasons]));
    }
    // The edge questions: Sunday 23:59:59 and Monday 00:00:01 Beijing time are in different weeks.
    expect(computeStats(db, '2026-11-29', '2026-11-29').questions).toBe(reference(db, '2026-11-29', '2026-11-29').questions);
  });

  it('a whole month read from memory is read again once it changes (👎 on an old answer, a new question)', async () => {
    const { db, log } = filled();
    const before = await gapsBetween(db, analyzer, '2026-10-01', '2026-10-31');
    const old = db.prepare("SELECT id, question FROM questions WHERE status = 'answered' AND at >= '2026-10-05' AND at < '2026-10-06' LIMIT 1").get() as {
      id: number;
      question: string;
    };
    log.feedback(old.id, false);
    const after = await gapsBetween(db, analyzer, '2026-10-01', '2026-10-31');
    const sum = (gs: typeof before) => gs.reduce((s, g) => s + g.reasons.unhelpful, 0);
    expect(sum(after)).toBe(sum(before) + 1);
    log.record({ at: '2026-10-20T04:00:00Z', channel: 'web', question: '全新的问题', normalized: '全新的问题', status: 'fallback', latencyMs: 1 });
    const again = await gapsBetween(db, analyzer, '2026-10-01', '2026-10-31');
    expect(again.map((g) => [g.sample, g.count])).toEqual(
      findGaps(log.between(periodBounds('2026-10-01', '2026-10-31').start, periodBounds('2026-10-01', '2026-10-31').end), analyzer).map((g) => [
        g.sample,
        g.count,
      ]),
    );
    expect(again.some((g) => g.sample === '全新的问题')).toBe(true);
  });

  it('a period is cut into edge days and whole weeks or months', () => {
    expect(periodParts('week', '2026-11-25', '2026-12-09')).toEqual([
      { kind: 'days', start: '2026-11-25', end: '2026-11-29' },
      { kind: 'unit', start: '2026-11-30', end: '2026-11-30' },
      { kind: 'days', start: '2026-12-07', end: '2026-12-09' },
    ]);
    expect(periodParts('month', '2026-10-15', '2026-12-31').map((p) => `${p.kind}:${p.start}`)).toEqual([
      'days:2026-10-15',
      'days:2026-10-22',
      'days:2026-10-29',
      'unit:2026-11',
      'unit:2026-12',
    ]);
    expect(addDays('2026-12-01', 0)).toBe('2026-12-01');
  });

  it('a database from before the roll-ups gains them at open', () => {
    const { db } = filled();
    flushAskers(db);
    const before = computeStats(db, '2026-09-23', '2026-12-02');
    db.exec('DROP TABLE question_weeks; DROP TABLE gap_months; DROP TABLE asker_weeks; DROP TABLE gap_month_versions;');
    const log = new QuestionLog(db);
    compare(db);
    expect(computeStats(db, '2026-09-23', '2026-12-02')).toEqual(before);
    log.record({ at: '2026-12-01T16:10:00Z', channel: 'web', question: '新问题', normalized: '新问题', status: 'fallback', latencyMs: 1, user: 'late' });
    compare(db);
    expect(computeStats(db, '2026-12-02', '2026-12-02').questions).toBe(reference(db, '2026-12-02', '2026-12-02').questions);
  });
});
