/** Rules for the real quiz content in knowledge/quiz. */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { loadQuiz } from '../../src/quiz/load.js';
import { formatProblem } from '../../src/knowledge/problem.js';
import { validityOn, todayInChina } from '../../src/knowledge/validity.js';
import { KNOWLEDGE_DIR } from '../helpers/fixture.js';

describe('quiz content', async () => {
  const today = todayInChina();
  const knowledge = await loadKnowledge(KNOWLEDGE_DIR, today);
  const { questions, problems } = await loadQuiz(KNOWLEDGE_DIR, knowledge.sources, today);

  it('loads without any problem, not even a review', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('has at least 30 questions across at least 8 topics', () => {
    expect(questions.length).toBeGreaterThanOrEqual(30);
    expect(new Set(questions.map((q) => q.topic)).size).toBeGreaterThanOrEqual(8);
  });

  it('cites only known sources, in force today', () => {
    for (const q of questions) {
      const src = knowledge.sources.get(q.basis.source);
      expect(src, q.id).toBeDefined();
      expect(validityOn(src!, today, (id) => knowledge.sources.get(id)).status, q.id).not.toBe('superseded');
      expect(q.basis.article, q.id).toMatch(/^(第.+条.*|第.+(章|部分).*|表\d+|附表.+|全文|\d+(\.\d+)+)$/);
    }
  });

  it('has 2 to 4 distinct options, an answer index in range and a one-line explanation', () => {
    for (const q of questions) {
      expect(q.options.length, q.id).toBeGreaterThanOrEqual(2);
      expect(q.options.length, q.id).toBeLessThanOrEqual(4);
      expect(new Set(q.options).size, q.id).toBe(q.options.length);
      expect(Number.isInteger(q.answer) && q.answer >= 0 && q.answer < q.options.length, q.id).toBe(true);
      expect(q.explanation, q.id).not.toContain('\n');
    }
  });

  it('does not always put the right answer in the same place', () => {
    const positions = new Set(questions.map((q) => q.answer));
    expect(positions.size).toBeGreaterThanOrEqual(3);
    const share = questions.filter((q) => q.answer === 1).length / questions.length;
    expect(share).toBeLessThan(0.8);
  });

  it('has unique ids and question texts', () => {
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    expect(new Set(questions.map((q) => q.question)).size).toBe(questions.length);
  });
});
