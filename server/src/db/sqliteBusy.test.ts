import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { openDatabase } from './dataSource';
import { retrySqliteBusyAsync } from './sqliteBusy';

/**
 * Two connections to one SQLite file in one process, as the embedded mode's web and job threads are: while one holds
 * the write lock, the other's write waits without stalling its event loop, and goes through once the lock is free.
 * With SQLite's synchronous busy timeout the waiting write froze the event loop, so the timer that commits the other
 * connection's transaction could not even run.
 */
describe('SQLite writes that meet the other connection’s write lock', () => {
  let dir: string;
  let web: DataSource;
  let jobs: DataSource;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liucai-busy-'));
    const file = path.join(dir, 'busy.sqlite');
    web = await openDatabase({ kind: 'sqlite', path: file }, { migrate: true });
    jobs = await openDatabase({ kind: 'sqlite', path: file }, { migrate: false });
    await web.query('CREATE TABLE probe (n INTEGER)');
  });

  afterAll(async () => {
    await web.destroy();
    await jobs.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('waits asynchronously (timers keep firing) and writes once the other transaction commits', async () => {
    const holder = jobs.createQueryRunner();
    await holder.startTransaction();
    await holder.query('INSERT INTO probe (n) VALUES (1)');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    setTimeout(() => void holder.commitTransaction(), 150);
    const started = Date.now();
    try {
      await web.query('INSERT INTO probe (n) VALUES (2)');
    } finally {
      clearInterval(ticker);
    }
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(140);
    // The event loop went on while the write waited: the ticker fired again and again (a write waiting inside the call
    // froze the loop: no tick at all until it returned), and the commit ran. How often depends on the machine's load
    // (7 to 30 ticks seen), so only "more than a couple" is asserted.
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(await web.query('SELECT n FROM probe ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('a transaction on the waiting side begins once the lock is free, and a reader is never kept waiting', async () => {
    const holder = jobs.createQueryRunner();
    await holder.startTransaction();
    await holder.query('INSERT INTO probe (n) VALUES (3)');
    setTimeout(() => void holder.commitTransaction(), 100);
    const read = web.query('SELECT COUNT(*) AS c FROM probe');
    const write = web.transaction(async (m) => {
      await m.query('INSERT INTO probe (n) VALUES (4)');
      return (await m.query('SELECT COUNT(*) AS c FROM probe')) as { c: number }[];
    });
    // The reader sees the last committed state at once (WAL), without waiting for the lock.
    expect(await read).toEqual([{ c: 2 }]);
    expect(await write).toEqual([{ c: 4 }]);
  });

  it('gives up with SQLITE_BUSY after the wait limit, leaving nothing half written', async () => {
    const file = path.join(dir, 'limit.sqlite');
    const a = await openDatabase({ kind: 'sqlite', path: file }, { migrate: false });
    const b = await openDatabase({ kind: 'sqlite', path: file }, { migrate: false });
    // A short wait for `a` (the default is 5 s).
    retrySqliteBusyAsync(a, 60);
    try {
      await a.query('CREATE TABLE t (n INTEGER)');
      const holder = b.createQueryRunner();
      await holder.startTransaction();
      await holder.query('INSERT INTO t (n) VALUES (1)');
      await expect(a.query('INSERT INTO t (n) VALUES (2)')).rejects.toMatchObject({ driverError: { code: 'SQLITE_BUSY' } });
      await holder.rollbackTransaction();
      expect(await a.query('SELECT COUNT(*) AS c FROM t')).toEqual([{ c: 0 }]);
    } finally {
      await a.destroy();
      await b.destroy();
    }
  });
});
