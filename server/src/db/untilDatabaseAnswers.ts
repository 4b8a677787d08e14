import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';

/** How often a caller waiting out a database outage asks whether it is back. */
export const DATABASE_PROBE_MS = 1000;

/** Resolve true once the database answers `SELECT 1`, or false when `maxMs` passed first. */
export async function untilDatabaseAnswers(ds: DataSource, maxMs: number, probeMs = DATABASE_PROBE_MS): Promise<boolean> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    try {
      await ds.query('SELECT 1');
      return true;
    } catch {
      if (Date.now() >= deadline) return false;
      await sleep(probeMs);
    }
  }
}
