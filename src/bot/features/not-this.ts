/**
 * 「不是这个问题」 under an answer: records 👎 on the logged question, then offers the other matches of the same
 * question (the engine asked again, without the conversation) as buttons, the contacts and the topic menu.
 */
import { Composer } from 'grammy';
import { contactLines } from '../../engine/compose.js';
import type { EntryRef } from '../../engine/reply.js';
import { decodeCallback, encodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../html.js';
import { clarifyKeyboard } from '../keyboards.js';
import { replyHtml } from '../send-reply.js';

/** The other matches of a logged question, without the entry that answered it. */
function otherMatches(ctx: BotContext, logId: number): EntryRef[] {
  const row = logId > 0 ? ctx.deps.service.log?.get(logId) : undefined;
  if (!row) return [];
  const again = ctx.deps.service.engine.ask(row.question);
  const refs = again.status === 'answered' ? (again.candidates ?? []) : again.status === 'clarify' ? again.alternatives : [];
  return refs.filter((r) => r.id !== row.entry_id).slice(0, 3);
}

/** The 不是这个问题 feature. */
export const notThis = new Composer<BotContext>();

notThis.callbackQuery(/^n:/, async (ctx) => {
  const action = decodeCallback(ctx.callbackQuery.data);
  if (action?.kind !== 'notThis') {
    await ctx.answerCallbackQuery({ text: '这个按钮已过期。' });
    return;
  }
  const recorded = action.logId > 0 && ctx.deps.service.feedback(action.logId, false);
  await ctx.answerCallbackQuery({ text: recorded ? '已记录，工作人员会据此改进。' : undefined });
  const others = otherMatches(ctx, action.logId);
  ctx.log.info({ logId: action.logId, others: others.length }, 'not this question');
  const html = [
    '抱歉，可能没有理解对您的问题。',
    others.length ? '您是不是想问下面的问题？点一下就能看答复。' : '',
    `都不是？可以换个说法再问，或者联系工作人员：\n${contactLines(ctx.deps.service.engine.options.contacts).map(escapeHtml).join('\n')}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const kb = clarifyKeyboard(others)
    .text('联系工作人员', encodeCallback({ kind: 'contact' }))
    .text('浏览主题', encodeCallback({ kind: 'menu' }));
  await replyHtml(ctx, html, kb);
});
