import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/engine/engine.js';
import { MemoryConversationStore } from '../../src/engine/conversation.js';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/load.js';
import { conversationKnowledge } from './conversation-fixture.js';

const DAY = '2026-06-01';
let knowledge: Knowledge;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const copy = await conversationKnowledge();
  cleanup = copy.cleanup;
  knowledge = await loadKnowledge(copy.dir, DAY);
  expect(knowledge.problems.filter((p) => p.severity === 'error')).toEqual([]);
});
afterAll(() => cleanup());

const engineWith = (store = new MemoryConversationStore()) => new AnswerEngine(knowledge, { today: () => DAY, conversations: store });

describe('follow-ups', () => {
  it('the same follow-up means different things after different questions', () => {
    const e = engineWith();
    expect(e.ask('环评报告书审批要多久', 'a').entry?.id).toBe('eia-deadline');
    expect(e.ask('未批先建怎么处罚', 'b').entry?.id).toBe('eia-penalty');
    const afterDeadline = e.ask('那报告表呢', 'a');
    const afterPenalty = e.ask('那报告表呢', 'b');
    expect(afterDeadline).toMatchObject({ status: 'answered', entry: { id: 'eia-deadline' } });
    expect(afterPenalty).toMatchObject({ status: 'answered', entry: { id: 'eia-penalty' } });
    expect(afterDeadline.text).not.toBe(afterPenalty.text);
  });

  it('a follow-up asking only an aspect keeps the subject (那罚多少钱 after a permit question)', () => {
    const e = engineWith();
    e.ask('排污许可证有效期多久', 's');
    expect(e.ask('那罚多少钱', 's').entry?.id).toBe('permit-penalty');
  });

  it('never leaks between sessions: another session asking the follow-up gets what a new conversation gets', () => {
    const e = engineWith();
    e.ask('未批先建怎么处罚', 'first');
    const fresh = engineWith().ask('那报告表呢', 'other');
    const other = e.ask('那报告表呢', 'other');
    expect(other.status).toBe(fresh.status);
    expect(other.entry?.id).toBe(fresh.entry?.id);
    expect(e.ask('那报告表呢').entry?.id).toBe(fresh.entry?.id); // no session: no context at all
  });

  it('forgets a conversation after its time to live', () => {
    let now = 1_000_000;
    const store = new MemoryConversationStore({ ttlMs: 30 * 60_000, now: () => now });
    const e = engineWith(store);
    e.ask('未批先建怎么处罚', 's');
    const fresh = engineWith().ask('那报告表呢', 'x');
    now += 31 * 60_000;
    expect(e.ask('那报告表呢', 's').entry?.id).toBe(fresh.entry?.id);
    expect(store.get('s')?.entryId).toBe(fresh.entry?.id); // the new reply starts a new context
  });

  it('a question that stands alone is not bent by the context', () => {
    const e = engineWith();
    e.ask('未批先建怎么处罚', 's');
    expect(e.ask('排污许可证有效期多久', 's').entry?.id).toBe('permit-validity');
  });

  it('a bare number picks a clarify option only right after a clarify', () => {
    const store = new MemoryConversationStore();
    const e = engineWith(store);
    store.set('s', { offered: ['waste-storage', 'permit-validity'] });
    expect(e.ask('2', 's').entry?.id).toBe('permit-validity');
    expect(store.get('s')?.offered).toBeUndefined();
  });
});

describe('a follow-up with nothing before it', () => {
  it('「那罚多少钱」 as a first message is not answered as if it stood alone', () => {
    const e = engineWith();
    expect(e.ask('那罚多少钱', 'fresh').status).not.toBe('answered');
  });

  it('「那报告表呢」 as a first message offers, it does not answer', () => {
    const e = engineWith();
    expect(e.ask('那报告表呢', 'fresh2').status).not.toBe('answered');
  });

  it('the demonstrative 那个 is not a reference to an earlier exchange', async () => {
    const { leansOnMissingContext } = await import('../../src/engine/follow-up.js');
    expect(leansOnMissingContext('那罚多少钱')).toBe(true);
    expect(leansOnMissingContext('那么报告书呢')).toBe(true);
    expect(leansOnMissingContext('那个工厂排污怎么办')).toBe(false);
    expect(leansOnMissingContext('那家饭店油烟很大')).toBe(false);
    expect(leansOnMissingContext('排污许可证有效期多久')).toBe(false);
  });
});

describe('a follow-up with nothing before it: the reply', () => {
  it('asks for the matter instead of the generic fallback', () => {
    const r = engineWith().ask('那罚多少钱', 'fresh3');
    expect(r.status).toBe('fallback');
    expect(r.text).toContain('请把事情说完整');
  });
});
