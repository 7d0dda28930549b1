/**
 * POST /telegram/webhook: Telegram delivers updates here in webhook mode (PUBLIC_URL set), through grammY's
 * Fastify adapter. The X-Telegram-Bot-Api-Secret-Token header must equal the secret (401 otherwise); the
 * route is not subject to the HTTP rate limit (Telegram's servers send every user's updates).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { webhookCallback, type Bot } from 'grammy';
import type { BotContext } from '../../bot/context.js';
import { WEBHOOK_PATH } from '../../bot/run.js';

/** Options of the webhook route. */
export interface TelegramWebhookOptions {
  bot: Bot<BotContext>;
  /** The secret Telegram sends (TELEGRAM_WEBHOOK_SECRET). */
  secret: string;
  /** Time to handle one update before answering 200 anyway (default: 9_000 ms, under Telegram's timeout). */
  timeoutMs?: number;
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
  const handle = webhookCallback(opts.bot, 'fastify', {
    secretToken: opts.secret,
    // Answer 200 after the timeout and finish in the background, so Telegram does not re-send the update.
    onTimeout: 'return',
    timeoutMilliseconds: opts.timeoutMs ?? 9_000,
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
      await handle(request, reply);
      return reply;
    },
  );
}
