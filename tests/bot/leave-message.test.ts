import { describe, expect, it } from 'vitest';
import { MessageStore } from '../../src/messages/message-store.js';
import { parseLeftMessage, PROMPT_MARK } from '../../src/bot/features/leave-message.js';
import { openDatabase } from '../../src/store/database.js';
import { BOT_INFO, buttonData, buttonLabels, callbackUpdate, PRIVATE, sentTexts, testBot, textUpdate } from './harness.js';

describe('parseLeftMessage', () => {
  it('takes a phone number out of the text as the contact', () => {
    expect(parseLeftMessage('饭店油烟太大找谁管 电话13800000000', 'tg')).toEqual({ question: '饭店油烟太大找谁管', contact: '13800000000' });
    expect(parseLeftMessage('夜里工地施工扰民，联系方式：0374-1234567', 'tg').contact).toBe('0374-1234567');
    expect(parseLeftMessage('没有电话的留言', 'Telegram @zhang')).toEqual({ question: '没有电话的留言', contact: 'Telegram @zhang' });
  });
});

describe('留言 on Telegram', () => {
  it('联系工作人员 offers 留言; a reply to the prompt is stored and confirmed with a receipt code; /receipt shows the staff reply', async () => {
    const messages = new MessageStore(openDatabase(':memory:'));
    const { bot, calls } = await testBot({ messages });
    await bot.handleUpdate(callbackUpdate('c'));
    const contactCall = calls.find((c) => c.method === 'sendMessage')!;
    expect(buttonLabels(contactCall)).toContain('✉ 给工作人员留言');
    await bot.handleUpdate(callbackUpdate(buttonData(contactCall)[0]));
    const prompt = calls.filter((c) => c.method === 'sendMessage').at(-1)!;
    expect(String(prompt.payload.text)).toContain(PROMPT_MARK);
    expect(prompt.payload.reply_markup).toMatchObject({ force_reply: true });
    const replyTo = { message_id: 77, date: 0, chat: PRIVATE, from: BOT_INFO, text: String(prompt.payload.text) };
    await bot.handleUpdate(textUpdate('我家楼下饭店油烟很大找谁管 13800000000', PRIVATE, { reply_to_message: replyTo }));
    const confirm = sentTexts(calls).at(-1)!;
    expect(confirm).toContain('已收到');
    const code = /([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(confirm)![1];
    const [m] = messages.list();
    expect(m).toMatchObject({ code, contact: '13800000000', channel: 'telegram', question: '我家楼下饭店油烟很大找谁管' });
    messages.update(m.id, '张三', { reply: '请拨打 12345 反映。' });
    await bot.handleUpdate(textUpdate(`/receipt ${code.toLowerCase()}`));
    expect(sentTexts(calls).at(-1)).toContain('请拨打 12345 反映。');
  });

  it('an ordinary message is still answered as a question, not stored', async () => {
    const messages = new MessageStore(openDatabase(':memory:'));
    const { bot } = await testBot({ messages });
    await bot.handleUpdate(textUpdate('危险废物能存多久'));
    expect(messages.list()).toHaveLength(0);
  });

  it('a request for a person gets the contacts and the 留言 button', async () => {
    const messages = new MessageStore(openDatabase(':memory:'));
    const { bot, calls } = await testBot({ messages });
    await bot.handleUpdate(textUpdate('我要转人工'));
    const call = calls.find((c) => c.method === 'sendMessage')!;
    expect(String(call.payload.text)).toContain('0374-1234567');
    expect(buttonLabels(call)).toContain('✉ 给工作人员留言');
  });
});
