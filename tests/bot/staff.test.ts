import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from 'grammy';
import { createBot } from '../../src/bot/bot.js';
import type { BotContext } from '../../src/bot/context.js';
import { NOT_STAFF, staffCommands } from '../../src/bot/features/staff.js';
import { startAdmin, type AdminHarness } from '../admin/admin-app.js';
import { BOT_INFO, callbackUpdate, sentTexts, textUpdate, TOKEN, type Call } from './harness.js';

let h: AdminHarness;
let bot: Bot<BotContext>;
let outsider: Bot<BotContext>;
let calls: Call[];
const STAFF_ID = 1001; // the harness user

beforeAll(async () => {
  h = await startAdmin();
  const { service, log, engine, admin } = h;
  for (const q of ['光伏板回收归谁管', '光伏板回收归谁管理', '排污证有效期多久']) service.ask({ question: q, channel: 'telegram', session: q });
  const make = (ids: number[]) => {
    const b = createBot(TOKEN, { service, staff: staffCommands({ staffIds: ids, log, engine, admin }) }, { botInfo: BOT_INFO });
    b.api.config.use(async (_prev, method, payload) => {
      calls.push({ method, payload: payload as Record<string, unknown> });
      return { ok: true, result: method === 'sendMessage' ? { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: '' } : true } as never;
    });
    return b;
  };
  bot = make([STAFF_ID]);
  outsider = make([4242]);
});
afterAll(() => h.close());

const send = async (b: Bot<BotContext>, update: Parameters<Bot<BotContext>['handleUpdate']>[0]) => {
  calls = [];
  await b.handleUpdate(update);
  return sentTexts(calls);
};

describe('staff commands on Telegram', () => {
  it('give a non-staff user no data', async () => {
    for (const c of ['/gaps', '/stats', '/draft']) {
      const texts = await send(outsider, textUpdate(c));
      expect(texts).toEqual([NOT_STAFF]);
    }
  });

  it('/gaps lists the grouped unanswered questions', async () => {
    const [text] = await send(bot, textUpdate('/gaps'));
    expect(text).toContain('1. 光伏板回收归谁管');
    expect(text).toContain('（2次）');
  });

  it('/stats gives today and this week', async () => {
    const [text] = await send(bot, textUpdate('/stats'));
    expect(text).toMatch(/今天：提问 3 个，解答率 33%/);
    expect(text).toContain('本周');
  });

  it('/draft walks through title, questions, topic and answer and creates a draft', async () => {
    expect((await send(bot, textUpdate('/draft')))[0]).toContain('第1步');
    expect((await send(bot, textUpdate('光伏板回收归谁管？')))[0]).toContain('第2步');
    expect((await send(bot, textUpdate('光伏组件报废怎么处理\n废光伏板算危废吗')))[0]).toContain('第3步');
    expect((await send(bot, callbackUpdate('dt:waste')))[0]).toContain('第4步');
    const [done] = await send(bot, textUpdate('废弃光伏组件按固体废物管理，具体以当地规定为准。'));
    expect(done).toMatch(/草稿已创建：waste-draft-[a-z0-9]+/);
    const id = /waste-draft-[a-z0-9]+/.exec(done)![0];
    const view = h.admin.store.get(id)!;
    expect(view).toBeDefined();
    expect(JSON.stringify(view)).toContain('光伏组件报废怎么处理');
    // A draft is never served.
    const [answer] = await send(bot, textUpdate('光伏板回收归谁管？'));
    expect(answer).not.toContain('废弃光伏组件按固体废物管理');
  });

  it('/cancel ends a draft conversation', async () => {
    await send(bot, textUpdate('/draft'));
    expect((await send(bot, textUpdate('/cancel')))[0]).toBe('已取消起草。');
  });
});
