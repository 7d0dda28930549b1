/**
 * The error boundary around all features: an error in one update is logged with its update id (never the
 * token) and answered with an apology, and the bot keeps running. In webhook mode this also keeps the HTTP
 * answer a 200, so Telegram does not re-send the update.
 */
import type { BotError } from 'grammy';
import type { BotContext } from './context.js';
import { describeError } from './safe-error.js';

/** The apology sent when handling an update failed. */
export const APOLOGY = '抱歉，处理您的消息时出现了问题，请稍后再试。紧急情况请拨打 12369 环保举报热线。';

/** Builds the boundary's handler; `token` is redacted from every logged text. */
export function errorHandler(token: string): (err: BotError<BotContext>) => Promise<void> {
  return async (err) => {
    const ctx = err.ctx;
    const updateId = ctx.update.update_id;
    const log = ctx.log ?? console;
    try {
      log.error({ update_id: updateId, error: describeError(err.error, token) }, 'telegram update failed');
    } catch {
      /* logging must not throw */
    }
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: '抱歉，出现了问题，请稍后再试。' });
      else if (ctx.chat) await ctx.reply(APOLOGY);
    } catch {
      /* the apology itself failed (network, blocked): nothing more to do */
    }
  };
}
