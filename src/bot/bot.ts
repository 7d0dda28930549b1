/**
 * createBot(token, deps, botConfig?): the Telegram channel as a grammY bot built from its dependencies.
 * Tests pass `botConfig.botInfo` so the bot never calls getMe, and install a transformer to capture calls.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type BotConfig } from 'grammy';
import pino from 'pino';
import { ChatEvents } from './chat-events.js';
import type { BotContext, BotDeps } from './context.js';
import { errorHandler } from './error-boundary.js';
import { ask } from './features/ask.js';
import { contact } from './features/contact.js';
import { entryButtons } from './features/entry-buttons.js';
import { feedback } from './features/feedback.js';
import { groups } from './features/groups.js';
import { help } from './features/help.js';
import { media } from './features/media.js';
import { welcome } from './features/welcome.js';
import { quizFeature } from './features/quiz.js';
import { leaveMessageFeature } from './features/leave-message.js';
import { notThis } from './features/not-this.js';
import { describeError } from './safe-error.js';

/** Default per-user rate limit: 20 messages or button presses per 30 seconds. */
export const DEFAULT_RATE_LIMIT = { timeFrameMs: 30_000, limit: 20 };

/**
 * Retries of a Bot API call after 429 or a 5xx (2 retries, waiting at most 5 s). A network error (Bot API
 * unreachable) is not retried but thrown at once (`rethrowHttpErrors`): auto-retry would otherwise retry it
 * for ever, with waits of up to an hour.
 */
export const RETRY = { maxRetryAttempts: 2, maxDelaySeconds: 5, rethrowHttpErrors: true };

/** The polite message when a user sends too fast. */
export const RATE_LIMIT_MESSAGE = '您发送得太快了，请稍等几秒再问。';

/** The chat an update belongs to: updates of one chat are handled one after another. */
export function chatKey(ctx: BotContext): string | undefined {
  return ctx.chat?.id.toString();
}

/** Builds the bot with every feature inside an error boundary. */
export function createBot(token: string, deps: BotDeps, botConfig?: BotConfig<BotContext>): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, botConfig);
  const logger = deps.logger ?? pino({ level: 'silent' });
  bot.api.config.use(autoRetry(RETRY));
  // Outermost: every call that still fails after the retries is logged (without the token).
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (err) {
      if (method !== 'getUpdates' || !signal?.aborted) logger.warn({ method, error: describeError(err, token) }, 'Bot API call failed');
      throw err;
    }
  });

  const chatEvents = new ChatEvents();
  bot.use(sequentialize(chatKey));
  bot.use(async (ctx, next) => {
    ctx.log = logger.child({ update_id: ctx.update.update_id });
    ctx.deps = deps;
    ctx.chatEvents = chatEvents;
    await next();
  });
  const rate = deps.rateLimit ?? DEFAULT_RATE_LIMIT;
  bot.use(
    limit<BotContext, never>({
      timeFrame: rate.timeFrameMs,
      limit: rate.limit,
      keyGenerator: (ctx) => ctx.from?.id.toString(),
      onLimitExceeded: (ctx) => {
        ctx.log.info({ user_limited: true }, 'rate limit exceeded');
        const sent = ctx.callbackQuery ? ctx.answerCallbackQuery({ text: RATE_LIMIT_MESSAGE }) : ctx.chat ? ctx.reply(RATE_LIMIT_MESSAGE) : undefined;
        void sent?.catch(() => undefined);
      },
    }),
  );
  const features = [
    groups,
    welcome,
    help,
    ...(deps.messages ? [leaveMessageFeature(deps.messages)] : []),
    contact,
    feedback,
    notThis,
    entryButtons,
    media,
    quizFeature(deps.quiz ?? { questions: [] }),
    ...(deps.staff ? [deps.staff] : []),
    ask,
  ];
  bot.errorBoundary(errorHandler(token), ...features);
  // Errors outside the boundary (the middleware above) are still never fatal.
  bot.catch(errorHandler(token));
  return bot;
}
