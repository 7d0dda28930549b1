/**
 * Posters, leaflets, the web chat's ?q= link and the quiz page in a real browser: Debian's Chromium
 * (/usr/bin/chromium, CHROMIUM_PATH overrides it) driven by playwright-core against the real app on a free
 * loopback port. QR codes are decoded from screenshots of the rendered pages. Screenshots and the poster's
 * PDF go to test-output/. Skipped, saying why, where Chromium is not installed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium, watchedPage } from '../helpers/browser.js';
import { questionLink } from '../../src/events/links.js';
import { freePort } from '../helpers/net.js';
import { decodeQrPng } from './decode-qr.js';
import { outreachApp, type OutreachApp } from './outreach-app.js';

const OUT = path.resolve(import.meta.dirname, '../../test-output');

if (!hasChromium) console.warn(`outreach browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium, as .ci/run does)`);

describe.skipIf(!hasChromium)(`outreach pages in Chromium (skipped when ${CHROMIUM} is missing)`, () => {
  let t: OutreachApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await outreachApp();
    const port = await freePort();
    await t.app.listen({ port, host: '127.0.0.1' });
    base = `http://127.0.0.1:${port}`;
    browser = await launchChromium();
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A fresh page (A4 at 96 dpi by default; see {@link watchedPage}), loaded. */
  async function open(url: string, width = 794, height = 1123, deviceScaleFactor = 1): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const opened = await watchedPage(browser, base, { width, height, deviceScaleFactor });
    await opened.page.goto(base + url, { waitUntil: 'networkidle' });
    return opened;
  }

  it('renders the poster with its stylesheet, a scannable QR code, and prints on one A4 page', async () => {
    const { context, page, problems } = await open('/events/wed2026');
    await expect(page.locator('h1').textContent()).resolves.toBe('2026年六五环境日普法宣传咨询');
    // The stylesheet applied: the QR box is 70 mm (about 265 px) wide.
    const box = await page.locator('.qr-main .qr').boundingBox();
    expect(box!.width).toBeGreaterThan(240);
    expect(box!.width).toBeLessThan(290);
    expect(await page.locator('.examples li').count()).toBe(3);
    await page.screenshot({ path: path.join(OUT, 'poster-wed2026.png'), fullPage: true });
    expect(decodeQrPng(await page.locator('.qr-main .qr').screenshot())).toBe(`${base}/?event=wed2026`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.toolbar').isVisible()).resolves.toBe(false);
    await page.screenshot({ path: path.join(OUT, 'poster-wed2026-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync(path.join(OUT, 'poster-wed2026.pdf'), pdf);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('renders a leaflet whose small QR codes open each entry question', async () => {
    // Device scale 3 is about a 300 dpi print: the 30 mm codes get enough pixels per module to decode.
    const { context, page, problems } = await open('/leaflets/permit', 794, 1123, 3);
    const items = page.locator('.qa li');
    const n = await items.count();
    expect(n).toBeGreaterThan(3);
    expect(n).toBeLessThanOrEqual(8);
    await page.screenshot({ path: path.join(OUT, 'leaflet-permit.png'), fullPage: true, scale: 'css' });
    for (const i of [0, n - 1]) {
      const title = (await items.nth(i).locator('h3').textContent())!;
      await expect(items.nth(i).locator('.basis').textContent()).resolves.toMatch(/^法律依据：《/);
      const qr = items.nth(i).locator('.qr');
      const size = await qr.boundingBox();
      expect(size!.width).toBeGreaterThan(100);
      expect(size!.width).toBeLessThan(125);
      expect(decodeQrPng(await qr.screenshot({ scale: 'device' })), title).toBe(questionLink(base, title));
    }
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(OUT, 'leaflet-permit-print.png'), fullPage: true, scale: 'css' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('asks the ?q= question of a leaflet link once in the web chat', async () => {
    const { context, page, problems } = await open(`/?q=${encodeURIComponent('排污许可证有效期多久')}`, 390, 844);
    await page.locator('.msg.bot:not(.pending)').first().waitFor({ timeout: 10_000 });
    await expect(page.locator('.msg.user').first().textContent()).resolves.toBe('排污许可证有效期多久');
    expect(page.url()).toBe(`${base}/`);
    await expect(page.locator('.msg.bot').first().textContent()).resolves.toContain('5年');
    await page.screenshot({ path: path.join(OUT, 'chat-from-leaflet.png') });
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('.msg.user').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('plays a quiz round for an event and records the score', async () => {
    const before = (t.db.prepare("SELECT COUNT(*) AS n FROM quiz_results WHERE event = 'wed2026'").get() as { n: number }).n;
    const { context, page, problems } = await open('/quiz?event=wed2026', 390, 844);
    await expect(page.locator('#event').textContent()).resolves.toContain('wed2026');
    await page.click('#start');
    await page.locator('#play:not([hidden])').waitFor();
    for (let i = 0; i < 10; i++) {
      await expect(page.locator('#number').textContent()).resolves.toBe(`第 ${i + 1} / 10 题`);
      await page.locator('#options button').first().click();
      await expect(page.locator('#basis').textContent()).resolves.toMatch(/^依据：/);
      if (i === 0) await page.screenshot({ path: path.join(OUT, 'quiz-question.png'), fullPage: true });
      await page.click('#next');
    }
    await page.locator('#saved', { hasText: '成绩已计入本次活动。' }).waitFor();
    await expect(page.locator('#score').textContent()).resolves.toMatch(/^答对 \d+ \/ 10 题。/);
    await page.screenshot({ path: path.join(OUT, 'quiz-done.png'), fullPage: true });
    const after = (t.db.prepare("SELECT COUNT(*) AS n FROM quiz_results WHERE event = 'wed2026'").get() as { n: number }).n;
    expect(after).toBe(before + 1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
