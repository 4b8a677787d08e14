/**
 * DATABASE_URL's `?socketPath=`: a MariaDB on the same machine reached through its Unix socket instead of loopback TCP
 * (the URL's host and port are then unused). The test asks the server where its socket is over TCP, then connects
 * through it with a host that does not resolve: only the socket can answer.
 */
import { createDataSource } from '../server/src/db/dataSource';
import { testDatabaseUrl } from './support/testEnv';
import { openTestDb } from './support/testServices';

describe('MariaDB through its Unix socket', () => {
  it('connects through socketPath and reads the same database as over TCP', async () => {
    const tcp = await openTestDb();
    const [socket, overTcp] = await (async () => {
      try {
        const s = String(((await tcp.query('SELECT @@socket AS s')) as { s: string }[])[0]!.s);
        return [s, Number(((await tcp.query('SELECT COUNT(*) AS n FROM migrations')) as { n: number | string }[])[0]!.n)] as const;
      } finally {
        await tcp.destroy();
      }
    })();
    expect(socket).toMatch(/^\//);
    expect(overTcp).toBeGreaterThan(10);
    const u = new URL(testDatabaseUrl());
    u.hostname = 'no-such-host.invalid';
    u.port = '1';
    u.searchParams.set('socketPath', socket);
    const ds = await createDataSource({ kind: 'mysql', url: u.toString() });
    await ds.initialize();
    try {
      const rows = (await ds.query('SELECT COUNT(*) AS n FROM migrations')) as { n: number | string }[];
      expect(Number(rows[0]!.n)).toBe(overTcp);
    } finally {
      await ds.destroy();
    }
  });
});
