import type { DataSource, QueryRunner } from 'typeorm';

/** How long a statement waits for another connection's write lock before it fails with SQLITE_BUSY. */
export const SQLITE_BUSY_WAIT_MS = 5000;

/** The pauses between tries, in ms: short first (most write transactions end within a few ms), then 25 ms steps. */
const PAUSES_MS = [1, 2, 5, 10, 15, 20];
const LONGEST_PAUSE_MS = 25;

/** Each wrapped DataSource's wait. */
const waits = new WeakMap<DataSource, number>();

function isBusy(err: unknown): boolean {
  const driverError = (err as { driverError?: { code?: unknown } } | null)?.driverError;
  return driverError?.code === 'SQLITE_BUSY';
}

/**
 * better-sqlite3 is synchronous: with SQLite's own busy timeout a statement that meets the other connection's write
 * lock (the embedded mode's job thread commits its batches) sleeps inside the call, and the whole web process's event
 * loop with it, so every request stalls behind one audited page view. Instead the connection's busy timeout is 0 and
 * a statement refused with SQLITE_BUSY is tried again after an asynchronous pause, for up to `waitMs` in all: the same
 * wait for that statement (SQLite's busy handler retries the same statement too), while other requests go on.
 *
 * The SQLite driver keeps one query runner per DataSource; it is wrapped once, when first created. Called again on the
 * same DataSource, only the wait changes.
 */
export function retrySqliteBusyAsync(ds: DataSource, waitMs = SQLITE_BUSY_WAIT_MS): void {
  const known = waits.has(ds);
  waits.set(ds, waitMs);
  if (known) return;
  const driver = ds.driver as unknown as { createQueryRunner(mode?: unknown): QueryRunner };
  const create = driver.createQueryRunner.bind(driver);
  const wrapped = new WeakSet<QueryRunner>();
  driver.createQueryRunner = (mode?: unknown) => {
    const runner = create(mode);
    if (wrapped.has(runner)) return runner;
    wrapped.add(runner);
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    runner.query = (async (...args: unknown[]) => {
      const deadline = Date.now() + (waits.get(ds) ?? SQLITE_BUSY_WAIT_MS);
      for (let attempt = 0; ; attempt++) {
        try {
          return await query(...args);
        } catch (err) {
          if (!isBusy(err) || Date.now() >= deadline) throw err;
          const pause = Math.min(PAUSES_MS[attempt] ?? LONGEST_PAUSE_MS, deadline - Date.now());
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
      }
    }) as QueryRunner['query'];
    return runner;
  };
}
