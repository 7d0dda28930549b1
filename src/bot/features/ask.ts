/** Any text: the engine's reply through the ask service, with its buttons. */
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { askAs, replyHtml, sendReply } from '../send-reply.js';

import { MAX_QUESTION_CHARS } from '../../engine/reply.js';

/** The question in a message: a group's @mention of the bot removed. */
export function questionText(text: string, botUsername: string): string {
  return text.replace(new RegExp(`@${botUsername}\\b`, 'gi'), ' ').trim();
}

/** The question feature. */
export const ask = new Composer<BotContext>();

ask.on('message:text', async (ctx) => {
  const text = ctx.msg.text;
  if (text.startsWith('/')) {
    await replyHtml(ctx, '没有这个命令。可用的命令：/start /topics /quiz /contact /help /about；也可以直接输入您的问题。');
    return;
  }
  const question = questionText(text, ctx.me.username);
  if (!question) {
    await replyHtml(ctx, '请直接输入您想咨询的问题，例如：排污许可证有效期多久？');
    return;
  }
  if ([...question].length > MAX_QUESTION_CHARS) {
    await replyHtml(ctx, `问题太长了（最多 ${MAX_QUESTION_CHARS} 个字），请精简后再问。`);
    return;
  }
  const reply = askAs(ctx, question);
  ctx.log.info({ status: reply.status, entry: reply.entry?.id, score: reply.score, event: ctx.chatEvents.get(String(ctx.chat.id)) }, 'answered question');
  await sendReply(ctx, reply);
});
