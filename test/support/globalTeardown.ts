/** Jest global teardown: drop this run's database. */
import { dropMysqlDatabase } from '../../server/src/db/adminConnection';
import { RUN_DATABASE_ENV } from './testEnv';

export default async function globalTeardown(): Promise<void> {
  const url = process.env[RUN_DATABASE_ENV];
  if (!url) return;
  delete process.env[RUN_DATABASE_ENV];
  await dropMysqlDatabase(url);
}
