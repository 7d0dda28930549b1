/** An entry's `formerly` (the repealed articles its rule came from) is searched: a question naming one finds it. */
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { fixtureCopy } from '../helpers/fixture.js';

const ENTRY = [
  'id: code-night-rule',
  'kind: law',
  'topic: noise',
  'title: 夜间作业的规定在哪一条',
  'questions: []',
  'keywords: []',
  'answer: 这是一个足够长的测试答案文本，说明现行规定。',
  'basis:',
  '  - {source: code-new, article: 第七条}',
  'formerly: [原《测试旧法》第九十九条]',
  'related: []',
  'status: published',
  'updated: 2026-01-01',
  '',
].join('\n');

describe('formerly in the index', async () => {
  const t = await fixtureCopy({ 'laws/code-night-rule.yaml': ENTRY });
  afterAll(() => t.cleanup());
  const engine = new AnswerEngine(await loadKnowledge(t.dir, '2030-06-01', { outOfForce: 'review' }), { today: () => '2030-06-01' });

  it('finds the entry by the old article it names', () => {
    const r = engine.ask('测试旧法第九十九条');
    expect(r.status).toBe('answered');
    expect(r.entry?.id).toBe('code-night-rule');
  });
});
