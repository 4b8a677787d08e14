import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import type { Actor } from '../appTypes';
import type { Config } from '../config';
import { openDatabase } from '../db/dataSource';
import { dropMysqlDatabase, recreateMysqlDatabase } from '../db/adminConnection';
import { startSandbox, SANDBOX_LEAVE_PROCESS_CODE } from '../dingtalk/sandbox';
import { createDingTalkPort } from '../dingtalk/dingTalkPort';
import { Corp, SyncCheckpoint } from '../entities';
import { DEMO_CORP, calendarEndingToday, grantDemoHrScope } from '../services';
import { DEMO_USERIDS } from '../dingtalk/sandbox';
import { createSyncRun } from '../modules/sync/commands/orgSyncRunCreator';
import { runOrgSync } from '../modules/sync/commands/orgSyncer';
import { runDataSync } from '../modules/sync/commands/dataSyncRunner';
import { DEFAULT_CRM_SETTINGS } from '../modules/sync/commands/crmSyncer';
import { repoRoot } from '../util/repoRoot';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { createJobHandlers, handlerDepsFrom } from '../jobs/handlers';
import { JOB_ATTEMPTS } from '../jobs/jobTypes';
import { Department, PayoutRun } from '../entities';
import { shanghaiDate } from '../util/dates';
import { seedDemoIncentivePlans } from '../modules/pay/commands/demoIncentivePlansSeeder';
import { createPayoutRun } from '../modules/pay/commands/payoutRunCreator';
import { computePayoutRun } from '../modules/pay/commands/payoutRunComputer';
import { lastCompletePeriod } from '../modules/talent/jobs/talentJobs';
import type { JobQueue } from '../jobs/jobTypes';

/** Days of attendance and leave the cached world holds; the bench's "during a sync" run reads the rest of its lookback. */
export const BUILD_LOOKBACK_DAYS = 10;
/** Days of CRM follow records the cached world holds. */
export const BUILD_FOLLOW_UP_DAYS = 60;

export interface ApiBenchWorldSpec {
  kind: 'sqlite' | 'mysql';
  employees: number;
  seed: number;
  rebuild: boolean;
}

const cacheDir = () => path.join(repoRoot(), 'data', 'bench');
const cacheTag = (s: ApiBenchWorldSpec) => `api-${s.employees}-${s.seed}`;
const mysqlBase = () => process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/liucai_bench';
const mysqlUrl = (name: string) => {
  const u = new URL(mysqlBase());
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * The cached, synced corp of the API bench: the embedded demo company (`DEMO_CORP`, same seed and size as the server
 * the bench starts, calendar ending today) synced through the real org and data syncs against an unthrottled
 * in-process sandbox: org (departments, people, memberships, supervisors), departures, 10 days of attendance and
 * leave, and a first CRM pass with 60 days of follow records. Built once per database kind (`--rebuild` builds again), then copied for each run.
 */
export async function ensureBuiltWorld(spec: ApiBenchWorldSpec, log: (line: string) => void): Promise<Config['database']> {
  fs.mkdirSync(cacheDir(), { recursive: true });
  const marker = path.join(cacheDir(), `${cacheTag(spec)}-${spec.kind}.json`);
  const database: Config['database'] =
    spec.kind === 'sqlite'
      ? { kind: 'sqlite', path: path.join(cacheDir(), `${cacheTag(spec)}.sqlite`) }
      : { kind: 'mysql', url: mysqlUrl(`liucai_bench_${cacheTag(spec).replace(/-/g, '_')}`) };
  const asOf = calendarEndingToday();
  const cached = fs.existsSync(marker)
    ? (JSON.parse(fs.readFileSync(marker, 'utf8')) as { asOf: number; computed?: ComputedWorld; computeVersion?: number })
    : null;
  if (!spec.rebuild && cached?.computeVersion === COMPUTE_VERSION) return database;
  if (!spec.rebuild && cached) {
    // A world synced before the computations were part of it: compute on it (a stage of its own, cached too).
    const computed = await computeOnWorld(database, spec, cached.asOf, log);
    fs.writeFileSync(marker, JSON.stringify({ ...cached, computed, computeVersion: COMPUTE_VERSION }));
    return database;
  }
  log(`building the ${spec.employees}-person ${spec.kind} world (cached in data/bench/, once a day)…`);
  if (database.kind === 'sqlite') for (const f of ['', '-wal', '-shm']) fs.rmSync(database.path + f, { force: true });
  else await recreateMysqlDatabase(database.url);
  const t0 = performance.now();
  const ds = await openDatabase(database, { migrate: true });
  try {
    await buildWorld(ds, spec, asOf, log);
  } finally {
    await ds.destroy();
  }
  const builtInSeconds = Math.round((performance.now() - t0) / 1000);
  fs.writeFileSync(marker, JSON.stringify({ asOf, builtInSeconds }));
  const computed = await computeOnWorld(database, spec, asOf, log);
  fs.writeFileSync(marker, JSON.stringify({ asOf, builtInSeconds, computed, computeVersion: COMPUTE_VERSION }));
  return database;
}

/** What the computation stage did (seconds each), kept in the cache's marker. */
export type ComputedWorld = Record<string, number>;
/** Raised when the computation stage changes: a world computed by an older stage is computed again (each step is safe to repeat; 3: the 转型看板's stored sums; 4: the 9-box's stored sales and cut-offs). */
const COMPUTE_VERSION = 4;

/** The run's computation is awaited here, not queued. */
const noJobs = { kind: 'in-process', enqueue: async () => undefined, schedule: async () => undefined, close: async () => undefined } as unknown as JobQueue;

/**
 * The pages past the first ones show computed data: after the syncs, the world gets what the real server computes
 * after its first data syncs, by the same code (the `data.startupSync` job's own handler, with no sync left to run):
 * talent recompute of the last complete month and the earlier quarters the data covers, the demo's assessment cycle
 * and KPI inputs, KPI scoring, the retention weekly run, the demo's pulse surveys and the 转型看板's outcomes, after
 * the demo's incentive plans and KPI scheme (as the server seeds them on start). Then one payout run of the last
 * complete month of 销售中心 (the demo HR's departments), created and computed as the payout job does.
 */
async function computeOnWorld(database: Config['database'], spec: ApiBenchWorldSpec, asOfMs: number, log: (line: string) => void): Promise<ComputedWorld> {
  const took: ComputedWorld = {};
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await work();
    took[name] = Math.round((performance.now() - t) / 1000);
    log(`  ${name} in ${took[name]} s`);
    return out;
  };
  const ds = await openDatabase(database, { migrate: true });
  const sandbox = await startSandbox({ port: 0, corps: [{ ...DEMO_CORP, seed: spec.seed, employees: spec.employees, asOfMs }] });
  try {
    const corpId = DEMO_CORP.corpId;
    const config = loadConfig({ SANDBOX_EMPLOYEES: String(spec.employees), SANDBOX_SEED: String(spec.seed), LOG_LEVEL: 'warn' });
    const dingtalk = createDingTalkPort(
      { ...DEMO_CORP, legacyBaseUrl: sandbox.url, v1BaseUrl: sandbox.url },
      { dingtalkCallsPerSecond: 5000, dingtalkTimeoutMs: 60000, queuePrefix: 'benchapi' },
      null,
    );
    const deps = {
      ...handlerDepsFrom(config, ds, dingtalk, createLogger('warn'), { url: sandbox.url, demoUsers: DEMO_USERIDS }),
      demo: true,
      startupLookbackDays: BUILD_LOOKBACK_DAYS,
    };
    const handlers = createJobHandlers(deps);
    // As the server does on its first start: the plans and the KPI scheme first, then the computations.
    await seedDemoIncentivePlans(ds, corpId, DEMO_USERIDS.admin, shanghaiDate(new Date(asOfMs)));
    await step('talent, assessment, KPI, retention, pulse, outcomes', () =>
      handlers['data.startupSync']({ corpId, syncRunIds: [] }, { jobId: 'bench', attempt: JOB_ATTEMPTS }),
    );
    const sales = await ds.getRepository(Department).findOneBy({ corpId, name: '销售中心', active: true });
    const period = lastCompletePeriod();
    if (sales && !(await ds.getRepository(PayoutRun).existsBy({ corpId, period, deptId: sales.deptId })))
      await step('payout run of 销售中心', async () => {
        const actor = { corpId, userid: DEMO_USERIDS.admin, roles: ['employee', 'admin'], hrDeptIds: [] } as Actor;
        const run = await createPayoutRun({ ds, jobs: noJobs }, actor, { period, deptId: Number(sales.deptId) });
        const outcome = await computePayoutRun(ds, corpId, run.id, run.computeSeq);
        if (!outcome.computed) throw new Error(`bench payout run not computed: ${outcome.reason}`);
      });
  } finally {
    await sandbox.close();
    await ds.destroy();
  }
  return took;
}

async function buildWorld(ds: DataSource, spec: ApiBenchWorldSpec, asOfMs: number, log: (line: string) => void): Promise<void> {
  const sandbox = await startSandbox({ port: 0, corps: [{ ...DEMO_CORP, seed: spec.seed, employees: spec.employees, asOfMs }] });
  try {
    await ds.getRepository(Corp).insert({ corpId: DEMO_CORP.corpId, name: DEMO_CORP.corpName, agentId: null });
    const dingtalk = createDingTalkPort(
      { ...DEMO_CORP, legacyBaseUrl: sandbox.url, v1BaseUrl: sandbox.url },
      { dingtalkCallsPerSecond: 5000, dingtalkTimeoutMs: 60000, queuePrefix: 'benchapi' },
      null,
    );
    const corpId = DEMO_CORP.corpId;
    const t = performance.now();
    const org = await createSyncRun(ds, corpId, 'org', 'manual', null);
    await runOrgSync({ ds, source: dingtalk, apiCalls: () => dingtalk.callCount(), concurrency: 12 }, org!.id, { finalAttempt: true });
    log(`  org synced in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    const deps = {
      ds,
      source: dingtalk.data,
      apiCalls: () => dingtalk.callCount(),
      concurrency: 12,
      monthlyCallLimit: 10_000_000,
      lookbackDays: BUILD_LOOKBACK_DAYS,
      crm: { ...DEFAULT_CRM_SETTINGS, followUpLookbackDays: BUILD_FOLLOW_UP_DAYS },
      leaveProcessCode: SANDBOX_LEAVE_PROCESS_CODE,
    };
    for (const kind of ['departures', 'attendance', 'leave', 'crm'] as const) {
      const tk = performance.now();
      const run = await createSyncRun(ds, corpId, kind, 'manual', null);
      const outcome = await runDataSync(deps, run!.id, { finalAttempt: true });
      log(`  ${kind}: ${outcome?.rows ?? 0} rows in ${((performance.now() - tk) / 1000).toFixed(0)} s`);
    }
    await grantDemoHrScope(ds, corpId, DEMO_USERIDS.hr, DEMO_USERIDS.admin);
  } finally {
    await sandbox.close();
  }
}

/** Throws a working copy away (its file, or its MariaDB database). */
export async function dropWorkingCopy(copy: Config['database']): Promise<void> {
  if (copy.kind === 'sqlite') for (const f of ['', '-wal', '-shm']) fs.rmSync(copy.path + f, { force: true });
  else await dropMysqlDatabase(copy.url);
}

/**
 * A throw-away copy of the built world for one bench run (the run's syncs write into it). The attendance and leave
 * checkpoints are dropped, so a sync started during the bench reads its whole lookback (31 days) and writes the
 * three weeks the cached world does not hold, while re-reading the 10 days it does.
 */
export async function workingCopy(built: Config['database'], log: (line: string) => void, name = 'work'): Promise<Config['database']> {
  let copy: Config['database'];
  if (built.kind === 'sqlite') {
    const target = built.path.replace(/\.sqlite$/, `.${name}.sqlite`);
    for (const f of ['', '-wal', '-shm']) fs.rmSync(target + f, { force: true });
    fs.copyFileSync(built.path, target);
    copy = { kind: 'sqlite', path: target };
  } else {
    const source = new URL(built.url).pathname.slice(1);
    const target = `${source}_${name}`;
    copy = { kind: 'mysql', url: mysqlUrl(target) };
    await recreateMysqlDatabase(copy.url);
    const conn = await mysql.createConnection(built.url);
    try {
      const [tables] = await conn.query('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ?', [source]);
      for (const { t } of tables as { t: string }[]) {
        await conn.query(`CREATE TABLE \`${target}\`.\`${t}\` LIKE \`${source}\`.\`${t}\``);
        await conn.query(`INSERT INTO \`${target}\`.\`${t}\` SELECT * FROM \`${source}\`.\`${t}\``);
      }
      // CREATE TABLE … LIKE copies no triggers: the copy gets the world's (the kept answers' versions), after its rows.
      const [triggers] = await conn.query(
        'SELECT TRIGGER_NAME AS n, ACTION_TIMING AS timing, EVENT_MANIPULATION AS event, EVENT_OBJECT_TABLE AS t, ACTION_STATEMENT AS body FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?',
        [source],
      );
      for (const tr of triggers as { n: string; timing: string; event: string; t: string; body: string }[])
        await conn.query(`CREATE TRIGGER \`${target}\`.\`${tr.n}\` ${tr.timing} ${tr.event} ON \`${target}\`.\`${tr.t}\` FOR EACH ROW ${tr.body}`);
    } finally {
      await conn.end();
    }
  }
  const ds = await openDatabase(copy, { migrate: false });
  try {
    await ds.getRepository(SyncCheckpoint).delete({ corpId: DEMO_CORP.corpId });
  } finally {
    await ds.destroy();
  }
  log(`  working copy ready (${copy.kind})`);
  return copy;
}
