/** A fallback suggests the entries close to the question (您是不是想问), offered and never answered. */
import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/engine/engine.js';
import { DEFAULT_DECISION } from '../../src/engine/decide.js';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/load.js';
import { FIXTURE_DIR } from '../helpers/fixture.js';

let knowledge: Knowledge;
const NEAR = '危废贮存的房间有啥要求';

beforeAll(async () => {
  knowledge = await loadKnowledge(FIXTURE_DIR, '2026-06-01');
});

const engineWith = (suggestShare = DEFAULT_DECISION.suggestShare) =>
  new AnswerEngine(knowledge, { today: () => '2026-06-01', decision: { ...DEFAULT_DECISION, suggestShare } });

describe('fallback suggestions', () => {
  it('a question under the answer threshold but close to an entry falls back and suggests it, numbered', () => {
    const r = engineWith().ask(NEAR);
    expect(r.status).toBe('fallback');
    expect(r.alternatives.map((a) => a.id)).toEqual(['waste-storage']);
    expect(r.text).toContain('您是不是想问');
    expect(r.text).toContain('1. 危险废物贮存期限');
    // The way to a person stays.
    expect(r.text).toContain('12369');
  });

  it('a bare number picks a suggestion in the same conversation, and in no other', () => {
    const engine = engineWith();
    engine.ask(NEAR, 'a');
    const picked = engine.ask('1', 'a');
    expect(picked.status).toBe('answered');
    expect(picked.entry?.id).toBe('waste-storage');
    engine.ask(NEAR, 'b');
    expect(engine.ask('1', 'c').entry?.id).toBeUndefined();
  });

  it('suggests nothing for a question near no entry, nor when turned off', () => {
    const none = engineWith().ask('今天天气怎么样');
    expect(none.status).toBe('fallback');
    expect(none.alternatives).toEqual([]);
    expect(none.text).not.toContain('您是不是想问');
    const off = engineWith(Number.POSITIVE_INFINITY).ask(NEAR);
    expect(off.status).toBe('fallback');
    expect(off.alternatives).toEqual([]);
  });

  it('defaults to 0.8 of the answer threshold', () => expect(DEFAULT_DECISION.suggestShare).toBe(0.8));
});
