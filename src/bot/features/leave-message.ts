/**
 * 留言 on Telegram: the 「✉ 给工作人员留言」 button asks for the question and a contact with a ForceReply
 * prompt; the user's reply to that prompt is stored as a message for staff, confirmed with 已收到 and a receipt
 * code; /receipt <code> shows its status and the staff reply. Stateless: the prompt itself marks the reply.
 */
import { Composer } from 'grammy';
import type { MessageStore } from '../../messages/message-store.js';
import { normalizeReceiptCode } from '../../messages/receipt-code.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../html.js';
import { replyHtml } from '../send-reply.js';
import { LEAVE_MESSAGE_DATA } from '../keyboards.js';

/** First line of the prompt; a reply to a message of the bot starting with it is a 留言. */
export const PROMPT_MARK = '【给工作人员留言】';

const PROMPT = `${PROMPT_MARK}\n请直接回复这条消息：写下您的问题，以及联系电话（或其他联系方式）。\n发送即表示同意：联系方式仅用于工作人员回复本次留言，办结后按规定期限删除。`;

const PHONE = /(?:\+?86[-\s]?)?(1[3-9]\d{9}|0\d{2,3}[-\s]?\d{7,8})/;

/** Splits a 留言 text into question and contact (a phone number in it, else the Telegram chat). */
export function parseLeftMessage(text: string, fallbackContact: string): { question: string; contact: string } {
  const m = PHONE.exec(text);
  if (!m) return { question: text.trim(), contact: fallbackContact };
  const question = (text.slice(0, m.index) + text.slice(m.index + m[0].length)).replace(/(联系)?(电话|手机|方式)[:：]?\s*$/, '').trim();
  return { question: question || text.trim(), contact: m[0].replace(/\s/g, '') };
}

/** The 留言 feature (installed only when the messages store is given). */
export function leaveMessageFeature(messages: MessageStore): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.callbackQuery(LEAVE_MESSAGE_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(PROMPT, { reply_markup: { force_reply: true, input_field_placeholder: '问题和联系电话' } });
  });
  feature.command('receipt', async (ctx) => {
    const code = normalizeReceiptCode(String(ctx.match ?? ''));
    if (!code) return replyHtml(ctx, '请在命令后写上回执号，例如：/receipt K7Q3-M9XP');
    const m = messages.byCode(code);
    if (!m) return replyHtml(ctx, '没有找到这个回执号的留言，请核对后再试。');
    const lines = [`<b>留言 ${escapeHtml(m.code)}</b>：${escapeHtml(m.statusLabel)}`, `您的问题：${escapeHtml(m.question)}`];
    lines.push(m.reply ? `工作人员回复：${escapeHtml(m.reply)}` : '工作人员还没有回复，请稍后再查。');
    return replyHtml(ctx, lines.join('\n'));
  });
  feature.on('message:text', async (ctx, next) => {
    const prompt = ctx.message.reply_to_message;
    if (!prompt || prompt.from?.id !== ctx.me.id || !prompt.text?.startsWith(PROMPT_MARK)) return next();
    const text = ctx.message.text.trim();
    if ([...text].length < 4) return replyHtml(ctx, '留言内容太短了，请点「给工作人员留言」后重新写下您的问题和联系电话。');
    const username = ctx.from?.username ? `@${ctx.from.username}` : `chat ${ctx.chat.id}`;
    const { question, contact } = parseLeftMessage(text.slice(0, 1000), `Telegram ${username}`);
    const m = messages.create({ question, contact, channel: 'telegram' });
    ctx.log.info({ channel: 'telegram' }, 'message left for staff');
    await replyHtml(
      ctx,
      `<b>已收到</b>\n您的留言已转给工作人员。回执号：<code>${escapeHtml(m.code)}</code>\n发送 /receipt ${escapeHtml(m.code)} 可查看处理情况和回复。`,
    );
  });
  return feature;
}
