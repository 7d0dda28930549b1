/** The bot's features, offline: realistic updates in, captured Bot API calls out. */
import { describe, expect, it } from 'vitest';
import { encodeCallback } from '../../src/bot/callback-data.js';
import { APOLOGY } from '../../src/bot/error-boundary.js';
import { MEDIA_HINT } from '../../src/bot/features/media.js';
import { RATE_LIMIT_MESSAGE } from '../../src/bot/bot.js';
import { buttonData, buttonLabels, callbackUpdate, GROUP, photoUpdate, sentTexts, testBot, textUpdate } from './harness.js';

describe('welcome', () => {
  it('/start: who runs the bot, three examples, the topic menu, in HTML', async () => {
    const { bot, calls } = await testBot();
    await bot.handleUpdate(textUpdate('/start'));
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call.method).toBe('sendMessage');
    expect(call.payload.parse_mode).toBe('HTML');
    expect(call.payload.chat_id).toBe(1001);
    expect(call.payload.text).toContain('<b>测试区生态环境局</b>');
    expect(call.payload.text).toContain('排污许可证有效期多久？');
    expect(call.payload.text).toContain('环保投诉电话是多少？');
    expect(buttonLabels(call)).toEqual(
      expect.arrayContaining(['排污许可', '排放标准', '环评与验收', '执法检查与处罚', '投诉举报与信访', '危险废物', '典型案例']),
    );
    expect(buttonData(call)).toContain('t:permit');
  });

  it("a known deep-link event gets its greeting, and the chat's questions count for it", async () => {
    const events = { greeting: (code: string) => (code === 'day65' ? '欢迎参加六五环境日 <宣传> 活动' : undefined) };
    const { bot, calls, log } = await testBot({ events });
    await bot.handleUpdate(textUpdate('/start day65'));
    expect(sentTexts(calls)[0]).toContain('欢迎参加六五环境日 &lt;宣传&gt; 活动');
    await bot.handleUpdate(textUpdate('排污许可证有效期多久'));
    const logId = Number(
      buttonData(calls.at(-1))
        .find((d) => d.startsWith('f:'))!
        .split(':')[1],
    );
    expect(log.get(logId)).toMatchObject({ channel: 'telegram', event: 'day65', entry_id: 'permit-validity' });
  });

  it('an unknown or malformed code gets the normal welcome and is not counted', async () => {
    const events = { greeting: () => undefined };
    const { bot, calls, log } = await testBot({ events });
    await bot.handleUpdate(textUpdate('/start nosuchevent'));
    await bot.handleUpdate(textUpdate('/start <script>'));
    for (const t of sentTexts(calls)) {
      expect(t).toMatch(/^您好！我是/);
      expect(t).not.toContain('script');
    }
    await bot.handleUpdate(textUpdate('排污许可证有效期多久'));
    const logId = Number(
      buttonData(calls.at(-1))
        .find((d) => d.startsWith('f:'))!
        .split(':')[1],
    );
    expect(log.get(logId)!.event).toBeNull();
  });

  it('a topic shows its questions as entry buttons; pressing one answers it', async () => {
    const { bot, calls } = await testBot();
    await bot.handleUpdate(callbackUpdate('t:waste'));
    expect(calls[0]).toMatchObject({ method: 'answerCallbackQuery' });
    const menu = calls[1];
    expect(menu.payload.text).toContain('危险废物');
    expect(buttonData(menu)).toEqual(expect.arrayContaining(['e:waste-storage', 'e:waste-manifest-a', 'm']));
    await bot.handleUpdate(callbackUpdate('e:waste-storage'));
    expect(sentTexts(calls).at(-1)).toContain('<b>危险废物贮存期限</b>');
  });

  it('the most asked questions of a topic come first', async () => {
    const popularity = () => new Map([['waste-manifest-b', 9]]);
    const { bot, calls } = await testBot({ popularity });
    await bot.handleUpdate(callbackUpdate('t:waste'));
    expect(buttonData(calls[1])[0]).toBe('e:waste-manifest-b');
  });
});

describe('questions', () => {
  it('answered: answer, 法律依据, notice, related, 👍/👎 with the log id, 联系工作人员', async () => {
    const { bot, calls, log } = await testBot();
    await bot.handleUpdate(textUpdate('排污许可证有效期多久'));
    const call = calls.at(-1)!;
    const text = String(call.payload.text);
    expect(call.payload.parse_mode).toBe('HTML');
    expect(text).toContain('5年');
    expect(text).toContain('<b>法律依据：</b>');
    expect(text).toContain('<i>以上为普法宣传信息');
    const data = buttonData(call);
    expect(data).toContain('e:waste-storage');
    expect(data).toContain('c');
    const up = data.find((d) => /^f:\d+:1$/.test(d))!;
    const id = Number(up.split(':')[1]);
    expect(log.get(id)).toMatchObject({ channel: 'telegram', question: '排污许可证有效期多久', entry_id: 'permit-validity' });
    expect(data).toContain(`f:${id}:0`);
    for (const d of data) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
  });

  it('logs the chat as session and the Telegram user id (hashed) as user', async () => {
    const { bot, log } = await testBot();
    await bot.handleUpdate(textUpdate('排污许可证有效期多久'));
    const row = log.get(1)!;
    expect(row.user_hash).toBe(log.hashUser('1001'));
  });

  it('clarify: the candidates as buttons', async () => {
    const { bot, calls } = await testBot();
    await bot.handleUpdate(textUpdate('危险废物转移联单'));
    const call = calls.at(-1)!;
    expect(call.payload.text).toContain('您想问的是下面哪一个问题');
    expect(buttonData(call)).toEqual(expect.arrayContaining(['e:waste-manifest-a', 'e:waste-manifest-b']));
  });

  it('fallback: honest, with the contacts; the question is kept for staff', async () => {
    const { bot, calls, log } = await testBot();
    await bot.handleUpdate(textUpdate('火星上的碳排放交易怎么做'));
    const text = sentTexts(calls).at(-1)!;
    expect(text).toContain('还没有收录');
    expect(text).toContain('12369');
    expect(log.get(1)).toMatchObject({ status: 'fallback', question: '火星上的碳排放交易怎么做' });
  });

  it('escapes every dynamic text', async () => {
    const { bot, calls } = await testBot();
    const t = await testBot();
    const entry = t.service.engine.entry('waste-storage')!;
    t.service.engine.upsertEntry({ ...entry, title: '贮存 <期限> & 条件', answer: '<script>alert(1)</script> 不超过一年 & 可延长' });
    await t.bot.handleUpdate(callbackUpdate('e:waste-storage'));
    const text = sentTexts(t.calls)[0];
    expect(text).toContain('<b>贮存 &lt;期限&gt; &amp; 条件</b>');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 不超过一年 &amp; 可延长');
    expect(text).not.toContain('<script>');
    await bot.handleUpdate(textUpdate('<b>排污许可证</b> & 有效期 <script>'));
    for (const s of sentTexts(calls)) expect(s).not.toContain('<script>');
  });

  it('a too long question is refused politely', async () => {
    const { bot, calls, log } = await testBot();
    await bot.handleUpdate(textUpdate('排'.repeat(501)));
    expect(sentTexts(calls)[0]).toContain('问题太长了');
    expect(log.get(1)).toBeUndefined();
  });

  it('splits an answer over 4,096 characters at paragraph boundaries', async () => {
    const { bot, calls, service } = await testBot();
    const entry = service.engine.entry('waste-storage')!;
    const long = Array.from({ length: 12 }, (_, i) => `第${i + 1}段：${'危险废物贮存的规定说明。'.repeat(40)}`).join('\n\n');
    service.engine.upsertEntry({ ...entry, answer: long });
    await bot.handleUpdate(callbackUpdate('e:waste-storage'));
    const parts = sentTexts(calls);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    // Each part ends at a whole paragraph.
    for (const p of parts.slice(0, -1)) expect(p).toMatch(/。$/);
    const sends = calls.filter((c) => c.method === 'sendMessage');
    expect(sends.slice(0, -1).every((c) => c.payload.reply_markup === undefined)).toBe(true);
    expect(buttonData(sends.at(-1))).toContain('c');
  });
});

describe('buttons', () => {
  it('👍 records feedback on the log row, thanks, and removes the feedback buttons', async () => {
    const { bot, calls, log } = await testBot();
    await bot.handleUpdate(textUpdate('排污许可证有效期多久'));
    const answer = calls.at(-1)!;
    const up = buttonData(answer).find((d) => /^f:\d+:1$/.test(d))!;
    await bot.handleUpdate(callbackUpdate(up, undefined, answer.payload.reply_markup));
    expect(log.get(Number(up.split(':')[1]))!.feedback).toBe(1);
    expect(calls.find((c) => c.method === 'answerCallbackQuery')!.payload.text).toBe('感谢您的反馈！');
    const edit = calls.find((c) => c.method === 'editMessageReplyMarkup')!;
    expect(buttonData(edit).some((d) => d.startsWith('f:'))).toBe(false);
    expect(buttonData(edit)).toContain('c');
  });

  it('👎 on an unknown log id says so', async () => {
    const { bot, calls } = await testBot();
    await bot.handleUpdate(callbackUpdate(encodeCallback({ kind: 'feedback', logId: 999, helpful: false })));
    expect(calls[0].payload.text).toContain('无法记录');
  });

  it('联系工作人员 and /contact show the bureau contacts and 12369', async () => {
    const { bot, calls } = await testBot();
    await bot.handleUpdate(callbackUpdate('c'));
    await bot.handleUpdate(textUpdate('/contact'));
    for (const t of sentTexts(calls)) {
      expect(t).toContain('12369');
      expect(t).toContain('0374-1234567');
    }
  });

  it('an entry that is no longer served, or foreign data, gets a friendly note', async () => {
    const { bot, calls } = await testBot();
    await bot.handleUpdate(callbackUpdate('e:no-such-entry'));
    expect(sentTexts(calls)[0]).toContain('已下线');
    await bot.handleUpdate(callbackUpdate('zzz'));
    expect(calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });
});

describe('commands and media', () => {
  it('/help, /about, /topics', async () => {
    const { bot, calls } = await testBot();
    await bot.handleUpdate(textUpdate('/help'));
    await bot.handleUpdate(textUpdate('/about'));
    await bot.handleUpdate(textUpdate('/topics'));
    const [helpText, about, topics] = sentTexts(calls);
    expect(helpText).toContain('/contact');
    expect(about).toContain('谁执法谁普法');
    expect(about).toContain('不构成法律意见');
    expect(topics).toContain('请选择主题');
    expect(buttonData(calls[2])).toContain('t:cases');
  });

  it('an unknown command lists the commands', async () => {
    const { bot, calls } = await testBot();
    await bot.handleUpdate(textUpdate('/foo'));
    expect(sentTexts(calls)[0]).toContain('没有这个命令');
  });

  it('a photo gets the hint to type', async () => {
    const { bot, calls } = await testBot();
    await bot.handleUpdate(photoUpdate());
    expect(sentTexts(calls)).toEqual([MEDIA_HINT]);
  });
});

describe('groups', () => {
  it('silent on ordinary group messages, answers @mentions, replies to itself and commands', async () => {
    const { bot, calls } = await testBot();
    await bot.handleUpdate(textUpdate('排污许可证有效期多久', GROUP));
    await bot.handleUpdate(photoUpdate(GROUP));
    await bot.handleUpdate(textUpdate('/start@other_bot', GROUP));
    expect(calls).toHaveLength(0);
    await bot.handleUpdate(textUpdate('@pufa_test_bot 排污许可证有效期多久', GROUP));
    expect(sentTexts(calls).at(-1)).toContain('5年');
    await bot.handleUpdate(
      textUpdate('危险废物贮存期限', GROUP, {
        reply_to_message: { message_id: 5, date: 0, chat: GROUP, from: { id: 42, is_bot: true, first_name: 'b' }, text: 'x' },
      }),
    );
    expect(sentTexts(calls).at(-1)).toContain('危险废物贮存期限');
    await bot.handleUpdate(textUpdate('/help@pufa_test_bot', GROUP));
    expect(sentTexts(calls).at(-1)).toContain('使用帮助');
    expect(calls.every((c) => c.payload.chat_id === GROUP.id)).toBe(true);
  });
});

describe('resilience', () => {
  it('an error in one update is logged with its update id, answered with an apology; the next update works', async () => {
    const lines: string[] = [];
    const pino = (await import('pino')).default;
    const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
    const { bot, calls, service } = await testBot({ logger });
    const original = service.ask.bind(service);
    let broken = true;
    service.ask = (input) => {
      if (broken) throw new Error('index exploded');
      return original(input);
    };
    const update = textUpdate('排污许可证有效期多久');
    await bot.handleUpdate(update);
    expect(sentTexts(calls)).toEqual([APOLOGY]);
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'telegram update failed');
    expect(logged.update_id).toBe(update.update_id);
    expect(logged.error.message).toBe('index exploded');
    broken = false;
    await bot.handleUpdate(textUpdate('排污许可证有效期多久'));
    expect(sentTexts(calls).at(-1)).toContain('5年');
  });

  it('a failing Bot API call is logged without the token and does not stop the bot', async () => {
    const lines: string[] = [];
    const pino = (await import('pino')).default;
    const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
    let fail = true;
    const { bot, calls } = await testBot({ logger }, (m) => fail && m === 'sendMessage');
    await expect(bot.handleUpdate(textUpdate('/help'))).resolves.toBeUndefined();
    expect(lines.join('\n')).not.toContain('TEST-token');
    fail = false;
    await bot.handleUpdate(textUpdate('/help'));
    expect(calls.filter((c) => c.method === 'sendMessage').length).toBeGreaterThanOrEqual(3);
  });

  it('a user over the rate limit gets one polite message and is not answered', async () => {
    const { bot, calls, log } = await testBot({ rateLimit: { timeFrameMs: 60_000, limit: 2 } });
    for (let i = 0; i < 5; i++) await bot.handleUpdate(textUpdate('排污许可证有效期多久'));
    const texts = sentTexts(calls);
    expect(texts.filter((t) => t === RATE_LIMIT_MESSAGE)).toHaveLength(1);
    expect(texts.filter((t) => t.includes('5年'))).toHaveLength(2);
    expect(log.get(3)).toBeUndefined();
  });
});
