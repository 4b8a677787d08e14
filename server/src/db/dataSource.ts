import 'reflect-metadata';
import path from 'node:path';
import fs from 'node:fs';
import { DataSource } from 'typeorm';
import mysql from 'mysql2/promise';
import type { Config } from '../config';
import { Semaphore } from '../util/semaphore';
import { ENTITIES } from '../entities';
import { MYSQL_MIGRATIONS } from '../../../migrations/mysql';
import { SQLITE_MIGRATIONS } from '../../../migrations/sqlite';
import { applyAcquireTimeout } from './poolTimeouts';
import { retrySqliteBusyAsync } from './sqliteBusy';

/** How long to wait for the database: a new connection, and a free pooled one (config.resilience). */
export interface DatabaseTimeouts {
  connectMs: number;
  acquireMs: number;
}

/**
 * MariaDB and MySQL report column metadata differently (e.g. nullable defaults), and TypeORM's schema diff only
 * reads MariaDB's form right under its `mariadb` driver, so ask the server which one it is.
 */
export async function detectMysqlFlavor(url: string): Promise<'mysql' | 'mariadb'> {
  if (url.startsWith('mariadb:')) return 'mariadb';
  const conn = await mysql.createConnection(url.replace(/^mariadb:/, 'mysql:'));
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    const version = String((rows as { v: string }[])[0]?.v ?? '');
    return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

/** Build (not initialise) the DataSource for the configured database. Schema comes only from migrations. */
export async function createDataSource(database: Config['database'], timeouts?: DatabaseTimeouts): Promise<DataSource> {
  if (database.kind === 'mysql') {
    const socketPath = new URL(database.url).searchParams.get('socketPath');
    return new DataSource({
      type: await detectMysqlFlavor(database.url),
      url: database.url.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: false,
      entities: ENTITIES,
      migrations: MYSQL_MIGRATIONS,
      migrationsTableName: 'migrations',
      synchronize: false,
      logging: false,
      ...(timeouts ? { connectTimeout: timeouts.connectMs } : {}),
      ...(socketPath ? { socketPath } : {}),
      // mysql2's `trace` captures a stack trace on every query for its error's stack (4 % of the web thread's CPU in
      // bench:api); a failed query still says its SQL and where it was awaited (QueryFailedError, async stack traces).
      extra: { connectionLimit: 10, trace: false },
    });
  }
  if (database.path !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(database.path)), { recursive: true });
  const ds = new DataSource({
    type: 'better-sqlite3',
    database: database.path,
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    prepareDatabase: (db: { pragma(s: string): unknown; prepare(sql: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      // No synchronous busy wait (it would stall the process's event loop): `retrySqliteBusyAsync` waits instead.
      db.pragma('busy_timeout = 0');
      // The embedded mode has two connections (web and job thread). TypeORM opens transactions DEFERRED; one that reads,
      // then writes after the other connection committed, fails with SQLITE_BUSY at once (a stale snapshot cannot be
      // waited out). IMMEDIATE takes the write lock up front, so BEGIN is the statement that waits for it instead.
      const prepare = db.prepare.bind(db);
      db.prepare = (sql: string) => prepare(sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql);
    },
  });
  retrySqliteBusyAsync(ds);
  return ds;
}

/** Initialise the DataSource and apply pending migrations (used by the embedded mode and tests). */
export async function openDatabase(database: Config['database'], opts: { migrate: boolean; timeouts?: DatabaseTimeouts }): Promise<DataSource> {
  const ds = await createDataSource(database, opts.timeouts);
  await ds.initialize();
  if (opts.timeouts) applyAcquireTimeout(ds, opts.timeouts.acquireMs);
  if (database.kind === 'sqlite') queueSqliteTransactions(ds);
  if (opts.migrate) await ds.runMigrations({ transaction: database.kind === 'sqlite' ? 'all' : 'each' });
  return ds;
}

/**
 * The embedded SQLite database is one connection per process: two requests' transactions at once would fail the
 * second with "cannot start a transaction within a transaction". Transactions of a process therefore take turns
 * (MySQL has a pool and row locks, and keeps TypeORM's own behaviour). A transaction must not open another through
 * the DataSource (use its EntityManager), which holds for MySQL too.
 */
function queueSqliteTransactions(ds: DataSource): void {
  const lane = new Semaphore(1);
  const manager = ds.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((...args: unknown[]) => lane.run(() => transaction(...args))) as typeof manager.transaction;
}
