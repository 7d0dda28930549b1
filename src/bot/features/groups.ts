/**
 * Groups: the bot answers commands, replies to its own messages and @mentions of it; every other group
 * message stops here, silently. Private chats and button presses pass unchanged.
 */
import { Composer } from 'grammy';
import type { Message } from 'grammy/types';
import type { BotContext } from '../context.js';

/** Whether a group message is addressed to the bot (`me` is the bot's user id and username). */
export function addressedToBot(msg: Message, me: { id: number; username: string }): boolean {
  if (msg.reply_to_message?.from?.id === me.id) return true;
  const text = msg.text ?? msg.caption ?? '';
  const entities = msg.entities ?? msg.caption_entities ?? [];
  const mention = `@${me.username}`.toLowerCase();
  for (const e of entities) {
    const part = text.slice(e.offset, e.offset + e.length).toLowerCase();
    if (e.type === 'mention' && part === mention) return true;
    if (e.type === 'text_mention' && e.user?.id === me.id) return true;
    // A command counts unless it names another bot (/start@OtherBot).
    if (e.type === 'bot_command' && e.offset === 0) return !part.includes('@') || part.endsWith(mention);
  }
  return false;
}

/** The group feature: a filter in front of all others. */
export const groups = new Composer<BotContext>();

groups.use(async (ctx, next) => {
  const type = ctx.chat?.type;
  if ((type === 'group' || type === 'supergroup') && ctx.message) {
    if (!addressedToBot(ctx.message, ctx.me)) return;
  }
  await next();
});
