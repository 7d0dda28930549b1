/** Buttons that name an entry (related questions, clarify candidates, a topic's questions): answer it. */
import { Composer } from 'grammy';
import { decodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { replyForEntry, replyHtml, sendReply } from '../send-reply.js';

/** The entry-button feature. */
export const entryButtons = new Composer<BotContext>();

entryButtons.callbackQuery(/^e:/, async (ctx) => {
  const action = decodeCallback(ctx.callbackQuery.data);
  await ctx.answerCallbackQuery();
  const entry = action?.kind === 'entry' ? ctx.deps.service.engine.entry(action.id) : undefined;
  if (!entry) {
    await replyHtml(ctx, '这个问题的答复已下线或正在更新，请换个说法直接提问。');
    return;
  }
  const reply = replyForEntry(ctx, entry);
  ctx.log.info({ entry: entry.id, logged: reply.id !== undefined }, 'answered entry button');
  await sendReply(ctx, reply);
});
