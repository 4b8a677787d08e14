/** Release step (`npm run migrate`): apply pending migrations to the configured database, then exit. */
import { loadConfig } from '../config';
import { createDataSource } from './dataSource';

async function main(): Promise<void> {
  const config = loadConfig();
  const ds = await createDataSource(config.database);
  await ds.initialize();
  const ran = await ds.runMigrations({ transaction: config.database.kind === 'sqlite' ? 'all' : 'each' });
  console.log(ran.length ? `Applied ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}` : 'Database is up to date.');
  await ds.destroy();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
