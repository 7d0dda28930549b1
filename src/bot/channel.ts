/**
 * The Telegram channel as the entry file starts it: the bot built from the settings and services, the
 * webhook secret when PUBLIC_URL is set, and start/stop. Only main.ts uses this.
 */
import type { Bot } from 'grammy';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Services } from '../runtime.js';
import { createBot } from './bot.js';
import type { BotContext, BotDeps, EventDirectory } from './context.js';
import { logPopularity } from './popular.js';
import { startBot, webhookSecret, type RunningBot } from './run.js';

/** An event as any event registry returns it (structural: the bot does not depend on src/events). */
export interface EventLike {
  name: string;
  greeting?: string;
}

/** Event greetings from a registry with `get(code)`: its greeting, else 欢迎参加<name>. */
export function eventGreetings(registry: { get(code: string): EventLike | undefined }): EventDirectory {
  return {
    greeting: (code) => {
      const e = registry.get(code);
      return e ? e.greeting?.trim() || `欢迎参加“${e.name}”活动！` : undefined;
    },
  };
}

/** The channel, built but not started. */
export interface TelegramChannel {
  bot: Bot<BotContext>;
  /** Set in webhook mode (PUBLIC_URL): the app serves POST /telegram/webhook with this secret. */
  webhook?: { secret: string };
  start(): Promise<RunningBot | undefined>;
  stop(): Promise<void>;
}

/** Builds the channel when TELEGRAM_BOT_TOKEN is set; undefined otherwise. */
export function createTelegramChannel(
  config: Config,
  services: Pick<Services, 'service' | 'log'>,
  logger: Logger,
  extra: Pick<BotDeps, 'events' | 'staff' | 'quiz' | 'messages'> = {},
): TelegramChannel | undefined {
  const token = config.telegramToken;
  if (!token) return undefined;
  const log = logger.child({ channel: 'telegram' });
  const bot = createBot(
    token,
    { service: services.service, logger: log, popularity: logPopularity(services.log), publicUrl: config.publicUrl, ...extra },
    config.telegramApiRoot ? { client: { apiRoot: config.telegramApiRoot } } : undefined,
  );
  const webhook = config.publicUrl ? { secret: webhookSecret(config.telegramWebhookSecret) } : undefined;
  let running: RunningBot | undefined;
  return {
    bot,
    webhook,
    start: async () => {
      running = await startBot(bot, { publicUrl: config.publicUrl, webhookSecret: webhook?.secret, token, logger: log });
      return running;
    },
    stop: async () => {
      await running?.stop();
    },
  };
}
