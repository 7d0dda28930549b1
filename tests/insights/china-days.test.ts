/** Every day and week of the figures is a China day (issue 13, D9): questions on both sides of Beijing midnight. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { QuestionLog, type LoggedQuestion } from '../../src/store/question-log.js';
import { computeStats, periodBounds } from '../../src/insights/stats.js';
import { gapsBetween } from '../../src/insights/gap-query.js';
import { Analyzer } from '../../src/search/analyzer.js';

const analyzer = new Analyzer({ synonyms: {}, terms: [], fillers: [], stopwords: [], elsewhere: [] });
afterEach(() => vi.useRealTimers());

function log() {
  const db = openDatabase(':memory:');
  const l = new QuestionLog(db);
  const add = (at: string, q: Partial<LoggedQuestion> = {}) =>
    l.record({ at, channel: 'web', question: '光伏板回收归谁管', normalized: '光伏板回收归谁管', status: 'fallback', latencyMs: 1, user: at, ...q });
  return { db, l, add };
}

describe('China days in the figures', () => {
  it('a question at 23:59:59 and one at 00:00:01 Beijing time fall on their own China days', async () => {
    const { db, add } = log();
    add('2026-12-01T15:59:59Z'); // 2026-12-01 23:59:59 in Beijing
    add('2026-12-01T16:00:01Z'); // 2026-12-02 00:00:01 in Beijing
    add('2026-12-01T18:00:00Z', { status: 'answered', topic: 'permit' }); // 02:00 on 2026-12-02
    expect(computeStats(db, '2026-12-01', '2026-12-01').questions).toBe(1);
    const next = computeStats(db, '2026-12-02', '2026-12-02');
    expect(next).toMatchObject({ questions: 2, answered: 1, uniqueAskers: 2 });
    expect((await gapsBetween(db, analyzer, '2026-12-01', '2026-12-01'))[0].count).toBe(1);
    expect((await gapsBetween(db, analyzer, '2026-12-02', '2026-12-02'))[0].count).toBe(1);
  });

  it('weeks start on Monday 00:00 Beijing time', () => {
    const { db, add } = log();
    add('2026-11-29T16:30:00Z'); // Monday 2026-11-30 00:30 in Beijing (still Sunday in UTC)
    add('2026-11-29T15:30:00Z'); // Sunday 2026-11-29 23:30 in Beijing
    const s = computeStats(db, '2026-11-23', '2026-12-06');
    expect(s.byWeek.map((w) => [w.key, w.questions])).toEqual([
      ['2026-11-23', 1],
      ['2026-11-30', 1],
    ]);
  });

  it('period bounds are China midnights', () => {
    expect(periodBounds('2026-12-02', '2026-12-02')).toEqual({ start: '2026-12-01T16:00:00.000Z', end: '2026-12-02T16:00:00.000Z' });
  });

  it('pruning removes questions, gap wordings, asker sketches and quiz results alike', () => {
    const { db, l, add } = log();
    add('2025-01-01T00:00:00Z');
    add('2026-11-30T00:00:00Z');
    db.prepare("INSERT INTO quiz_results (at, channel, event, user_hash, score, total) VALUES ('2025-01-01T00:00:00Z', 'web', NULL, 'abc', 1, 2)").run();
    expect(l.prune(365, new Date('2026-12-01T00:00:00Z'))).toBe(1);
    const count = (t: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect(count('quiz_results')).toBe(0);
    expect(count('gap_days')).toBe(1);
    expect((db.prepare("SELECT COUNT(*) AS n FROM asker_days WHERE day < '2026-01-01'").get() as { n: number }).n).toBe(0);
    expect(computeStats(db, '2024-01-01', '2026-12-31').questions).toBe(1);
  });
});
