import { once } from 'node:events';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import type { Config } from './config';
import type { Logger } from './logger';
import type { AppDeps, DingTalkPort } from './appTypes';
import { openDatabase } from './db/dataSource';
import { shanghaiDate, shanghaiMidnight } from './util/dates';
import { Corp, Department, HrScope, SyncRun } from './entities';
import { startSandbox, type SandboxHandle } from './dingtalk/sandbox';
import { startSandboxThread, type SandboxThreadHandle } from './dingtalk/sandbox/startSandboxThread';
import { createDingTalkPort } from './dingtalk/dingTalkPort';
import { CallbackCrypto } from './dingtalk/callbackCrypto';
import { StreamReceiver } from './modules/sync/events/streamReceiver';
import { BullJobQueue } from './jobs/bullJobQueue';
import { InProcessJobQueue } from './jobs/inProcessJobQueue';
import { ThreadJobQueue } from './jobs/threadJobQueue';
import { createJobHandlers, handlerDepsFrom } from './jobs/handlers';
import { waitOutOutages } from './jobs/outageWait';
import { SchedulerWatch } from './jobs/schedulerWatch';
import { dataSyncSchedulerId, orgSyncSchedulerId } from './modules/sync/jobs/orgSyncJob';
import { resumeRuns } from './modules/sync/commands/firstStartSync';

/** The demo company the embedded mode generates (the sandbox's credentials are not secrets). */
export const DEMO_CORP = {
  corpId: 'dingliucaidemo',
  corpName: '留才示范科技有限公司',
  appKey: 'liucai-demo-key',
  appSecret: 'liucai-demo-secret',
  agentId: 3000001,
};
/**
 * The demo company's "today": midnight (Asia/Shanghai) of the current day, so its attendance and leave end today and
 * a sync, which reads back from the real clock, finds them. Tests that need fixed data leave the sandbox default.
 */
export function calendarEndingToday(now: Date = new Date()): number {
  return shanghaiMidnight(shanghaiDate(now));
}

/** The demo's event-subscription secrets (sandbox only, not secrets). */
export const DEMO_CALLBACK = { token: 'liucai-demo-token', aesKey: 'bGl1Y2FpLWRlbW8tYWVzLWtleS0wMTIzNDU2Nzg5YWI' };

export interface Services extends AppDeps {
  /** The in-thread sandbox's live objects; null when it runs on its own thread (`offLoop`) or DingTalk is real. */
  sandboxHandle: SandboxHandle | null;
  /** Built when Stream mode is on; the web process starts it (a worker never does). */
  eventStream: StreamReceiver | null;
  /** Re-registers job schedulers Redis lost (started by startJobs). */
  schedulerWatch: SchedulerWatch;
  /** Close everything this process opened, in order: event stream, jobs, database, Redis, sandbox. */
  close(): Promise<void>;
}

/** ioredis options BullMQ requires for workers' blocking connections: their commands wait for Redis to come back. */
export const redisOptions = { maxRetriesPerRequest: null, enableReadyCheck: true } as const;

/**
 * ioredis options for what requests do with Redis (enqueue, the DingTalk token cache, /readyz): while Redis is
 * unreachable a command fails at once instead of waiting in ioredis' offline queue, and a slow one after `timeoutMs`.
 * The client still reconnects on its own when Redis returns.
 */
export function failFastRedisOptions(timeoutMs: number) {
  return { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: timeoutMs, connectTimeout: timeoutMs, enableReadyCheck: true } as const;
}

/**
 * Wire the process from config: DingTalk (real or the built-in sandbox), database (MySQL or embedded SQLite,
 * migrated when allowed), Redis and jobs (BullMQ or in-process). `role` web or worker decides who consumes jobs:
 * in-process jobs always run in this process.
 */
export async function buildServices(config: Config, log: Logger, opts: { migrate: boolean; offLoop?: boolean }): Promise<Services> {
  let sandboxHandle: SandboxHandle | null = null;
  let sandboxThread: SandboxThreadHandle | null = null;
  let sandbox: Services['sandbox'] = null;
  let corp: { corpId: string; name: string };
  if (config.dingtalk.mode === 'sandbox') {
    const sandboxOptions = {
      port: config.dingtalk.port,
      corps: [{ ...DEMO_CORP, seed: config.dingtalk.seed, employees: config.dingtalk.employees, asOfMs: calendarEndingToday() }],
    };
    // Off the web event loop (npm start): the emulator generates and serves its company on its own thread.
    if (opts.offLoop) {
      sandboxThread = await startSandboxThread(sandboxOptions);
      sandbox = { url: sandboxThread.url, demoUsers: sandboxThread.demoUsers.get(DEMO_CORP.corpId)! };
    } else {
      sandboxHandle = await startSandbox(sandboxOptions);
      sandbox = { url: sandboxHandle.url, demoUsers: sandboxHandle.corps.get(DEMO_CORP.corpId)!.demoUsers };
    }
    corp = { corpId: DEMO_CORP.corpId, name: DEMO_CORP.corpName };
  } else {
    corp = { corpId: config.dingtalk.corpId, name: config.corpName ?? config.dingtalk.corpId };
  }
  // Requests use a fail-fast client; a worker in this process opens its own blocking connections (startWorker).
  const redis = config.redis ? await connectFailFast(config.redis.url, config.resilience.redisTimeoutMs, log) : null;
  const dingtalk = dingtalkPortFor(config, sandbox?.url ?? null, redis);
  const r = config.resilience;
  const ds = await openDatabase(config.database, {
    migrate: opts.migrate,
    timeouts: { connectMs: r.databaseConnectTimeoutMs, acquireMs: r.databaseAcquireTimeoutMs },
  });
  await ensureCorp(ds, corp);

  // Without Redis the jobs run in this process: on a worker thread of their own when off the web loop (npm start).
  const jobs = redis
    ? new BullJobQueue(redis, config.queuePrefix)
    : opts.offLoop
      ? await ThreadJobQueue.start({ sandboxUrl: sandbox?.url ?? null, demoUsers: sandbox?.demoUsers ?? null }, log)
      : new InProcessJobQueue(waitOutOutages(createJobHandlers(handlerDepsFrom(config, ds, dingtalk, log, sandbox)), { ds, log }), log);
  const callbackSecrets = config.events.http ? (config.dingtalkCallback ?? (sandbox ? DEMO_CALLBACK : null)) : null;
  const ownerKey = config.dingtalk.mode === 'real' ? config.dingtalk.appKey : DEMO_CORP.appKey;
  const callbackCrypto = callbackSecrets ? new CallbackCrypto(callbackSecrets.token, callbackSecrets.aesKey, ownerKey) : null;
  const eventStream = config.events.stream
    ? new StreamReceiver(
        { ds, jobs, log, corpId: corp.corpId, config },
        config.dingtalk.mode === 'real'
          ? {
              clientId: config.dingtalk.appKey,
              clientSecret: config.dingtalk.appSecret,
              v1BaseUrl: config.dingtalk.v1BaseUrl,
              timeoutMs: config.dingtalkTimeoutMs,
            }
          : { clientId: DEMO_CORP.appKey, clientSecret: DEMO_CORP.appSecret, v1BaseUrl: sandbox!.url, timeoutMs: config.dingtalkTimeoutMs },
      )
    : null;
  // Schedulers gone means Redis lost its data, and with it the jobs of runs still queued: queue those again.
  const schedulerWatch = new SchedulerWatch(jobs, log, {
    intervalMs: config.resilience.schedulerCheckMs,
    onRestored: () => resumeQueuedRuns({ ds, jobs }, corp.corpId, ['queued']),
  });
  return {
    config,
    ds,
    redis,
    jobs,
    log,
    corp,
    dingtalk,
    callbackCrypto,
    sandbox,
    sandboxHandle,
    eventStream,
    schedulerWatch,
    async close() {
      await schedulerWatch.stop();
      if (eventStream) await eventStream.close().catch((err: unknown) => log.warn({ err }, 'closing event stream'));
      await jobs.close().catch((err: unknown) => log.warn({ err }, 'closing jobs'));
      await ds.destroy().catch((err: unknown) => log.warn({ err }, 'closing database'));
      if (redis) await redis.quit().catch(() => redis.disconnect());
      if (sandboxHandle) await sandboxHandle.close();
      if (sandboxThread) await sandboxThread.close();
    },
  };
}

/**
 * A fail-fast Redis client, connected (with the offline queue off, a command sent before `ready` would fail). Start-up
 * fails when Redis cannot be reached, as it does for the database; later outages are logged (at most every 10 s) while
 * the client reconnects.
 */
async function connectFailFast(url: string, timeoutMs: number, log: Logger): Promise<Redis> {
  const redis = new Redis(url, failFastRedisOptions(timeoutMs));
  let lastLogged = 0;
  redis.on('error', (err: Error) => {
    if (Date.now() - lastLogged < 10_000) return;
    lastLogged = Date.now();
    log.warn({ reason: err.message }, 'Redis unavailable; reconnecting');
  });
  try {
    if (redis.status !== 'ready') await once(redis, 'ready');
  } catch (err) {
    redis.disconnect();
    throw new Error(`Redis (REDIS_URL) is not reachable: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return redis;
}

/** This installation's DingTalk: the real app, or the demo company on the built-in sandbox at `sandboxUrl`. */
export function dingtalkPortFor(config: Config, sandboxUrl: string | null, redis: Redis | null): DingTalkPort {
  if (config.dingtalk.mode === 'real') return createDingTalkPort(config.dingtalk, config, redis);
  if (!sandboxUrl) throw new Error('sandbox mode needs the sandbox URL');
  const { corpId, appKey, appSecret, agentId } = DEMO_CORP;
  return createDingTalkPort({ corpId, appKey, appSecret, agentId, legacyBaseUrl: sandboxUrl, v1BaseUrl: sandboxUrl }, config, null);
}

async function ensureCorp(ds: DataSource, corp: { corpId: string; name: string }): Promise<void> {
  await ds.createQueryBuilder().insert().into(Corp).values({ corpId: corp.corpId, name: corp.name, agentId: null }).orUpdate(['name'], ['corp_id']).execute();
}

/** Re-enqueue runs left queued by a stopped process (job ids are deterministic, so nothing runs twice). */
export async function resumeQueuedRuns(
  s: Pick<AppDeps, 'ds' | 'jobs'>,
  corpId: string,
  statuses: SyncRun['status'][] = ['queued', 'running'],
): Promise<number> {
  const queued = await s.ds.getRepository(SyncRun).find({ where: { corpId, status: In(statuses) }, order: { id: 'ASC' } });
  await resumeRuns(s, corpId, queued);
  return queued.length;
}

/** Register the periodic syncs: org (ORG_SYNC_CRON) and data (DATA_SYNC_CRON), Asia/Shanghai. */
export async function scheduleSyncs(s: Pick<AppDeps, 'jobs' | 'config'>, corpId: string): Promise<void> {
  await s.jobs.schedule(orgSyncSchedulerId(corpId), s.config.orgSyncCron, 'org.scheduledSync', { corpId });
  await s.jobs.schedule(dataSyncSchedulerId(corpId), s.config.dataSyncCron, 'data.scheduledSync', { corpId });
}

/** Demo only: let the demo HR user see the sales centre, as an admin would grant in 角色设置. */
export async function grantDemoHrScope(ds: DataSource, corpId: string, hrUserid: string, adminUserid: string): Promise<void> {
  if ((await ds.getRepository(HrScope).countBy({ corpId, userid: hrUserid })) > 0) return;
  const sales = await ds.getRepository(Department).findOneBy({ corpId, name: '销售中心' });
  if (!sales) return;
  await ds.getRepository(HrScope).insert({ corpId, userid: hrUserid, deptId: sales.deptId, grantedBy: adminUserid, grantedAt: new Date() });
}
