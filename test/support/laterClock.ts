/**
 * The suite on a later day: `npm run test:later -- 40` runs it under libfaketime with the clock 40 days ahead, to
 * find tests tied to the calendar (a lookback from the real today against the sandbox's fixed calendar, say). The
 * test process carries the moved clock in its environment (LD_PRELOAD, FAKETIME*). These helpers pass it on to the
 * Liucai processes a test starts, keep it from programs that do not run under it (Chromium, MariaDB, Redis) and
 * move a page's clock instead. On a normal run (no FAKETIME) they change nothing.
 */
import type { BrowserContext } from 'playwright-core';

const moving = (key: string): boolean => key === 'LD_PRELOAD' || key.startsWith('FAKETIME');
const clockMoved = (): boolean => process.env.FAKETIME !== undefined;

/** The moved clock's variables, for the environment of a Liucai process a test starts (empty on a normal run). */
export function movedClockEnv(): Record<string, string> {
  if (!clockMoved()) return {};
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => moving(e[0]) && e[1] !== undefined));
}

/** This process's environment without the moved clock, for a program that does not run under libfaketime. */
export function envWithoutMovedClock(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !moving(key)));
}

/** Options for spawning or launching such a program: its environment without the moved clock (nothing on a normal run). */
export function realClockOptions(): { env?: NodeJS.ProcessEnv } {
  return clockMoved() ? { env: envWithoutMovedClock() } : {};
}

/** Give a browser context the test process's (moved) clock; nothing on a normal run. */
export async function movePageClock(context: BrowserContext): Promise<void> {
  if (clockMoved()) await context.clock.install({ time: Date.now() });
}
