/**
 * Running the bot: long polling with @grammyjs/runner (updates of one chat in order) by default, or a
 * webhook at PUBLIC_URL/telegram/webhook (served by src/server/routes/telegram-webhook.ts) when PUBLIC_URL
 * is set. Every Bot API failure here is logged and never stops the rest of the service.
 */
import { randomBytes } from 'node:crypto';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { Logger } from 'pino';
import { registerCommands } from './commands.js';
import type { BotContext } from './context.js';
import { describeError } from './safe-error.js';

/** Path of the webhook route (the token never appears in it). */
export const WEBHOOK_PATH = '/telegram/webhook';

/** Update types the bot handles. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'poll_answer'] as const;

/** How the bot receives updates. */
export interface RunOptions {
  /** Public base URL: set → webhook mode (default: none: long polling). */
  publicUrl?: string;
  /** Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (webhook mode; required there). */
  webhookSecret?: string;
  /** Bot token, only to redact it from logged errors. */
  token: string;
  logger: Logger;
  /** Time getMe may take before the channel is reported off (default: 15_000 ms). */
  initTimeoutMs?: number;
}

/** A running bot. */
export interface RunningBot {
  mode: 'polling' | 'webhook';
  /** Stops long polling (a webhook stays registered for the next start). */
  stop(): Promise<void>;
}

/** The webhook secret: TELEGRAM_WEBHOOK_SECRET, or a random one for this run (set with setWebhook). */
export function webhookSecret(configured?: string): string {
  return configured || randomBytes(24).toString('hex');
}

/**
 * Starts receiving updates. Resolves undefined when the bot cannot start (e.g. getMe fails: wrong token,
 * no network); the error is logged and the rest of the service keeps running.
 */
export async function startBot(bot: Bot<BotContext>, opts: RunOptions): Promise<RunningBot | undefined> {
  const { logger, token } = opts;
  try {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from the Bot API within ${opts.initTimeoutMs ?? 15_000} ms`)), opts.initTimeoutMs ?? 15_000);
    });
    await Promise.race([bot.init(), timeout]).finally(() => clearTimeout(timer));
  } catch (err) {
    logger.error({ error: describeError(err, token) }, 'Telegram bot could not start (getMe failed): the Telegram channel is off');
    return undefined;
  }
  await registerCommands(bot.api, logger, token);
  if (opts.publicUrl) {
    const url = `${opts.publicUrl}${WEBHOOK_PATH}`;
    try {
      await bot.api.setWebhook(url, { secret_token: opts.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
      logger.info({ url, bot: bot.botInfo.username }, 'Telegram channel on (webhook)');
    } catch (err) {
      logger.error({ url, error: describeError(err, token) }, 'setWebhook failed: Telegram will not deliver updates');
    }
    return { mode: 'webhook', stop: async () => undefined };
  }
  try {
    await bot.api.deleteWebhook();
  } catch (err) {
    logger.warn({ error: describeError(err, token) }, 'deleteWebhook failed; long polling anyway');
  }
  const runner: RunnerHandle = run(bot, {
    runner: { fetch: { timeout: 30, allowed_updates: [...ALLOWED_UPDATES] }, silent: true, retryInterval: 'exponential' },
  });
  void runner.task()?.catch((err: unknown) => logger.error({ error: describeError(err, token) }, 'Telegram long polling stopped'));
  logger.info({ bot: bot.botInfo.username }, 'Telegram channel on (long polling)');
  return {
    mode: 'polling',
    stop: async () => {
      if (runner.isRunning()) await runner.stop();
    },
  };
}
