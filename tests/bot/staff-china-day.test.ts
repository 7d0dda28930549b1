/** The bot's /stats counts China's today, whatever the UTC clock says (issue 13, D9). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'grammy';
import { createBot } from '../../src/bot/bot.js';
import type { BotContext } from '../../src/bot/context.js';
import { staffCommands } from '../../src/bot/features/staff.js';
import { startAdmin, type AdminHarness } from '../admin/admin-app.js';
import { BOT_INFO, sentTexts, textUpdate, TOKEN, type Call } from './harness.js';

let h: AdminHarness;
let calls: Call[] = [];
const botAt = (iso: string): Bot<BotContext> => {
  const b = createBot(
    TOKEN,
    { service: h.service, staff: staffCommands({ staffIds: [1001], log: h.log, engine: h.engine, admin: h.admin, now: () => new Date(iso) }) },
    { botInfo: BOT_INFO },
  );
  b.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    return { ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: '' } } as never;
  });
  return b;
};
const stats = async (iso: string) => {
  calls = [];
  await botAt(iso).handleUpdate(textUpdate('/stats'));
  return sentTexts(calls)[0];
};

beforeAll(async () => {
  h = await startAdmin();
  const q = { channel: 'telegram' as const, question: '排污证有效期多久', normalized: '排污证有效期多久', status: 'answered', topic: 'permit', latencyMs: 1 };
  h.log.record({ ...q, at: '2026-12-01T15:59:59.000Z', user: 'a' }); // 23:59:59 on 12-01 in Beijing
  h.log.record({ ...q, at: '2026-12-01T16:00:01.000Z', user: 'b' }); // 00:00:01 on 12-02 in Beijing
  h.log.record({ ...q, at: '2026-12-01T23:00:00.000Z', user: 'c' }); // 07:00 on 12-02 in Beijing
});
afterAll(() => h.close());

describe('/stats on China days', () => {
  it('just before Beijing midnight, today is 12-01 with one question', async () => {
    expect(await stats('2026-12-01T15:59:59.500Z')).toMatch(/今天：提问 1 个/);
  });
  it('just after Beijing midnight (still 12-01 in UTC), today is 12-02 with its own questions', async () => {
    expect(await stats('2026-12-01T16:00:01.500Z')).toMatch(/今天：提问 2 个/);
    expect(await stats('2026-12-01T23:30:00Z')).toMatch(/今天：提问 2 个.*提问人数 2/);
    // Week of Monday 2026-11-30: all three.
    expect(await stats('2026-12-01T23:30:00Z')).toMatch(/本周（自 2026-11-30）：提问 3 个/);
  });
});
