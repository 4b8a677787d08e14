import { createTestWorld, syncWorld, type TestWorld } from './support/testServices';
import { waitFor } from './support/waitFor';
import { inboxOf, sandboxPeople } from './support/notifyWorld';
import { startBullWorkers, type JobWorkers } from '../server/src/jobs/bullJobQueue';
import { createJobHandlers, handlerDepsFrom } from '../server/src/jobs/handlers';
import { createSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import { dataSyncJobId } from '../server/src/modules/sync/jobs/orgSyncJob';
import { recordNotification } from '../server/src/modules/notify/commands/notificationRecorder';
import { kickOutbox } from '../server/src/modules/notify/commands/outboxKick';
import { SyncRun } from '../server/src/entities';

jest.setTimeout(120000);

/** Start long syncs on the main queue, then send a notification: it must arrive while they still run. */
async function notificationOvertakesSyncs(w: TestWorld): Promise<void> {
  w.sandboxHandle.setFaults({ latencyMs: 150 });
  const runIds: number[] = [];
  for (const kind of ['attendance', 'leave', 'crm'] as const) {
    const run = (await createSyncRun(w.ds, w.corpId, kind, 'manual', null))!;
    runIds.push(run.id);
    await w.jobs.enqueue('data.sync', { corpId: w.corpId, syncRunId: run.id }, { jobId: dataSyncJobId(run.id) });
  }
  await waitFor('the syncs to start', async () => (await w.ds.getRepository(SyncRun).countBy({ corpId: w.corpId, status: 'running' })) > 0);
  const [p] = sandboxPeople(w, 1);
  await w.ds.transaction((em) =>
    recordNotification(em, {
      corpId: w.corpId,
      recipients: [p!],
      kind: 'system.test',
      dedupeKey: 'overtake',
      urgency: 'now',
      title: '不排在同步后面',
      body: '自己的队列',
      page: '/messages',
    }),
  );
  await kickOutbox(w.jobs, w.corpId);
  await waitFor('the notification to arrive', async () => (await inboxOf(w, p!)).length > 0, 30000, 50);
  const runs = await Promise.all(runIds.map((id) => w.ds.getRepository(SyncRun).findOneByOrFail({ id })));
  // The notification went out while the syncs were still running or waiting their turn.
  expect(runs.filter((r) => r.status === 'running' || r.status === 'queued').length).toBeGreaterThan(0);
  w.sandboxHandle.setFaults({});
}

describe('notification jobs never wait behind a long sync', () => {
  it('run on their own BullMQ queue and worker', async () => {
    const w = await createTestWorld({
      label: 'nqbull',
      employees: 40,
      seed: 3,
      jobs: 'bullmq',
      env: { NOTIFY_QUIET_HOURS: 'off', DATA_SYNC_LOOKBACK_DAYS: '60' },
    });
    let workers: JobWorkers | null = null;
    try {
      await syncWorld(w);
      workers = startBullWorkers(w.redis!, w.config.queuePrefix, createJobHandlers(handlerDepsFrom(w.config, w.ds, w.dingtalk, w.log)), w.log);
      await notificationOvertakesSyncs(w);
    } finally {
      await workers?.close();
      await w.close();
    }
  });

  it('run beside the syncs in the embedded in-process mode', async () => {
    const w = await createTestWorld({ label: 'nqinproc', employees: 40, seed: 3, env: { NOTIFY_QUIET_HOURS: 'off', DATA_SYNC_LOOKBACK_DAYS: '60' } });
    try {
      await syncWorld(w);
      await notificationOvertakesSyncs(w);
    } finally {
      await w.close();
    }
  });
});
