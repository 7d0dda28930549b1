/**
 * The law page in a real browser (Debian's Chromium): an answer's 法律依据 links to its article on /law/eco-code,
 * the article is the target (#a1095) and in view on a phone; the page has no script and no external request.
 * Skipped, saying why, where Chromium is not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { CHROMIUM, hasChromium, serveInChromium, watchedPage } from '../helpers/browser.js';
import { buildApp } from '../../src/server/app.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { KNOWLEDGE_DIR } from '../helpers/fixture.js';

if (!hasChromium) console.warn(`law page browser tests skipped: ${CHROMIUM} is missing`);

describe.skipIf(!hasChromium)('the law page in Chromium', () => {
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const engine = new AnswerEngine(await loadKnowledge(KNOWLEDGE_DIR, '2026-12-01', { outOfForce: 'review' }), { today: () => '2026-12-01' });
    app = await buildApp({ engine, rateLimitPerMinute: 0 });
    ({ base, browser } = await serveInChromium(app));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("opens the article of an answer's 法律依据 link at its anchor", async () => {
    const { context, page, problems } = await watchedPage(browser, base, { width: 360, height: 740 });
    await page.goto(`${base}/`);
    await page.locator('#q').fill('法典第一千零九十五条');
    await page.locator('#q').press('Enter');
    const link = page.locator('#log .msg.bot a.law-link').first();
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/law/eco-code#a1095');
    await link.click();
    await page.waitForURL(/\/law\/eco-code#a1095$/);
    const target = page.locator('article#a1095');
    await expect.poll(() => target.evaluate((el) => el.matches(':target'))).toBe(true);
    const box = await target.boundingBox();
    expect(box && box.y >= -1 && box.y < 740).toBe(true);
    expect(await target.textContent()).toContain('第一千零九十五条');
    // Mobile: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('text=flk.npc.gov.cn').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('links every 法律依据 article of an answer from an entry', async () => {
    const { context, page, problems } = await watchedPage(browser, base, { width: 360, height: 740 });
    await page.goto(`${base}/`);
    await page.locator('#q').fill('未批先建怎么处罚');
    await page.locator('#q').press('Enter');
    await page.locator('#log .msg.bot ul.basis').first().waitFor();
    const hrefs = await page.locator('#log .msg.bot ul.basis a.law-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^\/law\/eco-code#a\d+$/);
    await page.locator('#log .msg.bot ul.basis a.law-link').first().click();
    await page.waitForURL(/\/law\/eco-code#a\d+$/);
    const id = new URL(page.url()).hash.slice(1);
    await expect.poll(() => page.locator(`article#${id}`).evaluate((el) => el.matches(':target'))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
