import { Queue } from 'bullmq';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { waitFor } from './support/waitFor';
import { resumeQueuedRuns, scheduleSyncs } from '../server/src/services';
import { QUEUE_NAME } from '../server/src/jobs/bullJobQueue';
import { SchedulerWatch } from '../server/src/jobs/schedulerWatch';
import { createSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import { dataSyncJobId, dataSyncSchedulerId, orgSyncSchedulerId } from '../server/src/modules/sync/jobs/orgSyncJob';

type Readyz = { ok: boolean; error?: { message: string; details: { down: string[]; schedulers: { ok: boolean; missing?: string[] } } } };

describe('job schedulers lost with Redis data', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let queue: Queue;
  let watch: SchedulerWatch | null = null;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'schedwatch', employees: 20, seed: 5, jobs: 'bullmq' });
    server = await listen(w);
    queue = new Queue(QUEUE_NAME, { connection: w.redis!, prefix: w.config.queuePrefix });
  });
  afterAll(async () => {
    await watch?.stop();
    await queue.close();
    await server.close();
    await w.close();
  });

  const readyz = async () => {
    const res = await fetch(`${server.url}/readyz`);
    return { status: res.status, body: (await res.json()) as Readyz };
  };

  it('makes /readyz 503 naming the missing schedulers until the watch registers them again, and re-queues runs whose jobs went too', async () => {
    await scheduleSyncs(w, w.corpId);
    expect((await readyz()).status).toBe(200);
    // A sync run queued with its job, as "sync now" leaves it for a busy worker (no worker runs here).
    const run = (await createSyncRun(w.ds, w.corpId, 'attendance', 'manual', null))!;
    await w.jobs.enqueue('data.sync', { corpId: w.corpId, syncRunId: run.id }, { jobId: dataSyncJobId(run.id) });
    expect(await queue.getJobState(dataSyncJobId(run.id))).toBe('waiting');

    // Redis loses this installation's data (a restart without persistence, a flush): every key under our prefix.
    const keys = await w.redis!.keys(`${w.config.queuePrefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    await w.redis!.del(...keys);
    expect(await queue.getJobScheduler(orgSyncSchedulerId(w.corpId))).toBeUndefined();

    const lost = await readyz();
    expect(lost.status).toBe(503);
    expect(lost.body.error?.message).toBe('未就绪：定时任务不可用');
    expect(lost.body.error?.details.down).toEqual(['schedulers']);
    expect(lost.body.error?.details.schedulers.missing?.sort()).toEqual([dataSyncSchedulerId(w.corpId), orgSyncSchedulerId(w.corpId)].sort());

    // The check every SCHEDULER_CHECK_SECONDS (here 0.2 s) puts them back as they were, and the lost job with them.
    watch = new SchedulerWatch(w.jobs, w.log, { intervalMs: 200, onRestored: () => resumeQueuedRuns(w, w.corpId, ['queued']) });
    watch.start();
    await waitFor('/readyz to be 200 again', async () => (await readyz()).status === 200);
    const schedulers = (await queue.getJobSchedulers()).sort((a, b) => a.key.localeCompare(b.key));
    expect(schedulers).toMatchObject([
      { key: dataSyncSchedulerId(w.corpId), pattern: w.config.dataSyncCron, tz: 'Asia/Shanghai' },
      { key: orgSyncSchedulerId(w.corpId), pattern: w.config.orgSyncCron, tz: 'Asia/Shanghai' },
    ]);
    await waitFor('the queued run to be queued again', async () => (await queue.getJobState(dataSyncJobId(run.id))) === 'waiting');
    // Nothing missing: a check changes nothing.
    expect(await watch.check()).toEqual([]);
  });
});
