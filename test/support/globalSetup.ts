/**
 * Jest global setup: a fresh MariaDB/MySQL test database built by the migrations alone (never synchronize).
 * TEST_DATABASE_URL overrides the default scratch database on 127.0.0.1.
 */
import { recreateMysqlDatabase } from '../../server/src/db/adminConnection';
import { createDataSource } from '../../server/src/db/dataSource';
import { TEST_DATABASE_URL } from './testEnv';

export default async function globalSetup(): Promise<void> {
  const g = globalThis as { __liucaiDbReady?: boolean };
  if (g.__liucaiDbReady) return; // several projects share this setup; build the database once per run
  await recreateMysqlDatabase(TEST_DATABASE_URL);
  const ds = await createDataSource({ kind: 'mysql', url: TEST_DATABASE_URL });
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();
  g.__liucaiDbReady = true;
}
