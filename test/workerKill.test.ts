import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Queue } from 'bullmq';
import { waitFor } from './support/waitFor';
import { createTestWorld, syncWorld, type TestWorld } from './support/testServices';
import { TEST_REDIS_URL, testDatabaseUrl } from './support/testEnv';
import { createSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import { ATTENDANCE_CHECKPOINT } from '../server/src/modules/sync/commands/attendanceSyncer';
import { QUEUE_NAME } from '../server/src/jobs/bullJobQueue';
import { dataSyncJobId } from '../server/src/modules/sync/jobs/orgSyncJob';
import { AttendanceResult, SyncCheckpoint, SyncRun } from '../server/src/entities';
import { repoRoot } from '../server/src/util/repoRoot';
import { calendarEndingToday } from '../server/src/services';
import { movedClockEnv } from './support/laterClock';

jest.setTimeout(120000);

const WORKER = path.join(repoRoot(), 'server/dist/server/src/worker.js');
const LOCK_MS = 2000;

/** A real `npm run worker` process for world `w`, talking to its sandbox, database and Redis prefix. */
function startWorker(w: TestWorld): { child: ChildProcess; output: () => string; exit: Promise<NodeJS.Signals | number | null> } {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...movedClockEnv(),
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: testDatabaseUrl(),
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: w.config.queuePrefix,
    JOB_LOCK_MS: String(LOCK_MS),
    DATA_SYNC_LOOKBACK_DAYS: String(w.config.dataSyncLookbackDays),
    DINGTALK_CORP_ID: w.corpId,
    DINGTALK_APP_KEY: w.appKey,
    DINGTALK_APP_SECRET: `secret-${w.corpId}`,
    DINGTALK_AGENT_ID: '1000',
    DINGTALK_LEGACY_BASE_URL: w.sandbox!.url,
    DINGTALK_V1_BASE_URL: w.sandbox!.url,
    DINGTALK_CALLS_PER_SECOND: '200',
  };
  const child = spawn(process.execPath, [WORKER], { env, cwd: repoRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return { child, output: () => out, exit };
}

/** Run `fn`; if it fails, add what the worker printed to the error. */
async function withOutput<T>(worker: { output: () => string }, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\nworker output:\n${worker.output()}`, { cause: err });
  }
}

async function attendanceRows(w: TestWorld): Promise<string[]> {
  const rows = await w.ds.getRepository(AttendanceResult).find({ where: { corpId: w.corpId } });
  // Record ids are per corp; everything else must match row for row.
  return rows.map(({ corpId: _c, importedAt: _i, sourceId: _s, ...rest }) => JSON.stringify(rest)).sort();
}

describe('a worker killed with SIGKILL in the middle of a sync', () => {
  let killed: TestWorld;
  let calm: TestWorld;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    // The worker syncs up to its own yesterday, so the sandbox's calendar ends today: the 45 days hold seven weeks of
    // records whatever the date (the sandbox's fixed default would leave the window empty a few weeks later).
    const env = { DATA_SYNC_LOOKBACK_DAYS: '45' };
    const asOfMs = calendarEndingToday();
    killed = await createTestWorld({ label: 'killed', employees: 40, seed: 37, jobs: 'bullmq', env, asOfMs });
    calm = await createTestWorld({ label: 'calm', employees: 40, seed: 37, env, asOfMs });
    await syncWorld(killed);
    await syncWorld(calm);
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await killed?.close();
    await calm?.close();
  });

  it('is picked up by another worker through BullMQ stalled-job recovery and ends equal to an uninterrupted run', async () => {
    // Slow DingTalk down so the sync is still under way when the worker dies.
    killed.sandboxHandle.setFaults({ latencyMs: 120 });
    const run = (await createSyncRun(killed.ds, killed.corpId, 'attendance', 'manual', null))!;
    await killed.jobs.enqueue('data.sync', { corpId: killed.corpId, syncRunId: run.id }, { jobId: dataSyncJobId(run.id) });

    const first = startWorker(killed);
    children.push(first.child);
    const checkpoints = killed.ds.getRepository(SyncCheckpoint);
    await withOutput(first, () =>
      waitFor('the first window to land', () => checkpoints.existsBy({ corpId: killed.corpId, source: ATTENDANCE_CHECKPOINT }), 60000, 50),
    );
    first.child.kill('SIGKILL');
    expect(await first.exit).toBe('SIGKILL');

    // Killed mid-way: the run is not finished, some windows have landed and the job is still held by the dead worker.
    const atKill = await killed.ds.getRepository(SyncRun).findOneByOrFail({ id: run.id });
    expect(atKill.status).toBe('running');
    const rowsAtKill = (await attendanceRows(killed)).length;
    expect(rowsAtKill).toBeGreaterThan(0);
    const queue = new Queue(QUEUE_NAME, { connection: killed.redis!, prefix: killed.config.queuePrefix });
    try {
      expect(await queue.getJobState(dataSyncJobId(run.id))).toBe('active');
      const callsBeforeResume = killed.sandboxHandle.stats().calls['/attendance/list'] ?? 0;

      // A second worker notices the lapsed lock, moves the job back to waiting and runs it from the checkpoint.
      killed.sandboxHandle.setFaults({});
      const second = startWorker(killed);
      children.push(second.child);
      const done = await withOutput(second, () =>
        waitFor(
          'the run to finish on the second worker',
          async () => {
            const r = await killed.ds.getRepository(SyncRun).findOneByOrFail({ id: run.id });
            return r.status === 'succeeded' || r.status === 'failed' ? r : null;
          },
          60000,
        ),
      );
      expect(done.status).toBe('succeeded');
      expect(await queue.getJobState(dataSyncJobId(run.id))).not.toBe('failed');
      second.child.kill('SIGTERM');
      expect(await second.exit).toBe(0);

      // The same month synced by one uninterrupted in-process run.
      const calmRun = (await createSyncRun(calm.ds, calm.corpId, 'attendance', 'manual', null))!;
      calm.sandboxHandle.resetStats();
      await calm.jobs.enqueue('data.sync', { corpId: calm.corpId, syncRunId: calmRun.id }, { jobId: dataSyncJobId(calmRun.id) });
      const calmDone = await waitFor('the uninterrupted run', async () => {
        const r = await calm.ds.getRepository(SyncRun).findOneByOrFail({ id: calmRun.id });
        return r.status === 'succeeded' ? r : null;
      });
      const expected = await attendanceRows(calm);
      expect(expected.length).toBeGreaterThan(rowsAtKill);
      expect(await attendanceRows(killed)).toEqual(expected);
      expect(done.countRows).toBeGreaterThan(0);
      expect(calmDone.countRows).toBeGreaterThan(0);

      // The resumed run read only what was left: the windows that landed before the kill were not read again.
      const resumedCalls = (killed.sandboxHandle.stats().calls['/attendance/list'] ?? 0) - callsBeforeResume;
      const uninterruptedCalls = calm.sandboxHandle.stats().calls['/attendance/list'] ?? 0;
      expect(resumedCalls).toBeLessThan(uninterruptedCalls);
      const checkpoint = await checkpoints.findOneByOrFail({ corpId: killed.corpId, source: ATTENDANCE_CHECKPOINT });
      const calmCheckpoint = await calm.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: calm.corpId, source: ATTENDANCE_CHECKPOINT });
      expect(checkpoint.position).toEqual(calmCheckpoint.position);
      console.log(
        `drill worker-kill-during-sync: worker killed with SIGKILL (${rowsAtKill} rows landed), another worker took the job after the lock lapsed and resumed from the checkpoint (${resumedCalls} of ${uninterruptedCalls} /attendance/list calls), rows equal (${expected.length} attendance results)`,
      );
    } finally {
      await queue.close();
    }
  });
});
