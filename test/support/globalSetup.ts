/**
 * Jest global setup: a fresh MariaDB/MySQL database for this run, built by the migrations alone (never
 * synchronize). Each run gets its own database name, so two runs on one machine never drop each other's data.
 * TEST_DATABASE_URL names the server (and base name); the run's URL reaches the workers through the environment.
 */
import { recreateMysqlDatabase } from '../../server/src/db/adminConnection';
import { createDataSource } from '../../server/src/db/dataSource';
import { RUN_DATABASE_ENV, runDatabaseUrl } from './testEnv';

export default async function globalSetup(): Promise<void> {
  if (process.env[RUN_DATABASE_ENV]) return; // several projects share this setup; build the database once per run
  const url = runDatabaseUrl(`${process.pid}_${Date.now().toString(36)}`);
  await recreateMysqlDatabase(url);
  const ds = await createDataSource({ kind: 'mysql', url });
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();
  process.env[RUN_DATABASE_ENV] = url;
}
