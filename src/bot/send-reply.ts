/** Sending HTML messages (split when over 4,096 characters) and the engine's replies with their buttons. */
import type { InlineKeyboard } from 'grammy';
import { answerText, citeBasis } from '../engine/compose.js';
import type { Reply } from '../engine/reply.js';
import type { Entry } from '../knowledge/schema.js';
import type { LoggedReply } from '../service/ask-service.js';
import type { BotContext } from './context.js';
import { formatReply } from './format-reply.js';
import { splitMessage } from './html.js';
import { answerKeyboard, clarifyKeyboard, fallbackKeyboard, leaveMessageKeyboard } from './keyboards.js';

/** Sends HTML in as many messages as needed; the keyboard goes under the last one. */
export async function replyHtml(ctx: BotContext, html: string, keyboard?: InlineKeyboard): Promise<void> {
  const parts = splitMessage(html);
  for (let i = 0; i < parts.length; i++) {
    const last = i === parts.length - 1;
    await ctx.reply(parts[i], {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
    });
  }
}

/** The buttons that go with a reply of each status. */
export function replyKeyboard(reply: LoggedReply, canLeaveMessage = false): InlineKeyboard | undefined {
  switch (reply.status) {
    case 'contact':
      return canLeaveMessage ? leaveMessageKeyboard() : undefined;
    case 'answered':
      return answerKeyboard(reply.alternatives, reply.id);
    case 'clarify':
      return clarifyKeyboard(reply.alternatives);
    case 'fallback':
      return fallbackKeyboard(reply.alternatives);
    default:
      return undefined;
  }
}

/** Sends an engine reply as HTML with its buttons. */
export async function sendReply(ctx: BotContext, reply: LoggedReply): Promise<void> {
  await replyHtml(ctx, formatReply(reply, { publicUrl: ctx.deps.publicUrl }), replyKeyboard(reply, !!ctx.deps.messages));
}

/** Asks the service as this chat and user (with the chat's event), logging the question. */
export function askAs(ctx: BotContext, question: string): LoggedReply {
  const chat = ctx.chat ? String(ctx.chat.id) : undefined;
  return ctx.deps.service.ask({
    question,
    channel: 'telegram',
    session: chat,
    user: ctx.from ? String(ctx.from.id) : undefined,
    event: chat ? ctx.chatEvents.get(chat) : undefined,
  });
}

/**
 * The reply for one entry chosen by button: asked by its title so the question is logged (and can get
 * 👍 / 👎); if the engine would pick another entry for the title, the chosen entry is composed directly.
 */
export function replyForEntry(ctx: BotContext, entry: Entry): LoggedReply {
  const asked = askAs(ctx, entry.title);
  if (asked.status === 'answered' && asked.entry?.id === entry.id) return asked;
  const engine = ctx.deps.service.engine;
  const cited = citeBasis(entry, engine.sourceMap(), engine.options.today(), engine.lawLibrary());
  const reply: Reply = {
    status: 'answered',
    text: answerText(entry, cited),
    entry: { id: entry.id, title: entry.title, topic: entry.topic, basis: cited.basis, ...(entry.checked ? { checked: entry.checked } : {}) },
    alternatives: entry.related.filter((id) => engine.entry(id)).map((id) => ({ id, title: engine.entry(id)!.title })),
  };
  return reply;
}
