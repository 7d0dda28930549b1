/** /contact and the 联系工作人员 button: the bureau's contacts from the settings, and 12369. */
import { Composer } from 'grammy';
import { contactLines, type Contacts } from '../../engine/compose.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../html.js';
import { replyHtml } from '../send-reply.js';

/** The contacts in HTML. */
export function contactHtml(contacts: Contacts): string {
  return ['<b>联系工作人员</b>', contactLines(contacts).map(escapeHtml).join('\n'), '您的问题已记录，工作人员会据此补充知识库。'].join('\n\n');
}

/** The contact feature. */
export const contact = new Composer<BotContext>();

contact.command('contact', (ctx) => replyHtml(ctx, contactHtml(ctx.deps.service.engine.options.contacts)));

contact.callbackQuery('c', async (ctx) => {
  await ctx.answerCallbackQuery();
  await replyHtml(ctx, contactHtml(ctx.deps.service.engine.options.contacts));
});
