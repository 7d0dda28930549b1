import { describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { createBot } from '../../src/bot/bot.js';
import type { QuizQuestion } from '../../src/quiz/schema.js';
import { QuizResults } from '../../src/quiz/results.js';
import { openDatabase } from '../../src/store/database.js';
import { BOT_INFO, callbackUpdate, fixtureService, sentTexts, textUpdate, TOKEN, type Call } from './harness.js';

const QUESTIONS: QuizQuestion[] = [1, 2, 3].map((n) => ({
  id: `q${n}`,
  topic: 'permit',
  question: `第${n}个测试问题是什么？`,
  options: ['甲', '乙', '丙'],
  answer: 1,
  explanation: `解释${n}`,
  basis: { source: 'reg-a', article: '第一条' },
}));

async function quizBot(pollsWork: boolean) {
  const { service } = await fixtureService();
  const db = openDatabase(':memory:');
  const results = new QuizResults(db);
  const bot = createBot(TOKEN, { service, quiz: { questions: QUESTIONS, results, roundSize: 3 } }, { botInfo: BOT_INFO });
  const calls: Call[] = [];
  let poll = 0;
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    if (method === 'sendPoll') {
      if (!pollsWork) return { ok: false, error_code: 404, description: 'Not Found: method not implemented' } as never;
      return { ok: true, result: { message_id: 1, date: 0, chat: { id: 1001, type: 'private' }, poll: { id: `poll-${++poll}` } } } as never;
    }
    return { ok: true, result: method === 'sendMessage' ? { message_id: 1, date: 0, chat: { id: 1001, type: 'private' }, text: '' } : true } as never;
  });
  return { bot, calls, db };
}

const pollAnswer = (pollId: string, option: number): Update =>
  ({
    update_id: Math.floor(Math.random() * 1e9),
    poll_answer: { poll_id: pollId, user: { id: 1001, is_bot: false, first_name: '张' }, option_ids: [option] },
  }) as Update;

describe('/quiz on Telegram', () => {
  it('sends native quiz polls one after another, then the score, and saves the result', async () => {
    const { bot, calls, db } = await quizBot(true);
    await bot.handleUpdate(textUpdate('/quiz'));
    const poll = calls.find((c) => c.method === 'sendPoll')!;
    expect(poll.payload).toMatchObject({ type: 'quiz', is_anonymous: false, correct_option_ids: [1] });
    await bot.handleUpdate(pollAnswer('poll-1', 1));
    await bot.handleUpdate(pollAnswer('poll-2', 0));
    await bot.handleUpdate(pollAnswer('poll-3', 1));
    expect(calls.filter((c) => c.method === 'sendPoll')).toHaveLength(3);
    expect(sentTexts(calls).at(-1)).toContain('答对 2 / 3 题');
    expect(db.prepare('SELECT channel, score, total FROM quiz_results').all()).toEqual([{ channel: 'telegram', score: 2, total: 3 }]);
  });

  it('falls back to inline buttons where polls are not available', async () => {
    const { bot, calls } = await quizBot(false);
    await bot.handleUpdate(textUpdate('/quiz'));
    const q = calls.filter((c) => c.method === 'sendMessage').at(-1)!;
    expect(String(q.payload.text)).toContain('第 1/3 题');
    await bot.handleUpdate(callbackUpdate('qz:1:1'));
    expect(sentTexts(calls).some((t) => t.includes('✅ 回答正确'))).toBe(true);
    await bot.handleUpdate(callbackUpdate('qz:1:1')); // pressed twice: ignored
    await bot.handleUpdate(callbackUpdate('qz:2:2'));
    await bot.handleUpdate(callbackUpdate('qz:3:1'));
    expect(sentTexts(calls).some((t) => t.includes('❌ 正确答案：乙'))).toBe(true);
    expect(sentTexts(calls).at(-1)).toContain('答对 2 / 3 题');
  });
});
