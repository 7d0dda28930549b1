/** /contact and the 联系工作人员 button: the bureau's contacts from the settings, and 12369. */
import { Composer, type InlineKeyboard } from 'grammy';
import { contactLines, type Contacts } from '../../engine/compose.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../html.js';
import { replyHtml } from '../send-reply.js';
import { leaveMessageKeyboard } from '../keyboards.js';

/** The 留言 button, when messages are kept. */
function leaveKeyboard(ctx: BotContext): InlineKeyboard | undefined {
  return ctx.deps.messages ? leaveMessageKeyboard() : undefined;
}

/** The contacts in HTML. */
export function contactHtml(contacts: Contacts): string {
  return ['<b>联系工作人员</b>', contactLines(contacts).map(escapeHtml).join('\n'), '需要工作人员回复您，请点下面的「给工作人员留言」。'].join('\n\n');
}

/** The contact feature. */
export const contact = new Composer<BotContext>();

contact.command('contact', (ctx) => replyHtml(ctx, contactHtml(ctx.deps.service.engine.options.contacts), leaveKeyboard(ctx)));

contact.callbackQuery('c', async (ctx) => {
  await ctx.answerCallbackQuery();
  await replyHtml(ctx, contactHtml(ctx.deps.service.engine.options.contacts), leaveKeyboard(ctx));
});
