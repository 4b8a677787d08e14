import { ConfigError, loadConfig, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { buildServices, grantDemoHrScope, redisOptions, resumeQueuedRuns, scheduleSyncs, type Services } from './services';
import { startBullWorkers, type JobWorkers } from './jobs/bullJobQueue';
import { createJobHandlers, handlerDepsFrom } from './jobs/handlers';
import { waitOutOutages } from './jobs/outageWait';
import { InProcessJobQueue } from './jobs/inProcessJobQueue';
import { In } from 'typeorm';
import { STARTUP_DATA_KINDS, startFirstDataSyncs, startFirstOrgSync, waitForRun } from './modules/sync/commands/firstStartSync';
import { SyncRun } from './entities';
import { scheduleNotify } from './modules/notify/jobs/notifyJobs';
import { scheduleAuditPurge } from './modules/audit/jobs/auditPurgeJob';
import { seedDemoIncentivePlans } from './modules/pay/commands/demoIncentivePlansSeeder';
import { shanghaiDate } from './util/dates';

/** Load config or print every problem and exit 2 (start-up must fail loudly and completely). */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

/**
 * Build services for a process; in production MySQL must already be migrated (a release step). `offLoop` (the web
 * process) runs the built-in sandbox and, without Redis, the jobs on worker threads, off the event loop that answers
 * requests.
 */
export async function bootServices(config: Config, log: Logger, opts: { offLoop?: boolean } = {}): Promise<Services> {
  const autoMigrate = config.database.kind === 'sqlite' || config.env !== 'production';
  const s = await buildServices(config, log, { migrate: autoMigrate, offLoop: opts.offLoop ?? false });
  if (!autoMigrate && (await s.ds.showMigrations())) {
    await s.close();
    throw new Error('The database has pending migrations: run `npm run migrate` (release step) before starting.');
  }
  return s;
}

/** Start BullMQ consumers (main and notification queues) in this process with the standard handlers. */
export function startWorker(s: Services): JobWorkers {
  if (!s.config.redis) throw new Error('a BullMQ worker needs REDIS_URL');
  const handlers = waitOutOutages(createJobHandlers(handlerDepsFrom(s.config, s.ds, s.dingtalk, s.log, s.sandbox)), s);
  // The workers' own connections (BullMQ opens and closes them), which wait for Redis instead of failing fast, and try
  // again at least every 2 s while it is away (BullMQ's default backs off to 20 s), so jobs resume soon after it returns.
  const connection = { url: s.config.redis.url, ...redisOptions, retryStrategy: (times: number) => Math.min(times * 200, 2000) };
  return startBullWorkers(connection, s.config.queuePrefix, handlers, s.log, { lockMs: s.config.jobLockMs });
}

/** What the first start left running in the background. */
export interface FirstStart {
  /** First-start data syncs (demo) still queued or running: the banner says so. */
  dataSyncsRunning: boolean;
}

/**
 * First start, so that people can sign in at once. Real DingTalk: a fresh database gets its org sync now (not at
 * 02:30), in the background; meanwhile sign-in reads a person DingTalk knows on the fly. Sandbox: the demo org is
 * synced before the URL is printed (then the demo users can sign in), the demo HR user gets a scope, and every data
 * source (departures, attendance, leave, CRM) is read once in the background, so 数据 opens on a full company.
 */
export async function prepareFirstStart(s: Pick<Services, 'ds' | 'jobs' | 'corp' | 'sandbox'>, print: (line: string) => void): Promise<FirstStart> {
  const corpId = s.corp.corpId;
  const orgRun = await startFirstOrgSync(s, corpId);
  if (!s.sandbox) {
    if (orgRun) print('首次启动：正在从钉钉同步组织架构，进度见“组织架构”页；同步完成前，员工登录时即时读取其钉钉资料 (first start: syncing the org)');
    return { dataSyncsRunning: false };
  }
  if (orgRun) {
    print('首次启动：正在从演示钉钉同步组织架构 (first start: syncing the demo org)…');
    const r = await waitForRun(s.ds, orgRun);
    if (r.status === 'failed') throw new Error(`demo org sync failed: ${r.error ?? 'unknown error'}`);
    print(`  同步完成: ${r.countDepartments} 个部门, ${r.countUsers} 人, ${r.apiCalls} 次钉钉调用`);
  }
  await grantDemoHrScope(s.ds, corpId, s.sandbox.demoUsers.hr, s.sandbox.demoUsers.admin);
  // The old 1% plan and the new plan, the salespeople on them (idempotent).
  await seedDemoIncentivePlans(s.ds, corpId, s.sandbox.demoUsers.admin, shanghaiDate(new Date()));
  await startFirstDataSyncs(s, corpId);
  const running = await s.ds
    .getRepository(SyncRun)
    .countBy({ corpId, trigger: 'startup', kind: In([...STARTUP_DATA_KINDS]), status: In(['queued', 'running']) });
  return { dataSyncsRunning: running > 0 };
}

/** Everything a process does after services are built: schedule, resume, and (when asked) consume jobs. */
export async function startJobs(s: Services, consume: boolean): Promise<JobWorkers | null> {
  const worker = consume && s.redis ? startWorker(s) : null;
  await scheduleSyncs(s, s.corp.corpId);
  await scheduleNotify(s, s.corp.corpId);
  await scheduleAuditPurge(s, s.corp.corpId);
  await resumeQueuedRuns(s, s.corp.corpId);
  s.schedulerWatch.start();
  return worker;
}

export { createLogger, InProcessJobQueue };
