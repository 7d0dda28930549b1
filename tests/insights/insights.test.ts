import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { QuestionLog, type LoggedQuestion } from '../../src/store/question-log.js';
import { findGaps } from '../../src/insights/gaps.js';
import { computeStats } from '../../src/insights/stats.js';
import { Analyzer } from '../../src/search/analyzer.js';

const analyzer = new Analyzer({ synonyms: { 排污许可证: ['排污证'] }, terms: [], fillers: ['请问'], stopwords: ['的', '吗', '怎么'], elsewhere: [] });

function seeded() {
  const db = openDatabase(':memory:');
  const log = new QuestionLog(db);
  const add = (q: Partial<LoggedQuestion> & { question: string }) =>
    log.record({ at: '2026-06-05T02:00:00.000Z', channel: 'web', status: 'answered', latencyMs: 1, normalized: analyzer.normalize(q.question), ...q });
  // Answered, with feedback.
  const a = add({ question: '排污证有效期', entryId: 'permit-validity', topic: 'permit', user: 'u1', event: 'day65' });
  log.feedback(a, true);
  const b = add({ question: '排污许可证有效期多久', entryId: 'permit-validity', topic: 'permit', user: 'u2', event: 'day65' });
  log.feedback(b, false);
  add({ question: '危废贮存多久', entryId: 'waste-storage', topic: 'waste', user: 'u1', channel: 'telegram' });
  // Unanswered: three wordings of one gap, one other gap.
  add({ question: '光伏板回收归谁管', status: 'fallback', user: 'u3' });
  add({ question: '请问光伏板回收归谁管', status: 'fallback', user: 'u4' });
  add({ question: '光伏板回收归谁管理', status: 'fallback', user: 'u5', channel: 'telegram' });
  add({ question: '土壤污染调查报告', status: 'clarify', user: 'u3' });
  // Outside the period.
  add({ question: '光伏板回收归谁管', status: 'fallback', at: '2025-01-01T00:00:00.000Z' });
  db.prepare(
    "INSERT INTO quiz_results (at, channel, event, user_hash, score, total) VALUES ('2026-06-05T03:00:00Z','web','day65','h1',8,10),('2026-06-05T04:00:00Z','web','day65','h2',6,10)",
  ).run();
  return { db, log };
}

describe('findGaps', () => {
  it('groups similar unanswered and 👎 questions, most frequent first', () => {
    const { log } = seeded();
    const gaps = findGaps(log.between('2026-01-01', '2027-01-01'), analyzer);
    expect(gaps[0].count).toBe(3);
    expect(gaps[0].examples).toHaveLength(3);
    expect(gaps[0].examples).toContain('光伏板回收归谁管');
    expect(gaps[0].reasons).toEqual({ fallback: 3, clarify: 0, unhelpful: 0 });
    expect(gaps.map((g) => g.sample)).toContain('土壤污染调查报告');
    expect(gaps.find((g) => g.reasons.unhelpful === 1)?.sample).toBe('排污许可证有效期多久');
    expect(gaps).toHaveLength(3);
  });
});

describe('computeStats', () => {
  it('agrees with a seeded log', () => {
    const { db } = seeded();
    const s = computeStats(db, '2026-06-01', '2026-06-30');
    expect(s.questions).toBe(7);
    expect(s.answered).toBe(3);
    expect(s.unanswered).toBe(3);
    expect(s.clarify).toBe(1);
    expect(s.answeredRate).toBeCloseTo(3 / 7);
    expect(s.helpful).toBe(1);
    expect(s.helpfulRate).toBe(0.5);
    expect(s.uniqueAskers).toBe(5);
    expect(s.byTopic).toEqual([
      { key: 'permit', questions: 2, answered: 2, askers: 2 },
      { key: 'waste', questions: 1, answered: 1, askers: 1 },
    ]);
    expect(s.byChannel.map((c) => [c.key, c.questions])).toEqual([
      ['web', 5],
      ['telegram', 2],
    ]);
    expect(s.byEvent).toEqual([{ key: 'day65', questions: 2, answered: 2, askers: 2 }]);
    expect(s.byWeek).toEqual([{ key: '2026-06-01', questions: 7, answered: 3, askers: 5 }]);
    expect(s.quiz).toEqual([{ event: 'day65', participants: 2, averageScore: 7, averageTotal: 10 }]);
  });
  it('counts nothing outside the period', () => {
    const { db } = seeded();
    const s = computeStats(db, '2024-01-01', '2024-12-31');
    expect(s.questions).toBe(0);
    expect(s.answeredRate).toBe(0);
    expect(s.helpfulRate).toBeNull();
  });
});
