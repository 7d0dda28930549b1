/** Headless Chromium for browser tests: Debian's package (no browser download is possible here). */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Path of the browser (CHROMIUM_PATH overrides; default: Debian's /usr/bin/chromium). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser is installed (browser tests skip, saying why, when it is not). */
export const hasChromium = existsSync(CHROMIUM);

/** Launches headless Chromium with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
