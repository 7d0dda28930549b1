/** 「您问的是」 above every Telegram answer and the 「不是这个问题」 button (issue 11). */
import { describe, expect, it } from 'vitest';
import { decodeCallback, encodeCallback } from '../../src/bot/callback-data.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { AskService } from '../../src/service/ask-service.js';
import { conversationKnowledge } from '../engine/conversation-fixture.js';
import { buttonData, buttonLabels, callbackUpdate, sentTexts, testBot, textUpdate, type ChatKind } from './harness.js';

describe('您问的是 on Telegram', () => {
  it('an answer opens with 「您问的是：<title>」 and carries 不是这个问题 first', async () => {
    const { bot, calls } = await testBot();
    await bot.handleUpdate(textUpdate('危险废物转移联单怎么填写'));
    const answer = calls.at(-1)!;
    expect(String(answer.payload.text)).toMatch(/^您问的是：<b>危险废物转移联单怎么填写<\/b>/);
    expect(buttonLabels(answer)[0]).toBe('不是这个问题');
    expect(decodeCallback(buttonData(answer)[0])).toMatchObject({ kind: 'notThis' });
  });

  it('不是这个问题 records 👎, offers the other matches and the way to a person', async () => {
    const { bot, calls, log } = await testBot();
    await bot.handleUpdate(textUpdate('危险废物转移联单怎么填写'));
    const data = buttonData(calls.at(-1)!)[0];
    const action = decodeCallback(data);
    expect(action?.kind).toBe('notThis');
    const logId = action?.kind === 'notThis' ? action.logId : 0;
    expect(logId).toBeGreaterThan(0);
    await bot.handleUpdate(callbackUpdate(data));
    expect(log.get(logId)!.feedback).toBe(-1);
    const offer = calls.at(-1)!;
    expect(String(offer.payload.text)).toContain('您是不是想问');
    expect(String(offer.payload.text)).toContain('12369');
    expect(buttonData(offer)).toContain('e:waste-manifest-b');
    expect(buttonData(offer)).not.toContain('e:waste-manifest-a');
    expect(buttonData(offer)).toEqual(expect.arrayContaining(['c', 'm']));
  });

  it('without a logged question it still shows the contacts', async () => {
    const { bot, calls } = await testBot();
    await bot.handleUpdate(callbackUpdate(encodeCallback({ kind: 'notThis', logId: 0 })));
    const texts = sentTexts(calls);
    expect(texts.at(-1)).toContain('联系工作人员');
    expect(texts.at(-1)).not.toContain('您是不是想问');
  });
});

describe('follow-ups on Telegram', () => {
  it('each chat is its own conversation: the same follow-up after different questions gets different answers', async () => {
    const kb = await conversationKnowledge();
    const engine = new AnswerEngine(await loadKnowledge(kb.dir, '2026-06-01'), { today: () => '2026-06-01' });
    const { bot, calls } = await testBot({ service: new AskService(engine) });
    const a: ChatKind = { id: 3001, type: 'private', first_name: '甲' };
    const b: ChatKind = { id: 3002, type: 'private', first_name: '乙' };
    const last = () => String(calls.filter((c) => c.method === 'sendMessage').at(-1)!.payload.text);
    await bot.handleUpdate(textUpdate('环评报告书审批要多久', a));
    await bot.handleUpdate(textUpdate('未批先建怎么处罚', b));
    await bot.handleUpdate(textUpdate('那报告表呢', a));
    expect(last()).toMatch(/^您问的是：<b>环评报告书报告表审批要多久<\/b>/);
    await bot.handleUpdate(textUpdate('那报告表呢', b));
    expect(last()).toMatch(/^您问的是：<b>环评未批先建怎么处罚<\/b>/);
    await kb.cleanup();
  });
});

describe('fallback suggestions on Telegram', () => {
  it('a fallback near an entry shows it as a button above the contacts', async () => {
    const { bot, calls } = await testBot();
    await bot.handleUpdate(textUpdate('危废贮存的房间有啥要求'));
    const reply = calls.at(-1)!;
    expect(String(reply.payload.text)).toContain('您是不是想问');
    expect(buttonData(reply)).toEqual(['e:waste-storage', 'c', 'm']);
  });
});
