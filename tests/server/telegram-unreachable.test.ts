/** An unreachable or hanging Bot API (issue 13, D7): bounded retries, the channel reported off, webhooks answered fast. */
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createBot, RETRY } from '../../src/bot/bot.js';
import { startBot } from '../../src/bot/run.js';
import { buildApp } from '../../src/server/app.js';
import { BOT_INFO, fixtureService, textUpdate, TOKEN } from '../bot/harness.js';

const SECRET = 'test-secret_0123456789';
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('Bot API unreachable', () => {
  it('network errors are not retried for ever (auto-retry rethrows them)', async () => {
    expect(RETRY).toMatchObject({ rethrowHttpErrors: true, maxRetryAttempts: 2 });
    const { service } = await fixtureService();
    // Port 9 on loopback refuses connections: the call fails at once instead of backing off for an hour.
    const bot = createBot(TOKEN, { service }, { botInfo: BOT_INFO, client: { apiRoot: 'http://127.0.0.1:9' } });
    const t = performance.now();
    await expect(bot.api.getMe()).rejects.toThrow();
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('a getMe that never answers reports the channel off after the start timeout', async () => {
    const { service } = await fixtureService();
    const bot = createBot(TOKEN, { service });
    bot.api.config.use(() => new Promise(() => undefined)); // the Bot API never answers
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => lines.push(l) });
    expect(await startBot(bot, { token: TOKEN, logger, initTimeoutMs: 300 })).toBeUndefined();
    expect(lines.join('')).toContain('the Telegram channel is off');
  });

  it('a webhook update is answered 200 within a second while the Bot API hangs', async () => {
    const { service } = await fixtureService();
    const bot = createBot(TOKEN, { service }, { botInfo: BOT_INFO });
    bot.api.config.use(() => new Promise(() => undefined)); // sendMessage hangs
    app = await buildApp({ engine: service.engine, service, rateLimitPerMinute: 0, telegram: { bot, secret: SECRET } });
    await app.ready();
    const t = performance.now();
    const r = await app.inject({
      method: 'POST',
      url: '/telegram/webhook',
      headers: { 'x-telegram-bot-api-secret-token': SECRET },
      payload: textUpdate('排污许可证有效期多久'),
    });
    expect(r.statusCode).toBe(200);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});
