import { Queue } from 'bullmq';
import type { Worker } from 'bullmq';
import { waitFor } from './support/waitFor';
import { createTestWorld, syncWorld, type TestWorld } from './support/testServices';
import { TestClient } from './support/httpClient';
import { listen } from './support/testServer';
import { createOrgSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import { runOrgSync } from '../server/src/modules/sync/commands/orgSyncer';
import { scheduleSyncs } from '../server/src/services';
import { BullJobQueue, QUEUE_NAME, startBullWorker } from '../server/src/jobs/bullJobQueue';
import { createJobHandlers, handlerDepsFrom } from '../server/src/jobs/handlers';
import { dataSyncSchedulerId, orgSyncJobId, orgSyncSchedulerId } from '../server/src/modules/sync/jobs/orgSyncJob';
import { SyncRun } from '../server/src/entities';
import type { SyncRun as SyncRunDto } from '@liucai/shared';

describe('BullMQ mode: web enqueues, a worker runs the same handlers', () => {
  let w: TestWorld;
  let worker: Worker;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    w = await createTestWorld({ label: 'bull', employees: 50, seed: 13, jobs: 'bullmq' });
    await syncWorld(w);
    worker = startBullWorker(w.redis!, w.config.queuePrefix, createJobHandlers(handlerDepsFrom(w.config, w.ds, w.dingtalk, w.log)), w.log);
    server = await listen(w);
  });
  afterAll(async () => {
    await server.close();
    await worker.close();
    await w.close();
  });

  it('runs "sync now" through Redis to completion', async () => {
    const hr = new TestClient(server.url);
    await hr.signIn(w.sandbox!.demoUsers.hr, w.corpId);
    const started = await hr.call<SyncRunDto>('POST', '/api/v1/sync/org');
    expect(started.status).toBe(202);
    const done = await waitFor('the run to succeed', async () => {
      const r = await w.ds.getRepository(SyncRun).findOneBy({ id: started.body.data.id });
      return r?.status === 'succeeded' ? r : null;
    });
    expect(done.countUsers).toBe(50);
    expect(done.apiCalls).toBeGreaterThan(50);
  });

  it('deduplicates by job id: the same run enqueued twice is one job with explicit attempts and retention', async () => {
    const queue = (w.jobs as BullJobQueue).queue;
    const run = await createOrgSyncRun(w.ds, w.corpId, 'manual', null);
    await w.jobs.enqueue('org.sync', { corpId: w.corpId, syncRunId: run!.id }, { jobId: orgSyncJobId(run!.id) });
    await w.jobs.enqueue('org.sync', { corpId: w.corpId, syncRunId: run!.id }, { jobId: orgSyncJobId(run!.id) });
    const job = await queue.getJob(orgSyncJobId(run!.id));
    expect(job?.opts.attempts).toBe(3);
    expect(job?.opts.backoff).toEqual({ type: 'exponential', delay: 5000 });
    expect(job?.opts.removeOnComplete).toBeTruthy();
    expect(job?.data).toEqual({ corpId: w.corpId, syncRunId: run!.id }); // ids only, no secrets or records
    await waitFor('the second run', async () => (await w.ds.getRepository(SyncRun).findOneBy({ id: run!.id }))?.status === 'succeeded');
    // The handler marks the run succeeded a moment before BullMQ moves its job to completed.
    await waitFor('the job to complete', async () => (await queue.getJob(orgSyncJobId(run!.id)).then((j) => j?.isCompleted())) ?? true);
    const counts = await queue.getJobCounts('completed', 'failed', 'waiting', 'active');
    expect(counts.failed).toBe(0);
    expect((counts.waiting ?? 0) + (counts.active ?? 0)).toBe(0);
    // Running the handler again on a finished run is a no-op.
    expect(await runOrgSync({ ds: w.ds, source: w.dingtalk, apiCalls: () => 0, concurrency: 1 }, run!.id, { finalAttempt: true })).toBeNull();
  });

  it('registers the nightly org and data syncs as job schedulers in Asia/Shanghai', async () => {
    await scheduleSyncs(w, w.corpId);
    await scheduleSyncs(w, w.corpId); // upsert: still one scheduler each
    const queue = new Queue(QUEUE_NAME, { connection: w.redis!, prefix: w.config.queuePrefix });
    const schedulers = (await queue.getJobSchedulers()).sort((a, b) => a.key.localeCompare(b.key));
    expect(schedulers).toHaveLength(2);
    expect(schedulers[0]).toMatchObject({ key: dataSyncSchedulerId(w.corpId), pattern: w.config.dataSyncCron, tz: 'Asia/Shanghai' });
    expect(schedulers[1]).toMatchObject({ key: orgSyncSchedulerId(w.corpId), pattern: w.config.orgSyncCron, tz: 'Asia/Shanghai' });
    for (const s of schedulers) await queue.removeJobScheduler(s.key);
    await queue.close();
  });

  it('shows Bull Board to admins only: HR may neither see nor change the queues', async () => {
    const anon = new TestClient(server.url);
    expect((await anon.call('GET', '/admin/queues')).status).toBe(401);
    const employee = new TestClient(server.url);
    await employee.signIn(w.sandbox!.demoUsers.employee, w.corpId);
    expect((await employee.call('GET', '/admin/queues')).status).toBe(403);
    const hr = new TestClient(server.url);
    await hr.signIn(w.sandbox!.demoUsers.hr, w.corpId);
    const hrView = await hr.call('GET', '/admin/queues');
    expect(hrView.status).toBe(403);
    expect(hrView.body.error).toMatchObject({ id: 'forbidden', message: '只有管理员可以查看任务队列' });
    expect((await hr.call('PUT', '/admin/queues/api/queues/pause')).status).toBe(403);
    const admin = new TestClient(server.url);
    await admin.signIn(w.sandbox!.demoUsers.admin, w.corpId);
    const res = await fetch(`${server.url}/admin/queues`, { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<html');
    // Its body parser never sees a form post: the CSRF guard refuses it first, and nothing is paused.
    const form = await fetch(`${server.url}/admin/queues/api/queues/pause`, {
      method: 'PUT',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
    expect(await (w.jobs as BullJobQueue).queue.isPaused()).toBe(false);
  });
});
