/**
 * POST /telegram/webhook: Telegram delivers updates here in webhook mode (PUBLIC_URL set). The
 * X-Telegram-Bot-Api-Secret-Token header must equal the secret (401 otherwise); the route is not subject to
 * the HTTP rate limit (Telegram's servers send every user's updates). Every accepted update is answered 200
 * within `ackMs` (under a second), whether or not the bot has finished it: handling goes on in the
 * background, so a slow or unreachable Bot API never makes Telegram re-send the update.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { BotContext } from '../../bot/context.js';
import { WEBHOOK_PATH } from '../../bot/run.js';

/** Options of the webhook route. */
export interface TelegramWebhookOptions {
  bot: Bot<BotContext>;
  /** The secret Telegram sends (TELEGRAM_WEBHOOK_SECRET). */
  secret: string;
  /** Time to handle one update before answering 200 anyway; handling goes on after (default: 500 ms). */
  ackMs?: number;
  /** On close, time to let updates in progress finish (default: 5_000 ms). */
  drainMs?: number;
}

/** Largest update accepted, in bytes (default app body limit is smaller; a long message is ~20 KB). */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

function sameSecret(given: unknown, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The webhook route as an encapsulated Fastify plugin. */
export async function telegramWebhookRoutes(app: FastifyInstance, opts: TelegramWebhookOptions): Promise<void> {
  if (!opts.secret) throw new Error('telegram-webhook: a secret is required (set TELEGRAM_WEBHOOK_SECRET)');
  const pending = new Set<Promise<void>>();
  const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
  app.addHook('onClose', async () => {
    await Promise.race([Promise.allSettled([...pending]), delay(opts.drainMs ?? 5_000)]);
  });
  app.post(
    WEBHOOK_PATH,
    {
      bodyLimit: WEBHOOK_BODY_LIMIT,
      config: { rateLimit: false },
      schema: { body: { type: 'object', properties: { update_id: { type: 'integer' } }, required: ['update_id'] } },
      // Checked before the body is even read.
      onRequest: async (request, reply) => {
        if (!sameSecret(request.headers['x-telegram-bot-api-secret-token'], opts.secret)) {
          request.log.warn('telegram webhook: wrong or missing secret token');
          return reply.code(401).send({ error: '未授权。' });
        }
      },
    },
    async (request, reply) => {
      const work = Promise.resolve()
        .then(() => opts.bot.handleUpdate(request.body as Update))
        .catch((err: unknown) => request.log.error({ err: err instanceof Error ? err.message : String(err) }, 'telegram update failed'))
        .finally(() => pending.delete(work));
      pending.add(work);
      await Promise.race([work, delay(opts.ackMs ?? 500)]);
      return reply.code(200).send('');
    },
  );
}
