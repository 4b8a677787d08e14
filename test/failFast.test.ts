import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createTestWorld, syncWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { TestClient } from './support/httpClient';
import { testDatabaseUrl } from './support/testEnv';
import { waitFor } from './support/waitFor';
import { startPrivateRedis, startTcpProxy, type PrivateRedis } from './support/privateServices';
import { createDataSource } from '../server/src/db/dataSource';
import { applyAcquireTimeout } from '../server/src/db/poolTimeouts';
import { failFastRedisOptions } from '../server/src/services';
import { BullJobQueue, QUEUE_NAME } from '../server/src/jobs/bullJobQueue';
import { createDingTalkPort } from '../server/src/dingtalk/dingTalkPort';
import { waitOutOutages } from '../server/src/jobs/outageWait';
import { dependencyDownOf } from '../server/src/dependencyDown';
import { orgSyncJobId } from '../server/src/modules/sync/jobs/orgSyncJob';
import { SyncRun } from '../server/src/entities';
import type { AppDeps } from '../server/src/appTypes';
import type { JobHandlers } from '../server/src/jobs/jobTypes';

jest.setTimeout(60000);

type ErrorBody = { ok: false; error: { id: string; message: string; details: Record<string, unknown> } };

/**
 * The web app wired as in production, but with a Redis of its own (which the test stops) and the shared MariaDB
 * reached through a TCP forwarder (which the test cuts): what a request does while either is down.
 */
describe('fail fast while Redis or the database is down', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liucai-failfast-'));
  let w: TestWorld;
  let redisServer: PrivateRedis;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let ds: DataSource;
  let redis: Redis;
  let jobs: BullJobQueue;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    w = await createTestWorld({ label: 'failfast', employees: 30, seed: 11 });
    await syncWorld(w);
    redisServer = await startPrivateRedis(path.join(dir, 'redis'));
    const db = new URL(testDatabaseUrl());
    proxy = await startTcpProxy({ host: db.hostname, port: Number(db.port || 3306) });
    db.host = `127.0.0.1:${proxy.port}`;
    ds = await createDataSource({ kind: 'mysql', url: db.toString() }, { connectMs: 2000, acquireMs: 3000 });
    await ds.initialize();
    applyAcquireTimeout(ds, 3000);
    redis = new Redis(redisServer.url, failFastRedisOptions(1000));
    redis.on('error', () => undefined);
    jobs = new BullJobQueue(redis, w.config.queuePrefix);
    // As at start-up (scheduleSyncs), the queue is connected before Redis goes away: a queue still initialising waits for Redis.
    await jobs.queue.waitUntilReady();
    // DingTalk's token is cached in this Redis, as in production with several processes.
    const dingtalk = createDingTalkPort(
      { corpId: w.corpId, appKey: w.appKey, appSecret: `secret-${w.corpId}`, agentId: 1000, legacyBaseUrl: w.sandbox!.url, v1BaseUrl: w.sandbox!.url },
      { ...w.config, dingtalkCallsPerSecond: 200 },
      redis,
    );
    const deps: AppDeps = { ...w, ds, redis, jobs, dingtalk };
    server = await listen(deps);
  });
  afterAll(async () => {
    await server?.close();
    await jobs?.close();
    redis?.disconnect();
    await ds?.destroy().catch(() => undefined);
    await proxy?.close();
    await redisServer?.close();
    await w?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const readyz = async () => {
    const res = await fetch(`${server.url}/readyz`);
    return { status: res.status, body: (await res.json()) as ErrorBody & { data: Record<string, { ok: boolean }> } };
  };

  it('Redis down: sign-in still works, 立即同步 answers 503 in Chinese at once and its run is failed, /readyz names Redis; back: all works', async () => {
    await redisServer.stop();
    const hr = new TestClient(server.url);
    // Signing in needs the database and DingTalk only: the token cache falls back to this process's memory.
    expect((await hr.signIn(w.sandbox!.demoUsers.hr, w.corpId)).status).toBe(200);

    const sync = await hr.call('POST', '/api/v1/sync/org');
    expect(sync.status).toBe(503);
    expect(sync.body).toMatchObject({ ok: false, error: { id: 'redis_unavailable', message: '任务队列（Redis）暂时无法连接，同步没有开始，请稍后再试' } });
    const runId = (sync.body.error.details as { runId: number }).runId;
    const run = await w.ds.getRepository(SyncRun).findOneByOrFail({ id: runId });
    expect(run).toMatchObject({ status: 'failed', error: '未能加入任务队列，本次同步没有开始；请稍后重新同步（Redis 不可用）' });
    expect(run.finishedAt).not.toBeNull();
    // HR sees the failed run with its reason, not a run "queued" forever.
    const status = await hr.call<{ current: { status: string; error: string } }>('GET', '/api/v1/sync/org');
    expect(status.body.data.current).toMatchObject({ status: 'failed', error: run.error });

    const notReady = await readyz();
    expect(notReady.status).toBe(503);
    expect(notReady.body.error).toMatchObject({ id: 'not_ready', message: '未就绪：Redis、定时任务不可用', details: { down: ['redis', 'schedulers'] } });
    expect(notReady.body.error.details).toMatchObject({ database: { ok: true }, redis: { ok: false }, dingtalk: { ok: true } });

    await redisServer.start();
    await waitFor('/readyz to be 200 once Redis is back', async () => (await readyz()).status === 200);
    // The failed run does not block a new one, and its job reaches the queue.
    const again = await hr.call<{ id: number }>('POST', '/api/v1/sync/org');
    expect(again.status).toBe(202);
    const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: w.config.queuePrefix });
    expect(await queue.getJobState(orgSyncJobId(again.body.data.id))).toBe('waiting');
    expect(await queue.getJobState(orgSyncJobId(runId))).toBe('unknown');
  });

  it('database unreachable: requests answer 503 database_unavailable in Chinese, /readyz names the database, /healthz stays up; back: all works', async () => {
    const hr = new TestClient(server.url);
    expect((await hr.signIn(w.sandbox!.demoUsers.hr, w.corpId)).status).toBe(200);
    await proxy.cut();
    try {
      const res = await fetch(`${server.url}/api/v1/me`, { headers: { cookie: hr.cookie } });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('10');
      expect(await res.json()).toMatchObject({ ok: false, error: { id: 'database_unavailable', message: '数据库暂时无法连接，请稍后再试' } });
      const signIn = await new TestClient(server.url).signIn(w.sandbox!.demoUsers.employee, w.corpId);
      expect(signIn).toMatchObject({ status: 503, body: { error: { id: 'database_unavailable' } } });
      const notReady = await readyz();
      expect(notReady.status).toBe(503);
      expect(notReady.body.error).toMatchObject({ message: '未就绪：数据库不可用', details: { down: ['database'], database: { ok: false, kind: 'mysql' } } });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await proxy.restore();
    }
    expect((await hr.call('GET', '/api/v1/me')).status).toBe(200);
    expect((await readyz()).status).toBe(200);
  });

  it('a job caught by a database outage waits for the database and runs again within the same attempt', async () => {
    const seen: number[] = [];
    let calls = 0;
    const handlers = {
      'org.sync': async (_p: unknown, ctx: { attempt: number }) => {
        calls++;
        seen.push(ctx.attempt);
        if (calls === 1) {
          await proxy.cut();
          // Bring the database back a little later, while the job waits.
          setTimeout(() => void proxy.restore(), 1500);
        }
        await ds.query('SELECT 1');
      },
      'org.syncUsers': async () => {
        await ds.query('SELEC 1');
      },
    } as unknown as JobHandlers;
    const wrapped = waitOutOutages(handlers, { ds, log: w.log }, { probeMs: 100 });
    await wrapped['org.sync']({ corpId: w.corpId, syncRunId: 1 }, { jobId: 'j', attempt: 1 });
    expect(calls).toBe(2);
    expect(seen).toEqual([1, 1]);
    // Any other error fails the attempt at once, as before.
    const err = await wrapped['org.syncUsers']({ corpId: w.corpId, userids: [] }, { jobId: 'k', attempt: 1 }).catch((e: unknown) => e);
    expect(dependencyDownOf(err)).toBeNull();
    expect(String(err)).toMatch(/SQL syntax/);
  });

  it('a request finds no free database connection within DATABASE_ACQUIRE_TIMEOUT_MS: 503, and the pool recovers', async () => {
    const small = await createDataSource({ kind: 'mysql', url: testDatabaseUrl() });
    const one = new DataSource({ ...small.options, extra: { connectionLimit: 1 } } as typeof small.options);
    await one.initialize();
    applyAcquireTimeout(one, 300);
    try {
      // The only connection is taken (a query that stopped answering would hold it the same way).
      const holder = one.createQueryRunner();
      await holder.connect();
      const err = await one.query('SELECT 1').catch((e: unknown) => e);
      expect(dependencyDownOf(err)).toBe('database');
      expect(String(err)).toContain('no database connection within 300 ms');
      await holder.release();
      expect(await one.query('SELECT 1 AS x')).toEqual([{ x: 1 }]);
    } finally {
      await one.destroy();
    }
  });
});
