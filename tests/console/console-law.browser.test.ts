/**
 * The console on the real knowledge tree in Chromium (read-only: nothing is saved): the entry list with its
 * flags, and the 条款 field showing the Code's article text from the shipped law data as it is typed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { CHROMIUM, hasChromium, serveInChromium, watchedPage } from '../helpers/browser.js';
import { createAdmin, type Admin } from '../../src/admin/admin.js';
import { createEngine } from '../../src/runtime.js';
import { buildApp } from '../../src/server/app.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { KNOWLEDGE_DIR } from '../helpers/fixture.js';
import { STAFF } from '../admin/admin-app.js';

describe.skipIf(!hasChromium)(`console on the real knowledge in Chromium (skipped when ${CHROMIUM} is missing)`, () => {
  let app: FastifyInstance;
  let admin: Admin;
  let db: Db;
  let dataDir: string;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const { engine, knowledge } = await createEngine({ knowledgeDir: KNOWLEDGE_DIR, bureauName: '魏都区生态环境局', bureauPhone: '', bureauHours: '' });
    dataDir = await mkdtemp(path.join(tmpdir(), 'pufa-console-law-'));
    db = openDatabase(path.join(dataDir, 'pufa.db'));
    admin = await createAdmin({ knowledgeDir: KNOWLEDGE_DIR, dataDir, staffTokens: STAFF, engine, knowledge, db, watch: false });
    app = await buildApp({ engine, admin, rateLimitPerMinute: 0 });
    ({ base, browser } = await serveInChromium(app));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await admin?.close();
    await app?.close();
    db?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('lists every entry, and shows the article text under 条款 as it is typed', { timeout: 60_000 }, async () => {
    const { context, page, problems } = await watchedPage(browser, base, { width: 360, height: 740 });
    page.setDefaultTimeout(10_000);
    await page.goto(base + '/admin');
    await page.getByLabel('工作人员令牌', { exact: true }).fill(STAFF[0].token);
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.locator('#view .hint').first().textContent()).toMatch(/^共 \d+ 个条目$/);
    // No hand-written reviewed counts: every published entry is flagged as without a recorded 法制审核.
    await page.getByLabel('需要处理').selectOption('unreviewed');
    await expect.poll(() => page.locator('#view .hint').first().textContent()).toMatch(/^共 [1-9]\d* 个条目$/);

    await page.getByRole('link', { name: '新建条目' }).click();
    await page.getByLabel('来源', { exact: true }).selectOption('eco-code');
    await page.getByLabel('条款', { exact: true }).fill('第一千零九十五条第一款');
    await expect.poll(() => page.locator('.article-text').first().textContent()).toMatch(/^第一千零九十五条（现行有效）\n.{20,}/s);
    await page.getByLabel('条款', { exact: true }).fill('第一千九百条');
    await expect.poll(() => page.locator('.article-text').first().textContent()).toContain('没有第一千九百条');
    expect(problems.filter((p) => !/\/api\/laws\/.*articles\/1900$/.test(p) && !/status of 404/.test(p))).toEqual([]);
    await context.close();
  });
});
