/** POST /telegram/webhook through fastify.inject: the secret header decides, the bot's reply is captured. */
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { sentTexts, testBot, textUpdate } from '../bot/harness.js';

const SECRET = 'test-secret_0123456789';
let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function setup() {
  const t = await testBot();
  app = await buildApp({ engine: t.service.engine, service: t.service, rateLimitPerMinute: 1, telegram: { bot: t.bot, secret: SECRET } });
  return t;
}

describe('POST /telegram/webhook', () => {
  it('with the right secret: 200 and the bot answers', async () => {
    const { calls } = await setup();
    const r = await app!.inject({
      method: 'POST',
      url: '/telegram/webhook',
      headers: { 'x-telegram-bot-api-secret-token': SECRET },
      payload: textUpdate('排污许可证有效期多久'),
    });
    expect(r.statusCode).toBe(200);
    expect(sentTexts(calls)[0]).toContain('5年');
  });

  it('with a wrong or missing secret: 401 and nothing handled', async () => {
    const { calls } = await setup();
    const wrong = await app!.inject({
      method: 'POST',
      url: '/telegram/webhook',
      headers: { 'x-telegram-bot-api-secret-token': 'nope' },
      payload: textUpdate('/start'),
    });
    const missing = await app!.inject({ method: 'POST', url: '/telegram/webhook', payload: textUpdate('/start') });
    expect(wrong.statusCode).toBe(401);
    expect(missing.statusCode).toBe(401);
    expect(calls).toHaveLength(0);
  });

  it('is not rate-limited like POST /api/ask', async () => {
    const { calls } = await setup();
    for (let i = 0; i < 5; i++) {
      const r = await app!.inject({
        method: 'POST',
        url: '/telegram/webhook',
        headers: { 'x-telegram-bot-api-secret-token': SECRET },
        payload: textUpdate('/help'),
      });
      expect(r.statusCode).toBe(200);
    }
    expect(sentTexts(calls)).toHaveLength(5);
  });

  it('an update that fails inside the bot still answers 200 (Telegram must not re-send it)', async () => {
    const { calls, service } = await setup();
    service.ask = () => {
      throw new Error('boom');
    };
    const r = await app!.inject({
      method: 'POST',
      url: '/telegram/webhook',
      headers: { 'x-telegram-bot-api-secret-token': SECRET },
      payload: textUpdate('排污许可证有效期多久'),
    });
    expect(r.statusCode).toBe(200);
    expect(sentTexts(calls)[0]).toContain('抱歉');
  });

  it('a body that is not an update is a 400', async () => {
    await setup();
    const r = await app!.inject({ method: 'POST', url: '/telegram/webhook', headers: { 'x-telegram-bot-api-secret-token': SECRET }, payload: { hello: 1 } });
    expect(r.statusCode).toBe(400);
  });

  it('is not served without a bot', async () => {
    const t = await testBot();
    app = await buildApp({ engine: t.service.engine, service: t.service });
    const r = await app.inject({
      method: 'POST',
      url: '/telegram/webhook',
      headers: { 'x-telegram-bot-api-secret-token': SECRET },
      payload: textUpdate('/start'),
    });
    expect(r.statusCode).toBe(404);
  });
});
