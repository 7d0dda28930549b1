/**
 * Offline harness in grammY's own test style: the bot has `botInfo` preset (no getMe), a transformer records
 * every outgoing Bot API call and returns a fake result, and tests drive it with `bot.handleUpdate`.
 */
import type { Bot } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { createBot } from '../../src/bot/bot.js';
import type { BotContext, BotDeps } from '../../src/bot/context.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { AskService } from '../../src/service/ask-service.js';
import { openDatabase } from '../../src/store/database.js';
import { QuestionLog } from '../../src/store/question-log.js';
import { FIXTURE_DIR } from '../helpers/fixture.js';

/** A test token (never a real one). */
export const TOKEN = '123456:TEST-token-abcdefghijklmnop';

/** The bot's own user. */
export const BOT_INFO: UserFromGetMe = {
  id: 42,
  is_bot: true,
  first_name: '环保普法助手',
  username: 'pufa_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

/** One recorded Bot API call. */
export interface Call {
  method: string;
  payload: Record<string, unknown>;
}

/** The fixture engine, an in-memory question log and its service. */
export async function fixtureService(): Promise<{ service: AskService; log: QuestionLog }> {
  const engine = new AnswerEngine(await loadKnowledge(FIXTURE_DIR, '2026-06-01'), {
    contacts: { bureauName: '测试区生态环境局', phone: '0374-1234567', hours: '工作日' },
    today: () => '2026-06-01',
  });
  const log = new QuestionLog(openDatabase(':memory:'));
  return { service: new AskService(engine, log), log };
}

/** A bot with every outgoing call captured in `calls`; `fail` makes a method reject like the Bot API. */
export async function testBot(
  deps: Partial<BotDeps> = {},
  fail: (method: string) => boolean = () => false,
): Promise<{
  bot: Bot<BotContext>;
  calls: Call[];
  log: QuestionLog;
  service: AskService;
}> {
  const { service, log } = await fixtureService();
  const bot = createBot(TOKEN, { service, ...deps }, { botInfo: BOT_INFO });
  const calls: Call[] = [];
  let messageId = 1000;
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    if (fail(method)) return { ok: false, error_code: 400, description: `Bad Request: ${method} rejected` } as never;
    const p = payload as Record<string, unknown>;
    const result = method === 'sendMessage' ? { message_id: messageId++, date: 0, chat: { id: p.chat_id, type: 'private' }, text: p.text } : true;
    return { ok: true, result } as never;
  });
  return { bot, calls, log, service };
}

let updateId = 1;
const user = { id: 1001, is_bot: false, first_name: '张', language_code: 'zh-hans' };

/** Chat of the updates (private by default). */
export type ChatKind = { id: number; type: 'private'; first_name: string } | { id: number; type: 'group' | 'supergroup'; title: string };

/** A private chat with the test user. */
export const PRIVATE: ChatKind = { id: 1001, type: 'private', first_name: '张' };
/** A group. */
export const GROUP: ChatKind = { id: -2002, type: 'supergroup', title: '企业环保交流群' };

/** A text message update; a leading /command gets its bot_command entity like Telegram sends it. */
export function textUpdate(text: string, chat: ChatKind = PRIVATE, extra: Record<string, unknown> = {}): Update {
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  const entities = command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : [];
  for (const m of text.matchAll(/@[A-Za-z0-9_]{5,}/g)) {
    if (!command || m.index! >= command[0].length) entities.push({ type: 'mention', offset: m.index!, length: m[0].length });
  }
  return {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: user,
      text,
      ...(entities.length ? { entities } : {}),
      ...extra,
    },
  } as unknown as Update;
}

/** A button press on a message of the bot. */
export function callbackUpdate(data: string, chat: ChatKind = PRIVATE, markup?: unknown): Update {
  return {
    update_id: updateId++,
    callback_query: {
      id: String(updateId),
      from: user,
      chat_instance: '1',
      data,
      message: { message_id: 999, date: 0, chat, from: BOT_INFO, text: '…', ...(markup ? { reply_markup: markup } : {}) },
    },
  } as unknown as Update;
}

/** A photo message. */
export function photoUpdate(chat: ChatKind = PRIVATE): Update {
  return {
    update_id: updateId++,
    message: { message_id: updateId, date: 0, chat, from: user, photo: [{ file_id: 'f', file_unique_id: 'u', width: 1, height: 1 }] },
  } as unknown as Update;
}

/** The texts of sendMessage calls. */
export function sentTexts(calls: Call[]): string[] {
  return calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.payload.text));
}

/** All callback_data of the inline keyboard of a call. */
export function buttonData(call: Call | undefined): string[] {
  const kb = (call?.payload.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [];
  return kb.flat().map((b) => b.callback_data ?? '');
}

/** All button labels of a call. */
export function buttonLabels(call: Call | undefined): string[] {
  const kb = (call?.payload.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? [];
  return kb.flat().map((b) => b.text);
}
