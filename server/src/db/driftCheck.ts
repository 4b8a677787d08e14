/**
 * Migration drift gate (`npm run migration:check`): builds a scratch database from the migrations alone and asks
 * TypeORM what it would still change to match the entities — the same test as `migration:generate --check`.
 * Checks MySQL/MariaDB (DRIFT_DATABASE_URL, default a scratch database on 127.0.0.1) and the embedded SQLite.
 */
import { createDataSource } from './dataSource';
import { pendingSchemaChanges } from './schemaDiff';
import { recreateMysqlDatabase } from './adminConnection';
import type { Config } from '../config';

async function check(label: string, database: Config['database']): Promise<string[]> {
  const ds = await createDataSource(database);
  await ds.initialize();
  try {
    await ds.runMigrations();
    return (await pendingSchemaChanges(ds)).map((q) => `[${label}] ${q}`);
  } finally {
    await ds.destroy();
  }
}

async function main(): Promise<void> {
  const url = process.env.DRIFT_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/liucai_drift';
  await recreateMysqlDatabase(url);
  const drift = [...(await check('mysql', { kind: 'mysql', url })), ...(await check('sqlite', { kind: 'sqlite', path: ':memory:' }))];
  if (drift.length > 0) {
    console.error(`Migration drift: the entities need changes no migration makes:\n${drift.join('\n')}`);
    process.exit(1);
  }
  console.log('Migrations match the entities (mysql, sqlite): no drift.');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
