/** Where tests find MariaDB and Redis (the machine's own services unless overridden). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/liucai_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let counter = 0;
/** A corp id no other test uses: isolation by tenant, not by mocks. */
export function uniqueCorpId(label: string): string {
  counter++;
  return `t${label}${process.pid}${Date.now().toString(36)}${counter}`.slice(0, 60);
}
