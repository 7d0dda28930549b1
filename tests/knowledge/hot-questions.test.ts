import { describe, expect, it } from 'vitest';
import { loadHotQuestions } from '../../src/knowledge/hot-questions.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { formatProblem } from '../../src/knowledge/problem.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { fixtureCopy, KNOWLEDGE_DIR } from '../helpers/fixture.js';

describe('hot questions', () => {
  it('are 8–10 questions in the real knowledge, each answered by the entry of that title', async () => {
    const { questions, problems } = await loadHotQuestions(KNOWLEDGE_DIR);
    expect(problems).toEqual([]);
    expect(questions!.length).toBeGreaterThanOrEqual(8);
    expect(questions!.length).toBeLessThanOrEqual(10);
    const engine = new AnswerEngine(await loadKnowledge(KNOWLEDGE_DIR, '2026-11-28'));
    for (const q of questions!) {
      const r = engine.ask(q);
      expect(r.status, q).toBe('answered');
      expect(r.entry?.title, q).toBe(q);
    }
  });

  it('are optional, and a malformed file is a located problem', async () => {
    const none = await fixtureCopy();
    expect(await loadHotQuestions(none.dir)).toEqual({ problems: [] });
    const bad = await fixtureCopy({ 'hot-questions.yaml': '- 排污许可证有效期多久\n- 1\n' });
    expect((await loadHotQuestions(bad.dir)).problems.map(formatProblem)).toEqual(['hot-questions.yaml:2 [1]: 每个热门问题应为 2 到 80 个字的文本']);
    await none.cleanup();
    await bad.cleanup();
  });
});
