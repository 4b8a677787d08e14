/**
 * `ds.transaction` for pay writes. On the embedded SQLite database every transaction of the process already takes its
 * turn (db/dataSource.ts); on MySQL/MariaDB the rule's row lock serialises writers. Kept as pay's one entry point.
 */
import type { DataSource, EntityManager } from 'typeorm';

export function payTransaction<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  return ds.transaction(fn);
}
