/** 👍 / 👎 under an answer: recorded with the logged question, then the two buttons are removed. */
import { Composer, InlineKeyboard } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import { decodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';

/** The feedback feature. */
export const feedback = new Composer<BotContext>();

feedback.callbackQuery(/^f:/, async (ctx) => {
  const action = decodeCallback(ctx.callbackQuery.data);
  if (action?.kind !== 'feedback') {
    await ctx.answerCallbackQuery({ text: '这个按钮已过期。' });
    return;
  }
  const recorded = ctx.deps.service.feedback(action.logId, action.helpful);
  ctx.log.info({ logId: action.logId, helpful: action.helpful, recorded }, 'feedback');
  await ctx.answerCallbackQuery({ text: recorded ? '感谢您的反馈！' : '这条记录已过期，无法记录反馈。' });
  const markup = ctx.callbackQuery.message?.reply_markup?.inline_keyboard;
  if (!markup || !ctx.callbackQuery.message?.message_id) return;
  const rows = markup
    .map((row) => row.filter((b) => !('callback_data' in b && b.callback_data?.startsWith('f:'))))
    .filter((row) => row.length > 0) as InlineKeyboardButton[][];
  try {
    await ctx.editMessageReplyMarkup({ reply_markup: new InlineKeyboard(rows) });
  } catch (err) {
    ctx.log.debug({ error: (err as Error).message }, 'could not remove the feedback buttons');
  }
});
