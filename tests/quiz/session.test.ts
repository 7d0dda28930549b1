import { describe, expect, it } from 'vitest';
import { pickQuestions, QuizSession, scoreText } from '../../src/quiz/session.js';
import type { QuizQuestion } from '../../src/quiz/schema.js';

function q(id: string, topic: QuizQuestion['topic'], answer = 1): QuizQuestion {
  return {
    id,
    topic,
    question: `题目${id}？`,
    options: ['甲', '乙', '丙'],
    answer,
    explanation: `解释${id}`,
    basis: { source: 'permit-regulation', article: '第十四条' },
  };
}

/** A deterministic random source. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const BANK = [q('p1', 'permit'), q('p2', 'permit'), q('p3', 'permit'), q('t1', 'tax', 0), q('t2', 'tax', 2), q('n1', 'noise')];

describe('pickQuestions', () => {
  it('picks without repeats and spreads over topics', () => {
    const picked = pickQuestions(BANK, 3, seeded(1));
    expect(picked).toHaveLength(3);
    expect(new Set(picked.map((x) => x.topic))).toEqual(new Set(['permit', 'tax', 'noise']));
    const all = pickQuestions(BANK, 100, seeded(2));
    expect(all).toHaveLength(BANK.length);
    expect(new Set(all.map((x) => x.id)).size).toBe(BANK.length);
  });
});

describe('QuizSession', () => {
  it('asks one question after another, checks answers and keeps the score', () => {
    const s = QuizSession.start(BANK, 4, seeded(3));
    expect(s.total).toBe(4);
    const results = [];
    while (!s.finished) {
      const cur = s.current()!;
      expect(s.number).toBe(results.length + 1);
      // Answer right every other question.
      const pick = results.length % 2 === 0 ? cur.answer : (cur.answer + 1) % cur.options.length;
      const r = s.answer(pick);
      expect(r.correct).toBe(pick === cur.answer);
      expect(r.answerText).toBe(cur.options[cur.answer]);
      expect(r.explanation).toBe(cur.explanation);
      results.push(r);
    }
    expect(results.map((r) => r.finished)).toEqual([false, false, false, true]);
    expect(s.score).toBe(2);
    expect(s.current()).toBeUndefined();
    expect(() => s.answer(0)).toThrow(/round is over/);
  });

  it('refuses options that do not exist without moving on', () => {
    const s = QuizSession.start(BANK, 2, seeded(4));
    expect(() => s.answer(3)).toThrow(/does not exist/);
    expect(() => s.answer(-1)).toThrow();
    expect(() => s.answer(1.5)).toThrow();
    expect(s.number).toBe(1);
  });

  it('saves and resumes its state, refusing a state that no longer fits', () => {
    const s = QuizSession.start(BANK, 3, seeded(5));
    s.answer(s.current()!.answer);
    const state = JSON.parse(JSON.stringify(s.state));
    const r = QuizSession.resume(BANK, state)!;
    expect(r.score).toBe(1);
    expect(r.number).toBe(2);
    expect(r.current()!.id).toBe(s.current()!.id);
    expect(QuizSession.resume(BANK, { ...state, ids: ['gone'] })).toBeUndefined();
    expect(QuizSession.resume(BANK, { ...state, score: 5 })).toBeUndefined();
    expect(QuizSession.resume(BANK, { ...state, position: 9 })).toBeUndefined();
  });

  it('needs questions', () => {
    expect(() => QuizSession.start([])).toThrow(/no quiz questions/);
  });

  it('words the score', () => {
    expect(scoreText(10, 10)).toBe('答对 10 / 10 题。全部答对，真是普法达人！');
    expect(scoreText(3, 10)).toMatch(/^答对 3 \/ 10 题。/);
  });
});
