/**
 * Fault drills in the production shape: MariaDB + Redis + the web process + a separate worker process, all of the
 * drill's own (the machine's shared MariaDB and Redis are never touched). Each drill breaks something while a sync or
 * an import is under way and checks: the web process stays up, /readyz says what is down while it is down, requests
 * fail fast in Chinese, the work resumes, and no row is duplicated or lost (compared with an uninterrupted run).
 * Each prints a one-line outcome. kill -9 of a worker mid-sync is drilled in workerKill.test.ts.
 */
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDrillStack, signInOn, type DrillStack } from './support/drillStack';
import { createTestWorld, syncWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import { TestClient } from './support/httpClient';
import { waitFor } from './support/waitFor';
import { csvFile } from './fixtures/importFiles';
import { ATTENDANCE_CHECKPOINT } from '../server/src/modules/sync/commands/attendanceSyncer';
import { createSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import { dataSyncJobId, dataSyncSchedulerId, orgSyncSchedulerId } from '../server/src/modules/sync/jobs/orgSyncJob';
import { auditPurgeSchedulerId } from '../server/src/modules/audit/jobs/auditPurgeJob';
import { AttendanceResult, ClockRecord, ImportRun, SyncCheckpoint, SyncRun, TrainingRecord, User } from '../server/src/entities';
import { calendarEndingToday } from '../server/src/services';
import type { DataSource } from 'typeorm';
import { Redis } from 'ioredis';

jest.setTimeout(600_000);

const OUTAGE_MS = 10_000;
const EMPLOYEES = 40;
const SEED = 37;
const LOOKBACK = { DATA_SYNC_LOOKBACK_DAYS: '45' };
/** The worker syncs up to its own yesterday: the sandbox's calendar ends today, so the 45 days hold records whatever the date. */
const AS_OF_MS = calendarEndingToday();

/**
 * Rows as data, without the tenant, the times they were written and what the sandbox numbers per corp (record ids, the
 * office attendance machines' device ids): equal row for row between two databases, duplicates included.
 */
async function attendanceRows(ds: DataSource, corpId: string): Promise<{ results: string[]; clocks: string[] }> {
  const results = await ds.getRepository(AttendanceResult).find({ where: { corpId } });
  const clocks = await ds.getRepository(ClockRecord).find({ where: { corpId } });
  const strip = <T extends { corpId: string; importedAt: Date; sourceId: string }>({ corpId: _c, importedAt: _i, sourceId: _s, ...rest }: T) => rest;
  return {
    results: results.map((r) => JSON.stringify(strip(r))).sort(),
    clocks: clocks.map((c) => JSON.stringify({ ...strip(c), deviceId: c.sourceType === 'ATM' ? 'office machine' : c.deviceId })).sort(),
  };
}

async function trainingRows(ds: DataSource, corpId: string): Promise<string[]> {
  const rows = await ds.getRepository(TrainingRecord).find({ where: { corpId } });
  return rows.map(({ corpId: _c, importedAt: _i, ...rest }) => JSON.stringify(rest)).sort();
}

const COURSES = 150;
/** A training file of every person × 150 courses (6,000 rows, about 250 KB at 40 people). */
function trainingFile(userids: string[]): Buffer {
  const rows: (string | number)[][] = [['员工', '课程', '完成度(%)', '考试成绩', '完成日期']];
  userids.forEach((u, i) => {
    for (let c = 1; c <= COURSES; c++)
      rows.push([u, `演练课程 ${c}`, (c * 7 + i) % 101, (c * 13 + i) % 101, `2025-${String((c % 12) + 1).padStart(2, '0')}-15`]);
  });
  return csvFile(rows);
}

/**
 * POST an import whose body arrives in two parts: the second only once `release` is called. The first must pass the
 * importer's 64 KB encoding sniff and hold a few batches of rows, so the import is visibly under way when it stops.
 */
function gatedImport(url: string, headers: Record<string, string>, file: Buffer, firstBytes: number) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  async function* parts() {
    yield file.subarray(0, firstBytes);
    await gate;
    yield file.subarray(firstBytes);
  }
  const response = fetch(`${url}/api/v1/imports/training?mode=commit`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'x-file-name': encodeURIComponent('演练培训.csv'), ...headers },
    body: Readable.toWeb(Readable.from(parts())) as ReadableStream,
    duplex: 'half',
  } as RequestInit).then(async (res) => ({
    status: res.status,
    body: (await res.json()) as { ok: boolean; data: { id: number; status: string }; error: { id: string; message: string } },
  }));
  return { release, response };
}

type Readyz = { status: number; down: string[]; message: string | null };

describe('fault drills (production shape: own MariaDB, own Redis, web + separate worker)', () => {
  let stack: DrillStack;
  let calm: TestWorld;
  let adminCookie = '';
  let expectedAttendance: { results: string[]; clocks: string[] };
  let expectedTraining: string[];
  let file: Buffer;

  beforeAll(async () => {
    [stack, calm] = await Promise.all([
      startDrillStack({ employees: EMPLOYEES, seed: SEED, env: LOOKBACK, asOfMs: AS_OF_MS }),
      createTestWorld({ label: 'drillcalm', employees: EMPLOYEES, seed: SEED, env: LOOKBACK, asOfMs: AS_OF_MS }),
    ]);
    // The uninterrupted runs every drill is compared with: the same month of attendance, the same file imported.
    await syncWorld(calm);
    const run = (await createSyncRun(calm.ds, calm.corpId, 'attendance', 'manual', null))!;
    await calm.jobs.enqueue('data.sync', { corpId: calm.corpId, syncRunId: run.id }, { jobId: dataSyncJobId(run.id) });
    await waitFor(
      'the uninterrupted attendance sync',
      async () => (await calm.ds.getRepository(SyncRun).findOneByOrFail({ id: run.id })).status === 'succeeded',
      120000,
    );
    expectedAttendance = await attendanceRows(calm.ds, calm.corpId);
    expect(expectedAttendance.results.length).toBeGreaterThan(0);
    const userids = (await stack.ds.getRepository(User).find({ where: { corpId: stack.corpId }, order: { userid: 'ASC' } })).map((u) => u.userid);
    file = trainingFile(userids);
    const calmServer = await listen(calm);
    try {
      // The admin imports for the whole company (HR would import only its own departments' rows).
      const admin = new TestClient(calmServer.url);
      await admin.signIn(calm.sandbox!.demoUsers.admin, calm.corpId);
      const res = await fetch(`${calmServer.url}/api/v1/imports/training?mode=commit`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'x-file-name': 'calm.csv', cookie: admin.cookie },
        body: new Uint8Array(file),
      });
      expect(res.status).toBe(201);
    } finally {
      await calmServer.close();
    }
    expectedTraining = await trainingRows(calm.ds, calm.corpId);
    expect(expectedTraining).toHaveLength(userids.length * COURSES);

    const signedIn = await signInOn(stack, stack.sandbox.corps.get(stack.corpId)!.demoUsers.admin);
    expect(signedIn.status).toBe(200);
    adminCookie = signedIn.cookie;
  });
  afterAll(async () => {
    await stack?.close();
    await calm?.close();
  });

  const api = async (method: string, path: string) => {
    const started = Date.now();
    // Same-origin, as the micro-app sends them through the TLS proxy (CSRF rules look at Origin).
    const res = await fetch(`${stack.url}${path}`, { method, headers: stack.headers(adminCookie) });
    const body = (await res.json()) as { ok: boolean; data: { id: number }; error: { id: string; message: string; details: { runId?: number } } };
    return { status: res.status, body, ms: Date.now() - started };
  };
  const readyz = async (): Promise<Readyz> => {
    const res = await fetch(`${stack.url}/readyz`);
    const body = (await res.json()) as { error?: { message: string; details: { down: string[] } } };
    return { status: res.status, down: body.error?.details.down ?? [], message: body.error?.message ?? null };
  };
  /** The web process answers its liveness probe and has not exited. */
  const webUp = async () => stack.web.alive() && (await fetch(`${stack.url}/healthz`)).status === 200;

  /** Start an attendance sync from scratch through the web process, slowed down so a fault lands in the middle. */
  async function startAttendanceSync(latencyMs: number): Promise<number> {
    for (const entity of [AttendanceResult, ClockRecord]) await stack.ds.getRepository(entity).delete({ corpId: stack.corpId });
    await stack.ds.getRepository(SyncCheckpoint).delete({ corpId: stack.corpId, source: ATTENDANCE_CHECKPOINT });
    stack.sandbox.setFaults({ latencyMs });
    const started = await api('POST', '/api/v1/sync/attendance');
    expect(started.status).toBe(202);
    // Under way: the first window (and its checkpoint) has landed, the rest has not.
    await waitFor(
      'the first attendance window',
      () => stack.ds.getRepository(SyncCheckpoint).existsBy({ corpId: stack.corpId, source: ATTENDANCE_CHECKPOINT }),
      60000,
      50,
    );
    const run = await stack.ds.getRepository(SyncRun).findOneByOrFail({ id: started.body.data.id });
    expect(run.status).toBe('running');
    return run.id;
  }

  /** Where a run is, for the outcome line. */
  const runState = async (runId: number) => {
    const r = await stack.ds.getRepository(SyncRun).findOneByOrFail({ id: runId });
    return r.status === 'running' ? `running (${r.progressDone}/${r.progressTotal} groups)` : r.status;
  };

  async function expectResumedAndEqual(runId: number): Promise<{ results: number; clocks: number }> {
    stack.sandbox.setFaults({});
    const run = await waitFor(
      'the sync to finish',
      async () => {
        const r = await stack.ds.getRepository(SyncRun).findOneByOrFail({ id: runId });
        return r.status === 'succeeded' || r.status === 'failed' ? r : null;
      },
      120000,
    );
    expect(run).toMatchObject({ status: 'succeeded', error: null });
    // The BullMQ job ends completed too (a job whose lock lapsed during the outage is picked up again: a no-op).
    await waitFor('the job to be completed', async () => (await stack.queue.getJobState(dataSyncJobId(runId))) === 'completed', 60000);
    const rows = await attendanceRows(stack.ds, stack.corpId);
    expect(rows.results).toEqual(expectedAttendance.results);
    expect(rows.clocks).toEqual(expectedAttendance.clocks);
    return { results: rows.results.length, clocks: rows.clocks.length };
  }

  /** One drill: `fn` returns its outcome, printed as "drill <name>: <outcome>"; a failure shows what the processes logged. */
  const drill = (name: string, title: string, fn: () => Promise<string>) =>
    it(`${name}: ${title}`, async () => {
      try {
        console.log(`drill ${name}: ${await fn()}`);
      } catch (err) {
        const tail = (p: { output(): string }) => p.output().slice(-3000);
        throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- web ---\n${tail(stack.web)}\n--- worker ---\n${tail(stack.worker)}`, {
          cause: err,
        });
      }
    });

  /** Poll /readyz until it names `what` as down; returns what it said. */
  const readyzNaming = (what: string) =>
    waitFor(`/readyz to name ${what}`, async () => {
      const r = await readyz();
      return r.status === 503 && r.down.includes(what) ? r : null;
    });

  drill('redis-down-during-sync', 'the web stays up, fails fast, and the sync resumes equal to an uninterrupted run', async () => {
    // Slow enough that the sync outlasts the outage: its job lock lapses meanwhile and must not make it run twice.
    const runId = await startAttendanceSync(1000);
    const atStop = await runState(runId);
    await stack.redis.stop();
    const downAt = Date.now();
    const notReady = await readyzNaming('redis');
    expect(notReady.message).toMatch(/^未就绪：.*Redis/);
    // "立即同步" for another source: a fast 503 in Chinese, and its run failed with the reason (not "queued" forever).
    const refused = await api('POST', '/api/v1/sync/leave');
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatchObject({ id: 'redis_unavailable', message: '任务队列（Redis）暂时无法连接，同步没有开始，请稍后再试' });
    const failedRun = await stack.ds.getRepository(SyncRun).findOneByOrFail({ id: refused.body.error.details.runId! });
    expect(failedRun.status).toBe('failed');
    // Signing in needs no Redis.
    const signIn = await signInOn(stack, stack.sandbox.corps.get(stack.corpId)!.demoUsers.employee);
    expect(signIn.status).toBe(200);
    expect(await webUp()).toBe(true);
    // All of the above answered while Redis was down: it is started again only now.
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - downAt)));
    const atRestart = await runState(runId);
    await stack.redis.start();
    await waitFor('/readyz to be 200', async () => (await readyz()).status === 200, 60000);
    const rows = await expectResumedAndEqual(runId);
    expect(await webUp()).toBe(true);
    return `sync ${atStop} when Redis stopped; web up, readyz 503 naming redis ("${notReady.message}"), sync-now 503 redis_unavailable in ${refused.ms} ms with its run failed, sign-in 200 during the outage; sync ${atRestart} when Redis came back after ${OUTAGE_MS / 1000} s; job completed, rows equal (${rows.results} attendance results, ${rows.clocks} clock records)`;
  });

  drill('redis-down-during-import', 'the import goes on without Redis and lands equal to an uninterrupted one', async () => {
    await stack.ds.getRepository(TrainingRecord).delete({ corpId: stack.corpId });
    const upload = gatedImport(stack.url, stack.headers(adminCookie), file, Math.floor(file.length * 0.6));
    const running = await waitFor('the import to be under way', async () => {
      const run = await stack.ds.getRepository(ImportRun).findOne({ where: { corpId: stack.corpId }, order: { id: 'DESC' } });
      return run && run.status === 'running' && run.rowsDone > 0 ? run : null;
    });
    await stack.redis.stop();
    const downAt = Date.now();
    const notReady = await readyzNaming('redis');
    const rowsAtStop = (await stack.ds.getRepository(ImportRun).findOneByOrFail({ id: running.id })).rowsDone;
    upload.release();
    const done = await upload.response;
    expect(done.status).toBe(201);
    expect(done.body.data).toMatchObject({ id: running.id, status: 'succeeded' });
    expect(await webUp()).toBe(true);
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - downAt)));
    await stack.redis.start();
    await waitFor('/readyz to be 200', async () => (await readyz()).status === 200, 60000);
    const rows = await trainingRows(stack.ds, stack.corpId);
    expect(rows).toEqual(expectedTraining);
    return `import at row ${rowsAtStop} when Redis stopped; web up, readyz 503 naming redis ("${notReady.message}"), the import finished while Redis was down (201), rows equal (${rows.length} training records)`;
  });

  drill('mariadb-restart-during-sync', 'requests answer 503, the job waits for the database and resumes equal', async () => {
    const runId = await startAttendanceSync(150);
    const atStop = await runState(runId);
    await stack.mariadb.stop('SIGTERM');
    const downAt = Date.now();
    const notReady = await readyzNaming('database');
    expect(notReady.message).toMatch(/^未就绪：数据库/);
    const me = await api('GET', '/api/v1/me');
    expect(me.status).toBe(503);
    expect(me.body.error).toMatchObject({ id: 'database_unavailable', message: '数据库暂时无法连接，请稍后再试' });
    expect(await webUp()).toBe(true);
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - downAt)));
    await stack.mariadb.start();
    await waitFor('/readyz to be 200', async () => (await readyz()).status === 200, 60000);
    const rows = await expectResumedAndEqual(runId);
    // The worker met the outage mid-sync and waited for the database instead of spending the job's attempts.
    expect(stack.worker.output()).toContain('database down: job waits for it');
    expect(stack.worker.alive()).toBe(true);
    expect(await webUp()).toBe(true);
    expect((await api('GET', '/api/v1/me')).status).toBe(200);
    return `sync ${atStop} when MariaDB stopped; web up, readyz 503 naming database ("${notReady.message}"), /api/v1/me 503 database_unavailable in ${me.ms} ms; MariaDB back after ${OUTAGE_MS / 1000} s: the job waited for it and resumed from its checkpoint, rows equal (${rows.results} attendance results, ${rows.clocks} clock records)`;
  });

  drill('mariadb-restart-during-import', 'the import answers 503, its run is closed as failed, and importing the file again lands equal', async () => {
    await stack.ds.getRepository(TrainingRecord).delete({ corpId: stack.corpId });
    const upload = gatedImport(stack.url, stack.headers(adminCookie), file, Math.floor(file.length * 0.6));
    const running = await waitFor('the import to be under way', async () => {
      const run = await stack.ds.getRepository(ImportRun).findOne({ where: { corpId: stack.corpId }, order: { id: 'DESC' } });
      return run && run.status === 'running' && run.rowsDone > 0 ? run : null;
    });
    await stack.mariadb.stop('SIGTERM');
    const downAt = Date.now();
    const notReady = await readyzNaming('database');
    upload.release();
    const refused = await upload.response;
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatchObject({ id: 'database_unavailable', message: '数据库暂时无法连接，请稍后再试' });
    expect(await webUp()).toBe(true);
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - downAt)));
    await stack.mariadb.start();
    await waitFor('/readyz to be 200', async () => (await readyz()).status === 200, 60000);
    // The run is never left "running": the web process closes it once the database is back.
    const closed = await waitFor('the interrupted run to be closed', async () => {
      const run = await stack.ds.getRepository(ImportRun).findOneByOrFail({ id: running.id });
      return run.status === 'failed' ? run : null;
    });
    expect(closed.error).toMatch(/^数据库连接中断，导入已停止/);
    // Importing the same file again is the documented way to resume (idempotent): equal to an uninterrupted import.
    const again = await fetch(`${stack.url}/api/v1/imports/training?mode=commit`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-file-name': 'again.csv', ...stack.headers(adminCookie) },
      body: new Uint8Array(file),
    });
    expect(again.status).toBe(201);
    const rows = await trainingRows(stack.ds, stack.corpId);
    expect(rows).toEqual(expectedTraining);
    return `web up, readyz 503 naming database ("${notReady.message}"), import answered 503 database_unavailable and its run was closed as failed (${closed.rowsDone} rows written); imported again: rows equal (${rows.length} training records)`;
  });

  drill('redis-data-lost', 'the nightly schedulers come back by themselves', async () => {
    const ids = [orgSyncSchedulerId(stack.corpId), dataSyncSchedulerId(stack.corpId), auditPurgeSchedulerId(stack.corpId)].sort();
    const present = async () => (await stack.queue.getJobSchedulers()).map((s) => s.key).sort();
    expect(await present()).toEqual(ids);
    const redis = new Redis(stack.redis.url);
    await redis.flushall();
    await redis.quit();
    expect(await present()).toEqual([]);
    // Every process checks each SCHEDULER_CHECK_SECONDS (1 s here) and registers what is missing.
    await waitFor('the schedulers to be registered again', async () => (await present()).length === ids.length, 30000);
    expect(await present()).toEqual(ids);
    await waitFor('/readyz to be 200', async () => (await readyz()).status === 200);
    expect(await webUp()).toBe(true);
    return 'schedulers gone after FLUSHALL, registered again by the running processes, readyz 200';
  });
});
