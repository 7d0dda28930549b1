/**
 * The web chat in a real browser: Debian's Chromium (/usr/bin/chromium) driven by playwright-core, against
 * the real app and knowledge on a free port. Skipped, saying why, where Chromium is not installed.
 * Screenshots go to test-output/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, hasChromium, serveInChromium, watchedPage } from '../helpers/browser.js';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadOutreach } from '../../src/events/setup.js';
import { createEngine } from '../../src/runtime.js';
import { KNOWLEDGE_DIR } from '../helpers/fixture.js';

/** Debian's Chromium (CHROMIUM_PATH overrides it, e.g. on a developer machine). */
const OUT = path.resolve(import.meta.dirname, '../../test-output');
const MARKUP = '<script>alert(1)</script><b>x</b>';

if (!hasChromium) console.warn(`web chat browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium, as .ci/run does)`);

describe.skipIf(!hasChromium)(`web chat in Chromium (skipped when ${CHROMIUM} is missing: apt-get install chromium)`, () => {
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let askEngine: (q: string) => { status: string; alternatives: unknown[] };

  beforeAll(async () => {
    const created = await createEngine({ knowledgeDir: KNOWLEDGE_DIR, bureauName: '魏都区生态环境局', bureauPhone: '', bureauHours: '' });
    const { engine, knowledge } = created;
    askEngine = (q) => engine.ask(q);
    const outreach = await loadOutreach({ knowledgeDir: KNOWLEDGE_DIR, sources: knowledge.sources, today: engine.options.today() });
    app = await buildApp({ engine, outreach });
    ({ base, browser } = await serveInChromium(app));
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A fresh page of the chat (see {@link watchedPage}), once its hot questions have loaded. */
  async function open(width: number, height: number, query = ''): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const opened = await watchedPage(browser, base, { width, height });
    await opened.page.goto(`${base}/${query}`);
    await opened.page.locator('#hot li').first().waitFor();
    return opened;
  }

  async function send(page: Page, question: string): Promise<void> {
    const before = await page.locator('#log .msg.bot:not(.pending)').count();
    await page.locator('#q').fill(question);
    await page.locator('#q').press('Enter');
    await page.locator('#log .msg.bot:not(.pending)').nth(before).waitFor();
  }

  it('answers a typed question with its 法律依据, follows a related question, takes 👍 and survives a reload', async () => {
    const { context, page, problems } = await open(360, 740);
    await expect.poll(() => page.locator('h1').textContent()).toBe('环保普法助手');
    expect(await page.locator('#topics .chip').count()).toBeGreaterThan(5);
    const hot = await page.locator('#hot li').count();
    expect(hot).toBeGreaterThanOrEqual(8);
    expect(hot).toBeLessThanOrEqual(10);
    await page.screenshot({ path: path.join(OUT, 'web-chat-360x740-start.png') });

    // Type-ahead offers entry titles while typing.
    await page.locator('#q').pressSequentially('排污许可证有效期', { delay: 20 });
    await page.locator('#suggest li').first().waitFor();
    expect(await page.locator('#suggest li').allTextContents()).toContain('排污许可证的有效期是多久？到期怎么延续？');
    await page.locator('#q').pressSequentially('多久');
    await page.locator('#q').press('Enter');
    const answer = page.locator('#log .msg.answered').first();
    await answer.waitFor();
    await expect.poll(() => answer.textContent()).toContain('5年');
    await expect.poll(() => answer.textContent()).toContain('法律依据');
    // The Code and the regulation still in force, each with its article.
    await expect.poll(async () => (await answer.locator('.basis li').allTextContents()).join('|')).toContain('《中华人民共和国生态环境法典》第一百八十二条');
    await expect.poll(async () => (await answer.locator('.basis li').allTextContents()).join('|')).toContain('《排污许可管理条例》第十四条');
    await expect.poll(() => answer.locator('.validity').first().textContent()).toBe('现行有效');
    await expect.poll(() => page.locator('#log .msg.user').first().textContent()).toBe('排污许可证有效期多久');

    // A related question asks again, by its title.
    const related = answer.locator('.related .chip').first();
    const relatedTitle = (await related.textContent())!;
    await related.click();
    await page.locator('#log .msg.bot:not(.pending)').nth(1).waitFor();
    await expect.poll(() => page.locator('#log .msg.user').nth(1).textContent()).toBe(relatedTitle);

    // 👍 posts feedback (204) and is remembered.
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await answer.getByRole('button', { name: /有帮助/ }).click();
    const feedback = await posted;
    expect(feedback.status()).toBe(204);
    expect(feedback.request().postDataJSON()).toMatchObject({ entryId: 'permit-validity', question: '排污许可证有效期多久', helpful: true });
    await expect.poll(() => answer.textContent()).toContain('谢谢您的反馈');

    await page.reload();
    await page.locator('#log .msg.answered').first().waitFor();
    await expect.poll(() => page.locator('#log .msg.user').first().textContent()).toBe('排污许可证有效期多久');
    await expect.poll(() => page.locator('#log .msg.answered').first().textContent()).toContain('5年');
    await expect
      .poll(() =>
        page
          .locator('#log .msg.answered')
          .first()
          .getByRole('button', { name: /有帮助/ })
          .getAttribute('aria-pressed'),
      )
      .toBe('true');
    expect(await page.locator('#log .msg.user').count()).toBe(2);

    // No horizontal scrolling at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.locator('#log .msg.answered').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, 'web-chat-360x740.png') });
    await page.screenshot({ path: path.join(OUT, 'web-chat-360x740-full.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('#log .msg.answered').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, 'web-chat-1280x800.png') });
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows a question with markup as text: no element is created, no script runs', async () => {
    const { context, page, problems } = await open(360, 740);
    await send(page, MARKUP);
    await expect.poll(() => page.locator('#log .msg.user').first().textContent()).toBe(MARKUP);
    expect(await page.locator('#log script, #log b').count()).toBe(0);
    await page.reload();
    await page.locator('#log .msg.user').first().waitFor();
    await expect.poll(() => page.locator('#log .msg.user').first().textContent()).toBe(MARKUP);
    expect(await page.locator('#log script, #log b').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows an entry whose text contains markup as text', async () => {
    const { context, page, problems } = await open(360, 740);
    const reply = {
      status: 'answered',
      text: `答复${MARKUP}<img src=x onerror=alert(2)>\n\n法律依据：\n· 《条例》第一条\n\n以上为普法宣传信息，不构成法律意见。`,
      entry: {
        id: 'permit-validity',
        title: `标题${MARKUP}`,
        topic: 'permit',
        basis: [{ source: 's', name: `条例${MARKUP}`, article: '第一条', validity: '现行有效' }],
      },
      alternatives: [{ id: 'permit-no-permit-penalty', title: `相关${MARKUP}` }],
    };
    await page.route('**/api/ask', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(reply) }));
    await send(page, '测试');
    const bot = page.locator('#log .msg.answered').first();
    await expect.poll(() => bot.textContent()).toContain(`答复${MARKUP}<img src=x onerror=alert(2)>`);
    await expect.poll(() => bot.locator('.basis li').first().textContent()).toContain(`《条例${MARKUP}》第一条`);
    await expect.poll(() => bot.locator('.related .chip').first().textContent()).toBe(`相关${MARKUP}`);
    expect(await page.locator('#log script, #log b, #log img').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('passes ?event= with every question and greets the event', async () => {
    const { context, page, problems } = await open(1280, 800, '?event=expo_2026');
    await expect.poll(() => page.locator('#event').isVisible()).toBe(true);
    await expect.poll(() => page.locator('#event').textContent()).toContain('expo_2026');
    const request = page.waitForRequest((r) => r.url().endsWith('/api/ask'));
    await send(page, '环保投诉电话是多少');
    expect((await request).postDataJSON()).toMatchObject({ question: '环保投诉电话是多少', event: 'expo_2026' });
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it("shows a known event's own greeting", async () => {
    const { context, page, problems } = await open(360, 740, '?event=wed2026');
    await expect.poll(() => page.locator('#event').textContent()).toContain('6月5日是世界环境日');
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('ignores a malformed event code', async () => {
    const { context, page } = await open(360, 740, '?event=%3Cb%3Ebad%3C%2Fb%3E');
    await expect.poll(() => page.locator('#event').isVisible()).toBe(false);
    const request = page.waitForRequest((r) => r.url().endsWith('/api/ask'));
    await send(page, '你好');
    expect((await request).postDataJSON().event).toBeUndefined();
    await context.close();
  }, 60_000);

  it('offers the human contacts as tap-to-call links when it cannot answer, and clears the conversation', async () => {
    const { context, page } = await open(360, 740);
    await send(page, '今天天气怎么样，股票会涨吗');
    const bot = page.locator('#log .msg.bot').first();
    await expect.poll(() => bot.getAttribute('class')).toMatch(/fallback/);
    expect(await bot.locator('a[href="tel:12369"]').count()).toBe(1);
    expect(await bot.locator('a[href="tel:12345"]').count()).toBe(1);
    page.removeAllListeners('dialog');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '清空' }).click();
    expect(await page.locator('#log .msg').count()).toBe(0);
    await page.reload();
    await page.locator('#hot li').first().waitFor();
    expect(await page.locator('#log .msg').count()).toBe(0);
    await context.close();
  }, 60_000);

  it('a fallback near some entries suggests them as chips (您是不是想问); a tap answers one', async () => {
    // The knowledge changes: the question is the first of these that the engine answers with suggestions today.
    const near = ['厂里的污水能拉去别的厂处理吗', '危废贮存的房间有啥要求', '养鸭子要不要办手续', '小区旁边工厂的烟囱多高才合格', '环保管家是干什么的'].find(
      (q) => {
        const r = askEngine(q);
        return r.status === 'fallback' && r.alternatives.length > 0;
      },
    );
    expect(near, 'one of the questions falls back with suggestions').toBeDefined();
    const { context, page, problems } = await open(360, 740);
    await send(page, near!);
    const bot = page.locator('#log .msg.bot').first();
    await expect.poll(() => bot.getAttribute('class')).toMatch(/fallback/);
    await expect.poll(() => bot.textContent()).toContain('您是不是想问');
    const chips = bot.locator('.candidates .chip');
    expect(await chips.count()).toBeGreaterThan(0);
    // The numbered titles became chips: no "1. " line is left in the text.
    expect(await bot.locator('p', { hasText: /^1\. / }).count()).toBe(0);
    expect(await bot.locator('a[href="tel:12369"]').count()).toBe(1);
    await page.screenshot({ path: path.join(OUT, 'web-chat-fallback-suggestions-360x740.png') });
    const title = (await chips.first().textContent())!;
    await chips.first().click();
    const answer = page.locator('#log .msg.bot:not(.pending)').nth(1);
    await answer.waitFor();
    await expect.poll(() => answer.getAttribute('class')).toMatch(/answered/);
    await expect.poll(() => answer.textContent()).toContain(title);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows candidates as chips when the question is ambiguous, and switches to large type', async () => {
    const { context, page } = await open(360, 740);
    await page.locator('#topics .chip', { hasText: '排污许可' }).first().click();
    const bot = page.locator('#log .msg.bot:not(.pending)').first();
    await bot.waitFor();
    await expect.poll(() => bot.getAttribute('class')).toMatch(/clarify/);
    expect(await bot.locator('.candidates .chip').count()).toBeGreaterThan(1);
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await size();
    await page.locator('#big').click();
    await expect.poll(() => page.locator('#big').getAttribute('aria-pressed')).toBe('true');
    expect(await size()).toBeGreaterThan(normal);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await bot.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, 'web-chat-360x740-big.png') });
    await page.reload();
    await expect.poll(() => page.locator('#big').getAttribute('aria-pressed')).toBe('true');
    await context.close();
  }, 60_000);
});
