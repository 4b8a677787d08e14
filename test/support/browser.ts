import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { realClockOptions } from './laterClock';

/** Debian's Chromium (never a downloaded browser). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-artifacts/screenshots');

/** Launch headless Chromium with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium does not run under libfaketime (npm run test:later): its pages get the moved clock instead.
    ...realClockOptions(),
    args: [
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

/** Keep a screenshot of the page as a test artifact. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // A full-page capture of a scrolled page draws the fixed bars where the scroll left them: capture from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Wait until the element stops moving (antd-mobile's sheets and dialogs slide in with a JavaScript spring). */
export async function waitSettled(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) =>
      new Promise<boolean>((resolve) => {
        const top = () => document.querySelector(sel)?.getBoundingClientRect().top;
        const before = top();
        setTimeout(() => resolve(before !== undefined && before === top()), 120);
      }),
    selector,
  );
}

/**
 * Wait until a list the server filters and pages (marked `aria-busy` while it loads) shows `n` rows (its `article`
 * children) from its newest answer.
 */
export const waitForListed = (page: Page, testId: string, n: number) =>
  page.waitForFunction(
    ([id, want]) => {
      const list = document.querySelector(`[data-testid="${id}"]`);
      return list?.getAttribute('aria-busy') === 'false' && list.querySelectorAll(':scope > article').length === want;
    },
    [testId, n] as const,
  );
