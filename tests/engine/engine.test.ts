import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { FIXTURE_DIR } from '../helpers/fixture.js';

let engine: AnswerEngine;
const at = (day: string) => async () => new AnswerEngine(await loadKnowledge(FIXTURE_DIR, day), { today: () => day });

beforeAll(async () => {
  engine = await at('2026-06-01')();
});

describe('AnswerEngine decisions on the fixture tree', () => {
  it('answers a clear question with the answer, the basis and the notice, in that order', () => {
    const r = engine.ask('請問排污證的有效期多久？');
    expect(r.status).toBe('answered');
    expect(r.entry?.id).toBe('permit-validity');
    expect(r.text).toMatch(/^排污许可证有效期为5年/);
    const basisAt = r.text.indexOf('法律依据：\n· 《测试管理条例》第十四条');
    const noticeAt = r.text.indexOf('以上为普法宣传信息');
    expect(basisAt).toBeGreaterThan(0);
    expect(noticeAt).toBeGreaterThan(basisAt);
    expect(r.entry?.basis).toEqual([{ source: 'reg-a', name: '测试管理条例', article: '第十四条', validity: '现行有效' }]);
    expect(r.alternatives).toEqual([{ id: 'waste-storage', title: '危险废物贮存期限' }]);
    expect(r.score).toBeGreaterThan(0);
  });

  it('asks to clarify when two entries fit equally, and a bare number then picks one', () => {
    const r = engine.ask('联单', 's1');
    expect(r.status).toBe('clarify');
    expect(r.alternatives.map((a) => a.id).sort()).toEqual(['waste-manifest-a', 'waste-manifest-b']);
    expect(r.text).toContain('1. ');
    const pick = engine.ask('2', 's1');
    expect(pick.status).toBe('answered');
    expect(pick.entry?.id).toBe(r.alternatives[1].id);
  });

  it('falls back honestly with the human routes when nothing is relevant', () => {
    const r = engine.ask('今天天气怎么样');
    expect(r.status).toBe('fallback');
    expect(r.text).toContain('12369');
    expect(r.text).toContain('12345');
    expect(r.entry).toBeUndefined();
  });

  it("redirects another department's matter instead of answering", () => {
    const r = engine.ask('药品许可证有效期多久');
    expect(r.status).toBe('fallback');
    expect(r.text).toContain('市场监督管理部门');
  });

  it('replies to greetings, thanks and "what can you do" with small talk and examples', () => {
    for (const q of ['你好', '谢谢！', '你能做什么']) {
      const r = engine.ask(q);
      expect(r.status).toBe('smalltalk');
      expect(r.text).toContain('您可以这样问');
    }
  });

  it('never serves drafts', () => {
    const r = engine.ask('晚上施工噪声');
    expect(r.status).not.toBe('answered');
    expect(engine.entry('draft-entry')).toBeUndefined();
  });

  it('gives the general rule and refuses to judge the own case', () => {
    const r = engine.ask('我们排污许可证有效期多久，罚得合理吗');
    expect(r.status).toBe('answered');
    expect(r.text).toContain('不能判断您的具体案件');
  });
});

describe('validity in answers, with a fixed clock on both sides of the change', () => {
  it('announces the coming change before the date', async () => {
    const r = (await at('2029-12-31')()).ask('危险废物贮存期限');
    expect(r.status).toBe('answered');
    expect(r.entry?.basis[0].validity).toBe('现行有效');
    expect(r.text).toContain('《测试旧法》将于2030年1月1日被《测试法典》取代');
    expect(r.entry?.needsReview).toBeUndefined();
  });
  it('marks the basis superseded and the entry under review on and after the date', async () => {
    const r = (await at('2030-01-01')()).ask('危险废物贮存期限');
    expect(r.entry?.basis[0].validity).toBe('已被《测试法典》取代（2030年1月1日起）');
    expect(r.text).toContain('《测试旧法》第八十一条（已被《测试法典》取代（2030年1月1日起））');
    expect(r.text).toContain('本条目正在复核');
    expect(r.entry?.needsReview).toBe(true);
  });
});

describe('live updates', () => {
  it('serves an upserted entry at once and stops serving a removed or unpublished one', async () => {
    const e = await at('2026-06-01')();
    const entry = { ...e.entry('permit-validity')!, answer: '排污许可证有效期为5年（已更新的答案）。' };
    e.upsertEntry(entry);
    expect(e.ask('排污许可证有效期多久').text).toContain('已更新的答案');
    e.upsertEntry({ ...entry, status: 'draft' });
    expect(e.entry('permit-validity')).toBeUndefined();
    expect(e.ask('排污许可证有效期多久').status).not.toBe('answered');
    e.upsertEntry(entry);
    e.removeEntry('permit-validity');
    expect(e.size).toBe(3);
  });
});

describe('validity windows of entries', () => {
  it('starts and stops serving an entry on its dates, without a reload', async () => {
    let day = '2026-06-01';
    const knowledge = await loadKnowledge(FIXTURE_DIR, day);
    const entries = knowledge.entries.map((e) => (e.id === 'permit-validity' ? { ...e, valid_from: '2026-07-01', valid_until: '2026-12-31' } : e));
    const e = new AnswerEngine({ ...knowledge, entries }, { today: () => day });
    expect(e.ask('排污许可证有效期多久').status).not.toBe('answered');
    expect(e.entry('permit-validity')).toBeUndefined();
    day = '2026-07-01';
    expect(e.ask('排污许可证有效期多久').entry?.id).toBe('permit-validity');
    expect(e.published().map((x) => x.id)).toContain('permit-validity');
    day = '2027-01-01';
    expect(e.ask('排污许可证有效期多久').status).not.toBe('answered');
    expect(e.published().map((x) => x.id)).not.toContain('permit-validity');
  });
});
