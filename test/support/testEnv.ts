/** Where tests find MariaDB and Redis (the machine's own services unless overridden). */
const BASE_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/liucai_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Environment variable carrying this run's database URL from the global setup to the test workers. */
export const RUN_DATABASE_ENV = 'LIUCAI_TEST_RUN_DATABASE_URL';

/** The database URL for run `suffix`: TEST_DATABASE_URL's database name plus the suffix. */
export function runDatabaseUrl(suffix: string): string {
  const u = new URL(BASE_DATABASE_URL);
  u.pathname = `${u.pathname.replace(/^\//, '')}_${suffix}`;
  return u.toString();
}

/** This run's migrated database (set up by globalSetup). */
export function testDatabaseUrl(): string {
  const url = process.env[RUN_DATABASE_ENV];
  if (!url) throw new Error(`${RUN_DATABASE_ENV} is not set: run tests through jest (its global setup builds the database)`);
  return url;
}

let counter = 0;
/** A corp id no other test uses: isolation by tenant, not by mocks. */
export function uniqueCorpId(label: string): string {
  counter++;
  return `t${label}${process.pid}${Date.now().toString(36)}${counter}`.slice(0, 60);
}
