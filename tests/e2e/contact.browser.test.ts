/**
 * 「联系我们」 and 留言 in a real browser (Debian's Chromium): a visitor finds the bureau's phone and address,
 * leaves a message from a fallback reply, gets 已收到 and a receipt code, and later reads the staff reply by it.
 * Screenshots go to test-output/ (not committed).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { CHROMIUM, hasChromium, serveInChromium, watchedPage } from '../helpers/browser.js';
import { buildApp } from '../../src/server/app.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { MessageStore } from '../../src/messages/message-store.js';
import { openDatabase } from '../../src/store/database.js';
import { FIXTURE_DIR } from '../helpers/fixture.js';

const OUT = path.resolve(import.meta.dirname, '../../test-output');

describe.skipIf(!hasChromium)(`联系我们 and 留言 in Chromium (skipped when ${CHROMIUM} is missing)`, () => {
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let messages: MessageStore;

  beforeAll(async () => {
    const engine = new AnswerEngine(await loadKnowledge(FIXTURE_DIR, '2026-06-01'), {
      today: () => '2026-06-01',
      contacts: { bureauName: '魏都区生态环境局', phone: '0374-1234567', hours: '工作日 8:30-17:30', address: '魏都区示例路 1 号' },
    });
    messages = new MessageStore(openDatabase(':memory:'));
    app = await buildApp({ engine, messages, rateLimitPerMinute: 0 });
    ({ base, browser } = await serveInChromium(app));
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const [width, height] of [
    [360, 740],
    [1280, 800],
  ]) {
    it(`at ${width}×${height}: contacts, a 留言 from a fallback, 已收到 with a receipt code, the staff reply by the code`, { timeout: 60_000 }, async () => {
      const { context, page, problems } = await watchedPage(browser, base, { width, height });
      page.setDefaultTimeout(6000);
      await page.goto(base + '/');
      // The header stays on one line, with 联系我们 always there.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.getByRole('button', { name: '联系我们' }).click();
      const panel = page.locator('#contact-panel');
      await panel.locator('a[href="tel:03741234567"]').waitFor();
      expect(await panel.textContent()).toContain('魏都区示例路 1 号');
      expect(await panel.locator('a[href="tel:12369"]').count()).toBe(1);
      await page.screenshot({ path: path.join(OUT, `contact-${width}x${height}.png`), fullPage: true });
      await page.locator('#contact-close').click();

      // A question the knowledge lacks → fallback with 给工作人员留言, the question filled in.
      await page.locator('#q').fill('小区里的快递柜噪音归谁管');
      await page.locator('#q').press('Enter');
      const leave = page.locator('#log .msg.bot.fallback .leave').last();
      await leave.waitFor();
      await leave.click();
      await expect.poll(() => page.getByLabel('您的问题', { exact: true }).inputValue()).toBe('小区里的快递柜噪音归谁管');
      await page.getByRole('button', { name: '提交留言' }).click();
      await expect.poll(() => page.locator('.form-status').textContent()).toContain('联系电话');
      await page.getByLabel('联系电话', { exact: true }).fill('13800000000');
      await page.getByRole('button', { name: '提交留言' }).click();
      await expect.poll(() => page.locator('.form-status').textContent()).toContain('同意');
      await page.locator('#msg-consent').check();
      await page.getByRole('button', { name: '提交留言' }).click();
      await page.getByRole('heading', { name: '已收到' }).waitFor();
      const code = (await page.locator('.receipt').textContent())!.trim();
      expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      await page.screenshot({ path: path.join(OUT, `contact-received-${width}x${height}.png`), fullPage: true });

      const stored = messages.list().find((m) => m.code === code)!;
      expect(stored).toMatchObject({ question: '小区里的快递柜噪音归谁管', contact: '13800000000', channel: 'web' });
      await page.getByRole('button', { name: '查看处理情况' }).click();
      await expect.poll(() => page.locator('.lookup-result').textContent()).toContain('待处理');
      messages.update(stored.id, '张三', { reply: '此事请拨打 12345 反映。' });
      await page.getByRole('button', { name: '查询' }).click();
      await expect.poll(() => page.locator('.lookup-result').textContent()).toContain('此事请拨打 12345 反映。');
      expect(await page.locator('.lookup-result').textContent()).toContain('已回复');
      expect(problems.filter((p) => !/\b4\d\d\b/.test(p) || !/api\/messages/.test(p))).toEqual([]);
      await context.close();
    });
  }
});
