import { ConfigError, loadConfig, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { buildServices, grantDemoHrScope, resumeQueuedRuns, scheduleSyncs, type Services } from './services';
import { startBullWorkers, type JobWorkers } from './jobs/bullJobQueue';
import { createJobHandlers, handlerDepsFrom } from './jobs/handlers';
import { InProcessJobQueue } from './jobs/inProcessJobQueue';
import { createOrgSyncRun } from './modules/sync/commands/orgSyncRunCreator';
import { orgSyncJobId } from './modules/sync/jobs/orgSyncJob';
import { SyncRun, User } from './entities';
import { scheduleNotify } from './modules/notify/jobs/notifyJobs';

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
  if (!s.redis) throw new Error('a BullMQ worker needs REDIS_URL');
  const handlers = createJobHandlers(handlerDepsFrom(s.config, s.ds, s.dingtalk, s.log));
  return startBullWorkers(s.redis, s.config.queuePrefix, handlers, s.log, { lockMs: s.config.jobLockMs });
}

/** Sandbox mode: make sure the demo company is synced and the demo HR user has a scope, reporting progress. */
export async function prepareDemo(s: Services, print: (line: string) => void): Promise<void> {
  if (!s.sandbox) return;
  const corpId = s.corp.corpId;
  if ((await s.ds.getRepository(User).countBy({ corpId, status: 'active' })) === 0) {
    const run = await createOrgSyncRun(s.ds, corpId, 'manual', null);
    if (run) {
      print('首次启动：正在从演示钉钉同步组织架构 (first start: syncing the demo org)…');
      await s.jobs.enqueue('org.sync', { corpId, syncRunId: run.id }, { jobId: orgSyncJobId(run.id) });
      for (;;) {
        const r = await s.ds.getRepository(SyncRun).findOneByOrFail({ id: run.id });
        if (r.status === 'succeeded') {
          print(`  同步完成: ${r.countDepartments} 个部门, ${r.countUsers} 人, ${r.apiCalls} 次钉钉调用`);
          break;
        }
        if (r.status === 'failed') throw new Error(`demo org sync failed: ${r.error ?? 'unknown error'}`);
        await new Promise((res) => setTimeout(res, 300));
      }
    }
  }
  await grantDemoHrScope(s.ds, corpId, s.sandbox.demoUsers.hr, s.sandbox.demoUsers.admin);
}

/** Everything a process does after services are built: schedule, resume, and (when asked) consume jobs. */
export async function startJobs(s: Services, consume: boolean): Promise<JobWorkers | null> {
  const worker = consume && s.redis ? startWorker(s) : null;
  await scheduleSyncs(s, s.corp.corpId);
  await scheduleNotify(s, s.corp.corpId);
  await resumeQueuedRuns(s, s.corp.corpId);
  return worker;
}

export { createLogger, InProcessJobQueue };
