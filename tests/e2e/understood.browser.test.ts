/**
 * 「您问的是」 and 「不是这个问题」 in the web chat, and follow-ups read in the chat's own session (issue 11): Debian's
 * Chromium against the app on the conversation fixture knowledge. Skipped, saying why, where Chromium is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { CHROMIUM, hasChromium, serveInChromium, watchedPage } from '../helpers/browser.js';
import { buildApp } from '../../src/server/app.js';
import { createEngine } from '../../src/runtime.js';
import { conversationKnowledge } from '../engine/conversation-fixture.js';

if (!hasChromium) console.warn(`您问的是 browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

describe.skipIf(!hasChromium)('您问的是 in the web chat (Chromium)', () => {
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const kb = await conversationKnowledge();
    cleanup = kb.cleanup;
    const { engine } = await createEngine({ knowledgeDir: kb.dir, bureauName: '测试区生态环境局', bureauPhone: '', bureauHours: '' });
    app = await buildApp({ engine, rateLimitPerMinute: 0 });
    ({ base, browser } = await serveInChromium(app));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await cleanup?.();
  });

  async function send(page: Page, question: string) {
    const before = await page.locator('#log .msg.bot:not(.pending)').count();
    await page.locator('#q').fill(question);
    await page.locator('#q').press('Enter');
    const reply = page.locator('#log .msg.bot:not(.pending)').nth(before);
    await reply.waitFor();
    return reply;
  }

  it('shows what was understood above the answer; 不是这个问题 opens the other matches and the hotlines', async () => {
    const { context, page, problems } = await watchedPage(browser, base, { width: 360, height: 740 });
    await page.goto(`${base}/`);
    await page.locator('#q').waitFor();
    const answer = await send(page, '危险废物转移联单怎么填写');
    const understood = answer.locator('.understood');
    await expect.poll(() => understood.locator('p').textContent()).toBe('您问的是：危险废物转移联单怎么填写');
    // The line comes before the answer text.
    expect(await answer.evaluate((box) => box.firstElementChild?.className)).toBe('understood');
    const button = understood.getByRole('button', { name: '不是这个问题' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.click();
    const panel = answer.locator('.not-this-panel');
    await panel.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await panel.locator('.chip').allTextContents()).toContain('危险废物转移联单怎么保存');
    expect(await panel.locator('a.call').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['tel:12369', 'tel:12345']);
    // Choosing another match asks it.
    await panel.locator('.chip', { hasText: '危险废物转移联单怎么保存' }).click();
    await expect.poll(() => page.locator('#log .msg.answered .understood p').nth(1).textContent()).toBe('您问的是：危险废物转移联单怎么保存');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a follow-up is read against the previous question of the same chat', async () => {
    const one = await watchedPage(browser, base, { width: 360, height: 740 });
    const two = await watchedPage(browser, base, { width: 360, height: 740 });
    await one.page.goto(`${base}/`);
    await two.page.goto(`${base}/`);
    await one.page.locator('#q').waitFor();
    await two.page.locator('#q').waitFor();
    await send(one.page, '环评报告书审批要多久');
    await send(two.page, '未批先建怎么处罚');
    const a = await send(one.page, '那报告表呢');
    const b = await send(two.page, '那报告表呢');
    await expect.poll(() => a.locator('.understood p').textContent()).toBe('您问的是：环评报告书报告表审批要多久');
    await expect.poll(() => b.locator('.understood p').textContent()).toBe('您问的是：环评未批先建怎么处罚');
    expect([...one.problems, ...two.problems]).toEqual([]);
    await one.context.close();
    await two.context.close();
  });
});
