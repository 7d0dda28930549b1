/**
 * The web chat on a 429 (issue 13, D1): the typed question is kept, the wait is shown, and the question is
 * sent again by itself after Retry-After. Debian's Chromium against the app on the fixture knowledge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { CHROMIUM, hasChromium, serveInChromium, watchedPage } from '../helpers/browser.js';
import { buildApp } from '../../src/server/app.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { FIXTURE_DIR } from '../helpers/fixture.js';

if (!hasChromium) console.warn(`rate-limit browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

describe.skipIf(!hasChromium)('web chat on 429 (Chromium)', () => {
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const engine = new AnswerEngine(await loadKnowledge(FIXTURE_DIR, '2026-06-01'), { today: () => '2026-06-01' });
    app = await buildApp({ engine, rateLimitPerMinute: 0 });
    // The first question meets a 429 with a 2 s wait (as the real limiter answers), then the route answers.
    let limited = 0;
    app.addHook('onRequest', async (request, reply) => {
      if (request.url === '/api/ask' && limited++ === 0) {
        return reply.code(429).header('retry-after', '2').send({ error: '提问太频繁了，请 2 秒后再试。您输入的问题已保留。' });
      }
    });
    ({ base, browser } = await serveInChromium(app));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('keeps the question, shows the wait and sends it again after Retry-After', async () => {
    const { context, page } = await watchedPage(browser, base, { width: 360, height: 740 });
    await page.goto(`${base}/`);
    await page.locator('#q').waitFor();
    await page.locator('#q').fill('排污许可证有效期多久');
    await page.locator('#q').press('Enter');
    const pending = page.locator('#log .msg.bot.pending');
    await expect.poll(() => pending.textContent(), { timeout: 5000 }).toMatch(/\d 秒后自动重新发送/);
    expect(await page.locator('#q').inputValue()).toBe('排污许可证有效期多久');
    const reply = page.locator('#log .msg.bot:not(.pending)').last();
    await reply.waitFor({ timeout: 10_000 });
    expect(await reply.textContent()).toContain('有效期');
    expect(await page.locator('#q').inputValue()).toBe('');
    await context.close();
  });
});
