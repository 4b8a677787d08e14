import type { DataSource } from 'typeorm';
import { DependencyDownError } from '../dependencyDown';

type GetConnection = (cb: (err: Error | null, conn?: { release(): void }) => void) => void;

/**
 * mysql2's pool has a connect timeout but no acquire timeout: when every connection is stuck (a database that
 * stopped answering without closing its sockets), later requests would wait for a free one forever. This gives each
 * wait a limit; past it the request fails with a DependencyDownError (503), and a connection that turns up later is
 * handed straight back to the pool.
 */
export function applyAcquireTimeout(ds: DataSource, timeoutMs: number): void {
  const pool = (ds.driver as unknown as { pool?: { getConnection: GetConnection } }).pool;
  if (!pool) return; // SQLite, or a replicated MySQL set-up (not used)
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (cb) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      cb(new DependencyDownError('database', `no database connection within ${timeoutMs} ms`));
    }, timeoutMs);
    getConnection((err, conn) => {
      clearTimeout(timer);
      if (settled) {
        conn?.release();
        return;
      }
      settled = true;
      cb(err, conn);
    });
  };
}
