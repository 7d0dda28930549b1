/** Headless Chromium for browser tests: Debian's package (no browser download is possible here). */
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort } from './net.js';

/** Path of the browser (CHROMIUM_PATH overrides; default: Debian's /usr/bin/chromium). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser is installed (browser tests skip, saying why, when it is not). */
export const hasChromium = existsSync(CHROMIUM);

/** Launches headless Chromium with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh context (empty storage) and page that records what a person would notice as broken: console
 * errors, page errors, failed responses (≥ 400), requests leaving `base`, and dialogs (dismissed).
 */
export async function watchedPage(
  browser: Browser,
  base: string,
  viewport: { width: number; height: number; deviceScaleFactor?: number },
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const { deviceScaleFactor = 1, ...size } = viewport;
  const context = await browser.newContext({ viewport: size, locale: 'zh-CN', deviceScaleFactor });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:')) problems.push(`external request ${r.url()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { context, page, problems };
}

/** Serves `app` on a free loopback port and launches Chromium: how every browser test starts. */
export async function serveInChromium(app: FastifyInstance): Promise<{ base: string; browser: Browser }> {
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  return { base: `http://127.0.0.1:${port}`, browser: await launchChromium() };
}
