/**
 * Slow end-to-end test of the Telegram channel: the Bot API emulator `telegram-test-api` on a free loopback
 * port, and the real app (`src/main.ts`, run as a child process exactly as `npm run dev` does) with
 * TELEGRAM_API_ROOT pointing at it. A user starts the bot, follows a poster's deep link, asks three questions
 * and presses buttons; the test reads the bot's replies and checks their facts. The emulator implements only
 * some Bot API methods (setMyCommands, for one, fails): the bot must keep working regardless.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import telegramTestApi from 'telegram-test-api';
import type { TelegramServer as Emulator } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitFor } from '../helpers/net.js';

const root = path.resolve(import.meta.dirname, '../..');
const TOKEN = '777000:E2E-test-token-secret-part';
const USER = 5001;

/** A message the bot sent, as the emulator stored it. */
interface BotMessage {
  messageId: number;
  message: { chat_id: number | string; text: string; parse_mode?: string; reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] } };
}

// The package's CommonJS export is the class itself.
const TelegramServer = telegramTestApi as unknown as typeof Emulator;
let server: Emulator;
let child: ChildProcess;
let apiUrl: string;
let appUrl: string;
let dataDir: string;
let output = '';

async function post(url: string, body: unknown): Promise<{ ok: boolean; result: unknown }> {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await r.json()) as { ok: boolean; result: unknown };
}

const common = () => ({
  botToken: TOKEN,
  date: Math.floor(Date.now() / 1000),
  from: { id: USER, first_name: '王', username: 'wang', is_bot: false },
  chat: { id: USER, first_name: '王', username: 'wang', type: 'private' },
});

/** Sends a user message (a command gets its bot_command entity) and waits for `count` bot messages. */
async function say(text: string, count = 1): Promise<BotMessage[]> {
  const command = /^\/\w+/.exec(text);
  if (command) await post(`${apiUrl}/sendCommand`, { ...common(), text, entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] });
  else await post(`${apiUrl}/sendMessage`, { ...common(), text });
  return replies(count);
}

/** Presses a button of a bot message. */
async function press(on: BotMessage, data: string, count = 1): Promise<BotMessage[]> {
  await post(`${apiUrl}/sendCallback`, {
    ...common(),
    data,
    message: {
      message_id: on.messageId,
      chat: common().chat,
      from: { id: 666, is_bot: true, first_name: 'bot' },
      text: on.message.text,
      reply_markup: on.message.reply_markup,
    },
  });
  return replies(count);
}

/** Collects the next `count` unread bot messages in the user's chat. */
async function replies(count: number, timeoutMs = 15_000): Promise<BotMessage[]> {
  const got: BotMessage[] = [];
  const until = Date.now() + timeoutMs;
  while (got.length < count) {
    if (Date.now() > until)
      throw new Error(
        `expected ${count} bot messages, got ${got.length}:\n${got.map((g) => g.message.text).join('\n---\n')}\n\napp output:\n${output.slice(-3000)}`,
      );
    const r = await post(`${apiUrl}/getUpdates`, { token: TOKEN, chatId: USER });
    got.push(...(r.result as BotMessage[]));
    if (got.length < count) await new Promise((res) => setTimeout(res, 100));
  }
  return got;
}

const buttons = (m: BotMessage) => (m.message.reply_markup?.inline_keyboard ?? []).flat();

describe('Telegram channel against the Bot API emulator [slow]', () => {
  beforeAll(async () => {
    const apiPort = await freePort();
    server = new TelegramServer({ port: apiPort, host: '127.0.0.1', storeTimeout: 600 });
    await server.start();
    apiUrl = server.config.apiURL;
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    dataDir = mkdtempSync(path.join(tmpdir(), 'pufa-tg-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: apiUrl,
    };
    delete env.PUBLIC_URL;
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await waitFor(async () => (await fetch(`${appUrl}/healthz`)).ok && output.includes('Telegram channel on (long polling)'), 60_000);
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    }
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('/start: the welcome with examples and the topic menu', async () => {
    const [welcome] = await say('/start');
    expect(welcome.message.parse_mode).toBe('HTML');
    expect(welcome.message.text).toContain('魏都区生态环境局');
    expect(welcome.message.text).toContain('排污许可证有效期多久？');
    expect(buttons(welcome).map((b) => b.text)).toEqual(expect.arrayContaining(['排污许可', '执法检查与处罚', '危险废物', '典型案例']));
  });

  it('a deep link from a poster greets for the event', async () => {
    const [welcome] = await say('/start wed2026');
    expect(welcome.message.text).toContain('6月5日是世界环境日');
    expect(welcome.message.text).toContain('您好！我是');
  });

  let permitAnswer: BotMessage;

  it('answers three questions with their facts, basis and buttons', async () => {
    [permitAnswer] = await say('排污许可证有效期多久');
    expect(permitAnswer.message.text).toMatch(/5年/);
    expect(permitAnswer.message.text).toContain('法律依据');
    expect(permitAnswer.message.text).toContain('《排污许可管理条例》');
    expect(buttons(permitAnswer).map((b) => b.text)).toEqual(expect.arrayContaining(['👍 有帮助', '👎 没帮助', '联系工作人员']));

    const [complaint] = await say('环保投诉电话是多少');
    expect(complaint.message.text).toContain('12369');

    const [penalty] = await say('未批先建怎么处罚');
    expect(penalty.message.text).toMatch(/1%/);
    expect(penalty.message.text).toContain('法律依据');
  });

  it('buttons: 👍 is recorded; a topic lists questions; one of them is answered; 联系工作人员 shows 12369', async () => {
    const up = buttons(permitAnswer).find((b) => b.text.startsWith('👍'))!;
    await press(permitAnswer, up.callback_data, 0);
    const [topic] = await press(permitAnswer, 't:permit');
    expect(topic.message.text).toContain('排污许可');
    const first = buttons(topic).find((b) => b.callback_data.startsWith('e:'))!;
    const [answer] = await press(topic, first.callback_data);
    expect(answer.message.text).toContain('法律依据');
    const [contact] = await press(answer, 'c');
    expect(contact.message.text).toContain('12369');

    // The facts behind the buttons, in the app's own question log.
    const db = new Database(path.join(dataDir, 'pufa.db'), { readonly: true });
    try {
      const rows = db.prepare("SELECT question, event, feedback, channel FROM questions WHERE channel = 'telegram' ORDER BY id").all() as {
        question: string;
        event: string | null;
        feedback: number | null;
      }[];
      expect(rows.find((r) => r.question === '排污许可证有效期多久')).toMatchObject({ event: 'wed2026', feedback: 1 });
      expect(rows.filter((r) => r.event === 'wed2026').length).toBeGreaterThanOrEqual(3);
    } finally {
      db.close();
    }
  });

  it('kept working although the emulator rejects some methods; the token is never logged', () => {
    expect(output).toContain('setMyCommands failed');
    expect(output).not.toContain(TOKEN.split(':')[1]);
    expect(child.exitCode).toBeNull();
  });
});
