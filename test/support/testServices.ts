import type { DataSource } from 'typeorm';
import { Redis } from 'ioredis';
import { createDataSource } from '../../server/src/db/dataSource';
import { startSandbox, type SandboxHandle } from '../../server/src/dingtalk/sandbox';
import type { StreamHubOptions } from '../../server/src/dingtalk/sandbox/streamHub';
import { createDingTalkPort } from '../../server/src/dingtalk/dingTalkPort';
import { loadConfig, type Config } from '../../server/src/config';
import { createLogger } from '../../server/src/logger';
import { InProcessJobQueue } from '../../server/src/jobs/inProcessJobQueue';
import { BullJobQueue } from '../../server/src/jobs/bullJobQueue';
import { createJobHandlers, handlerDepsFrom } from '../../server/src/jobs/handlers';
import { Corp } from '../../server/src/entities';
import { DEMO_CALLBACK as TEST_CALLBACK, grantDemoHrScope, redisOptions } from '../../server/src/services';
import { CallbackCrypto } from '../../server/src/dingtalk/callbackCrypto';
import { createOrgSyncRun } from '../../server/src/modules/sync/commands/orgSyncRunCreator';
import { runOrgSync } from '../../server/src/modules/sync/commands/orgSyncer';
import type { AppDeps } from '../../server/src/appTypes';
import { TEST_REDIS_URL, testDatabaseUrl, uniqueCorpId } from './testEnv';

/** Rate limits no ordinary test reaches (test/requestGuards.test.ts sets small ones to prove they bite). */
export const UNLIMITED_RATES = {
  RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
  RATE_LIMIT_LOGIN_FAILURES_PER_MINUTE: '1000000',
  RATE_LIMIT_SYNC_PER_MINUTE: '1000000',
  RATE_LIMIT_IMPORT_PER_MINUTE: '1000000',
};

/** A DataSource on the migrated test database. */
export async function openTestDb(): Promise<DataSource> {
  const ds = await createDataSource({ kind: 'mysql', url: testDatabaseUrl() });
  await ds.initialize();
  return ds;
}

export interface TestWorld extends AppDeps {
  sandboxHandle: SandboxHandle;
  corpId: string;
  appKey: string;
  close(): Promise<void>;
}

/**
 * A whole Liucai wiring for a test: a fresh corp in the DingTalk sandbox (real HTTP), the migrated MariaDB test
 * database, and jobs either in-process or on real Redis/BullMQ with a unique prefix.
 */
export async function createTestWorld(opts: {
  label: string;
  employees?: number;
  seed?: number;
  /**
   * The sandbox corp's "today" (ms); unset keeps the sandbox's fixed default (2026-11-01), so a seed alone fixes the
   * data. A test whose syncs read up to the real yesterday (a lookback from `new Date()`) passes
   * `calendarEndingToday()`: against the fixed default its window would empty as the weeks go by.
   */
  asOfMs?: number;
  jobs?: 'in-process' | 'bullmq';
  env?: Record<string, string>;
  /** Stream gateway tuning (redelivery delay, ticket lifetime, disconnect grace). */
  stream?: StreamHubOptions;
}): Promise<TestWorld> {
  const corpId = uniqueCorpId(opts.label);
  const appKey = `key-${corpId}`;
  const sandboxHandle = await startSandbox({
    port: 0,
    corps: [
      {
        corpId,
        corpName: `测试公司${opts.label}`,
        appKey,
        appSecret: `secret-${corpId}`,
        agentId: 1000,
        seed: opts.seed ?? 7,
        employees: opts.employees ?? 60,
        ...(opts.asOfMs !== undefined ? { asOfMs: opts.asOfMs } : {}),
      },
    ],
    stream: opts.stream,
  });
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: testDatabaseUrl(),
    QUEUE_PREFIX: `test-${corpId}`,
    // Tests sign in and sync far more often than people do, all from 127.0.0.1; the rate limit tests set their own.
    ...UNLIMITED_RATES,
    ...opts.env,
  });
  const log = createLogger('silent');
  const ds = await openTestDb();
  await ds.getRepository(Corp).insert({ corpId, name: `测试公司${opts.label}`, agentId: 1000 });
  const dingtalk = createDingTalkPort(
    { corpId, appKey, appSecret: `secret-${corpId}`, agentId: 1000, legacyBaseUrl: sandboxHandle.url, v1BaseUrl: sandboxHandle.url },
    { ...config, dingtalkCallsPerSecond: 200 },
    null,
  );
  const demoUsers = sandboxHandle.corps.get(corpId)!.demoUsers;
  // The sandbox's corp is the world's demo company: a first start imports its training export.
  const handlers = createJobHandlers({ ...handlerDepsFrom(config, ds, dingtalk, log, { url: sandboxHandle.url, demoUsers }), orgSyncConcurrency: 4 });
  const redis = opts.jobs === 'bullmq' ? new Redis(TEST_REDIS_URL, redisOptions) : null;
  const jobs = redis ? new BullJobQueue(redis, config.queuePrefix) : new InProcessJobQueue(handlers, log, 50);
  const corp = sandboxHandle.corps.get(corpId)!;
  return {
    config,
    ds,
    redis,
    jobs,
    log,
    corp: { corpId, name: `测试公司${opts.label}` },
    dingtalk,
    callbackCrypto: new CallbackCrypto(TEST_CALLBACK.token, TEST_CALLBACK.aesKey, appKey),
    sandbox: { url: sandboxHandle.url, demoUsers: corp.demoUsers },
    sandboxHandle,
    corpId,
    appKey,
    async close() {
      await jobs.close();
      if (redis) {
        const keys = await redis.keys(`${config.queuePrefix}:*`);
        if (keys.length) await redis.del(...keys);
        await redis.quit();
      }
      await ds.destroy();
      await sandboxHandle.close();
    },
  };
}

/** Sync the world's sandbox org into the database once, and grant the demo HR user the sales centre. */
export async function syncWorld(w: TestWorld): Promise<void> {
  const run = await createOrgSyncRun(w.ds, w.corpId, 'manual', null);
  await runOrgSync({ ds: w.ds, source: w.dingtalk, apiCalls: () => w.dingtalk.callCount(), concurrency: 4 }, run!.id, { finalAttempt: true });
  await grantDemoHrScope(w.ds, w.corpId, w.sandbox!.demoUsers.hr, w.sandbox!.demoUsers.admin);
}
