/**
 * `ds.transaction` for pay writes. On MySQL/MariaDB as it is (the rule's row lock serialises writers). On the
 * embedded SQLite database one connection cannot hold two transactions at once (TypeORM would fail the second
 * with "cannot start a transaction within a transaction"), so pay's transactions queue up one at a time per
 * database. This covers pay's own writes only; other domains' transactions are not queued here.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { Semaphore } from '../../../util/semaphore';

const queues = new WeakMap<DataSource, Semaphore>();

export function payTransaction<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  if (ds.options.type !== 'better-sqlite3') return ds.transaction(fn);
  let queue = queues.get(ds);
  if (!queue) {
    queue = new Semaphore(1);
    queues.set(ds, queue);
  }
  return queue.run(() => ds.transaction(fn));
}
