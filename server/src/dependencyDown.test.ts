import net from 'node:net';
import mysql from 'mysql2/promise';
import { Redis } from 'ioredis';
import { DataSource, QueryFailedError } from 'typeorm';
import { DependencyDownError, dependencyDownOf, dependencyUnavailable } from './dependencyDown';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** The rejection of `p` (fails the test if it resolves). */
async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('dependencyDownOf, on the errors the real clients throw', () => {
  it('names the database for a refused connection, through mysql2 and through TypeORM', async () => {
    const port = await closedPort();
    expect(dependencyDownOf(await rejectionOf(mysql.createConnection({ host: '127.0.0.1', port, user: 'root' })))).toBe('database');
    const ds = new DataSource({ type: 'mysql', host: '127.0.0.1', port, username: 'root', database: 'x', connectTimeout: 1000 });
    expect(dependencyDownOf(await rejectionOf(ds.initialize()))).toBe('database');
  });

  it('names the database for a connection the server dropped', async () => {
    // A "server" that accepts and hangs up at once, as a database going down does to its open connections.
    const srv = net.createServer((s) => s.destroy());
    await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
    const port = (srv.address() as net.AddressInfo).port;
    try {
      expect(dependencyDownOf(await rejectionOf(mysql.createConnection({ host: '127.0.0.1', port, user: 'root' })))).toBe('database');
    } finally {
      srv.close();
    }
  });

  it('names Redis for a fail-fast client that cannot reach it', async () => {
    const redis = new Redis({ host: '127.0.0.1', port: await closedPort(), enableOfflineQueue: false, lazyConnect: true, retryStrategy: () => null });
    redis.on('error', () => undefined);
    try {
      expect(dependencyDownOf(await rejectionOf(redis.get('k')))).toBe('redis');
    } finally {
      redis.disconnect();
    }
  });

  it('leaves every other error alone: SQL mistakes, HTTP failures, plain errors', async () => {
    const port = await closedPort();
    expect(dependencyDownOf(await rejectionOf(fetch(`http://127.0.0.1:${port}/`)))).toBeNull();
    const sqlError = Object.assign(new Error('You have an error in your SQL syntax'), { code: 'ER_PARSE_ERROR', errno: 1064, sqlState: '42000' });
    expect(dependencyDownOf(new QueryFailedError('SELEC 1', [], sqlError))).toBeNull();
    expect(dependencyDownOf(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBeNull();
    expect(dependencyDownOf(new Error('boom'))).toBeNull();
    expect(dependencyDownOf(undefined)).toBeNull();
  });

  it('turns into a 503 in Chinese naming the dependency', () => {
    expect(dependencyDownOf(new DependencyDownError('database', 'no connection within 10 ms'))).toBe('database');
    const db = dependencyUnavailable('database');
    expect({ id: db.id, status: db.status, message: db.message }).toEqual({
      id: 'database_unavailable',
      status: 503,
      message: '数据库暂时无法连接，请稍后再试',
    });
    expect(dependencyUnavailable('redis').message).toBe('任务队列（Redis）暂时无法连接，请稍后再试');
  });
});
