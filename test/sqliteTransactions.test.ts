/**
 * The embedded SQLite database is one connection: transactions of concurrent requests take turns instead of failing
 * with "cannot start a transaction within a transaction", and a rolled-back one still writes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../server/src/db/dataSource';
import { Corp } from '../server/src/entities';

describe('SQLite transactions in one process', () => {
  it('runs concurrent transactions one after another, each committing or rolling back on its own', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liucai-sqlite-tx-'));
    const ds = await openDatabase({ kind: 'sqlite', path: path.join(dir, 'liucai.sqlite') }, { migrate: true });
    try {
      const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          ds.transaction(async (em) => {
            await em.getRepository(Corp).insert({ corpId: `tx${i}`, name: `并发${i}`, agentId: null });
            await pause(); // another request's transaction would start here without the queue
            if (i % 4 === 3) throw new Error(`rolled back ${i}`);
          }),
        ),
      );
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
      expect(failures.sort()).toEqual(['Error: rolled back 11', 'Error: rolled back 3', 'Error: rolled back 7']);
      const corps = (await ds.getRepository(Corp).find()).map((c) => c.corpId).sort();
      expect(corps).toEqual(['tx0', 'tx1', 'tx10', 'tx2', 'tx4', 'tx5', 'tx6', 'tx8', 'tx9']);
    } finally {
      await ds.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
