import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { KNOWLEDGE_DIR } from '../helpers/fixture.js';

describe('looking the law up through the engine', async () => {
  const knowledge = await loadKnowledge(KNOWLEDGE_DIR, '2026-12-01', { outOfForce: 'review' });
  const engine = new AnswerEngine(knowledge, { today: () => '2026-12-01' });

  it('answers a Code article in Chinese numerals with its exact text, place and validity', () => {
    const r = engine.ask('法典第一千零九十五条');
    expect(r.status).toBe('answered');
    expect(r.entry).toBeUndefined();
    expect(r.article).toMatchObject({
      source: 'eco-code',
      number: 1095,
      article: '第一千零九十五条',
      part: '第五编　法律责任和附则',
      chapter: '第二章　法律责任分则',
      section: '第二节　违反生态环境影响评价管理规定',
      validity: '现行有效',
    });
    const text = knowledge.laws!.article('eco-code', 1095)!.text;
    expect(r.text).toContain(text);
    expect(r.text).toContain('位置：第五编　法律责任和附则 › 第二章　法律责任分则 › 第二节　违反生态环境影响评价管理规定');
    expect(r.text).toContain('第一千零五十七条'); // a penalty article carries the transition
    expect(r.text).toContain('flk.npc.gov.cn');
  });

  it('answers Arabic numerals and a bare 第…条', () => {
    expect(engine.ask('生态环境法典第1095条说了什么').article?.number).toBe(1095);
    const r = engine.ask('第1242条');
    expect(r.status).toBe('answered');
    expect(r.text).toContain('《中华人民共和国清洁生产促进法》同时废止。');
  });

  it('says a missing article does not exist (fallback)', () => {
    const r = engine.ask('法典第1300条');
    expect(r.status).toBe('fallback');
    expect(r.text).toContain('共一千二百四十二条');
    expect(r.text).toContain('没有第一千三百条');
  });

  it('says a repealed article was repealed on 2026-08-15 and shows the Code article that carries it', () => {
    const r = engine.ask('环评法第三十一条');
    expect(r.status).toBe('answered');
    expect(r.text.split('\n')[0]).toContain('《中华人民共和国环境影响评价法》已于2026年8月15日废止');
    expect(r.repealed).toMatchObject({ source: 'eia-law', article: '第三十一条', repealedOn: '2026-08-15' });
    expect(r.repealed?.now).toContain('第一千零九十五条');
    expect(r.article?.number).toBe(1095);
    const r2 = engine.ask('环保法第六十三条');
    expect(r2.text).toContain('已于2026年8月15日废止');
    expect(r2.text).toContain('第一千一百零八条');
  });

  it("does not answer an old article with an entry on another law's article of that number", () => {
    const r = engine.ask('水污染防治法第九十九条');
    expect(r.text).toContain('《中华人民共和国水污染防治法》已于2026年8月15日废止');
    if (r.entry) expect(knowledge.entries.find((e) => e.id === r.entry!.id)?.formerly?.some((f) => f.includes('水污染防治法'))).toBe(true);
  });

  it("leaves other laws' articles and ordinary questions to the entries", () => {
    expect(engine.ask('未批先建怎么罚').article).toBeUndefined();
    expect(engine.ask('行政处罚法第三十二条').article).toBeUndefined();
    expect(engine.ask('处罚决定书第3条写的是什么意思').article).toBeUndefined();
  });

  it('before 2026-08-15 the Code is 尚未施行 and the old laws are not treated as repealed', () => {
    const before = new AnswerEngine(knowledge, { today: () => '2026-06-01' });
    const r = before.ask('法典第十五条');
    expect(r.article?.validity).toBe('尚未施行（2026年8月15日起施行）');
    expect(r.text.startsWith('⚠️')).toBe(true);
    expect(before.ask('环评法第三十一条').repealed).toBeUndefined();
  });
});
