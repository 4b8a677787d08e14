/**
 * The setup of the micro-app's Chromium tests: a world with its organisation synced, the real server listening on it,
 * and headless Chromium; made before the enclosing describe's tests and closed after them.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { createTestWorld, syncWorld, type TestWorld } from './testServices';
import { listen } from './testServer';
import { launchBrowser } from './browser';
import { miniappDist } from '../../server/src/middleware/serveMiniapp';
import { calendarEndingToday } from '../../server/src/services';
import { movePageClock } from './laterClock';

export interface BrowserWorld {
  w: TestWorld;
  server: { url: string; close(): Promise<void> };
  browser: Browser;
  demo: { admin: string; hr: string; supervisor: string; employee: string };
}

/**
 * Set up a `BrowserWorld` in beforeAll and close what was made of it in afterAll; the answer reads it (inside tests
 * and hooks only). Its sandbox corp's calendar ends today, as the `npm start` demo's does: syncs read back from the
 * real clock, so with the sandbox's fixed default they would find no attendance and the screenshots would show an
 * empty company rather than what HR sees.
 */
export function browserWorldForDescribe(options: Parameters<typeof createTestWorld>[0]): BrowserWorld {
  let w: TestWorld | undefined;
  let server: BrowserWorld['server'] | undefined;
  let browser: Browser | undefined;
  let made: BrowserWorld | undefined;
  beforeAll(async () => {
    if (!fs.existsSync(`${miniappDist()}/index.html`)) throw new Error('miniapp/dist is missing: run `npm run build` first (npm test does)');
    w = await createTestWorld({ asOfMs: calendarEndingToday(), ...options });
    await syncWorld(w);
    const demo = w.sandbox!.demoUsers;
    server = await listen(w);
    browser = await launchBrowser();
    made = { w, server, browser, demo };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await w?.close();
  });
  const ready = (): BrowserWorld => {
    if (!made) throw new Error('the browser world is made in beforeAll: use it inside tests');
    return made;
  };
  return {
    get w() {
      return ready().w;
    },
    get server() {
      return ready().server;
    },
    get browser() {
      return ready().browser;
    },
    get demo() {
      return ready().demo;
    },
  };
}

/** Open the micro-app in a fresh phone-sized context and sign in as a demo user; page errors are collected in `errors`. */
export async function signInAs(
  ui: BrowserWorld,
  userid: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await ui.browser.newContext({ viewport: { width: 414, height: 860 }, locale: 'zh-CN', ...options });
  await movePageClock(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}`);
  await page.getByTestId(`demo-user-${userid}`).click();
  await page.getByTestId('me-name').waitFor();
  return { context, page, errors };
}
