/**
 * Benchmark: every page's API under load at 10,000 people, on SQLite and on MariaDB, idle and while syncs run.
 *
 * The bench builds (once a day, cached in data/bench/) the embedded demo company at `--employees` people, synced
 * through the real syncs, copies it, starts the real web process (`main.js`, embedded jobs and sandbox) on the copy,
 * signs in as the demo users and loads each API in PAGE_APIS with `--concurrency` keep-alive clients for
 * `--seconds` (or `--max` requests). Then it starts every sync (org, departures, attendance, leave, CRM: what HR's
 * "立即同步" buttons do; the copy's checkpoints are dropped, so they read and write weeks of data) and loads every
 * API again while they run. Prints one table per database: requests/s, p50 and p99 (and per request, the web thread's
 * CPU; on MariaDB while idle, the statements the server received and, when it runs on this machine, its CPU).
 *
 *   npm run bench:api -- [--employees 10000] [--db sqlite,mysql] [--concurrency 16] [--seconds 4] [--max 4000]
 *                        [--rate 18] [--only /org,/kpi] [--no-sync] [--head-start 3] [--rebuild] [--no-kept]
 *                        [--cpu-prof]
 *
 * `--cpu-prof` writes the web process's CPU profile (each thread's) to data/bench/profiles/ when the run ends (open it in
 * Chrome DevTools, or sum it up by function).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import mysql from 'mysql2/promise';
import path from 'node:path';
import { numberArg } from './benchArgs';
import { dropWorkingCopy, ensureBuiltWorld, workingCopy } from './apiBenchWorld';
import { PAGE_APIS, loadBenchContext, type BenchContext, type BenchRole, type PageApi } from './apiBenchPages';
import { runLoad, type LoadResult } from './httpLoad';
import { openDatabase } from '../db/dataSource';
import type { Config } from '../config';
import { DEMO_CORP } from '../services';
import { DEMO_USERIDS } from '../dingtalk/sandbox';
import { repoRoot } from '../util/repoRoot';

const flag = (name: string) => process.argv.includes(`--${name}`);
const stringArg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const log = (line: string) => console.log(line);

interface Server {
  child: ChildProcess;
  base: string;
  output: () => string;
}

/** A daily cron (seconds first) at the hour and minute `hours` from now, UTC+8 as the schedulers read it. */
function cronInHours(hours: number): string {
  const at = new Date(Date.now() + hours * 3600_000 + 8 * 3600_000);
  return `0 ${at.getUTCMinutes()} ${at.getUTCHours()} * * *`;
}

function startServer(database: Config['database'], employees: number, seed: number, rate: number): Promise<Server> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
    SANDBOX_EMPLOYEES: String(employees),
    SANDBOX_SEED: String(seed),
    DINGTALK_EVENT_MODE: 'off',
    DINGTALK_CALLS_PER_SECOND: String(rate),
    DINGTALK_MONTHLY_CALL_LIMIT: '10000000',
    // No nightly trigger fires during a bench: both are set to 12 hours from now.
    ORG_SYNC_CRON: cronInHours(12),
    DATA_SYNC_CRON: cronInHours(12),
    // `--no-kept` measures every read as computed (what the kept aggregates save).
    ...(flag('no-kept') ? { LIUCAI_KEPT_READS: '0' } : {}),
    ...(database.kind === 'sqlite' ? { SQLITE_PATH: database.path } : { DATABASE_URL: database.url }),
  };
  const profile = flag('cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${path.join(repoRoot(), 'data', 'bench', 'profiles')}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(repoRoot(), 'server/dist/server/src/main.js')], {
    env,
    cwd: repoRoot(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /已启动: (http:\/\/[^/\s]+)/.exec(out);
      if (m?.[1]) resolve({ child, base: m[1].replace('localhost', '127.0.0.1'), output: () => out });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code} before it started:\n${out}`)));
  });
}

async function signIn(base: string, userid: string): Promise<string> {
  const code = (await (
    await fetch(`${base}/api/v1/auth/sandbox-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userid, corpId: DEMO_CORP.corpId }),
    })
  ).json()) as { data: { code: string } };
  const res = await fetch(`${base}/api/v1/auth/dingtalk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: code.data.code, corpId: DEMO_CORP.corpId }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${userid}: HTTP ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

interface Measured extends LoadResult {
  /** CPU the web process's main thread (the one answering requests) spent per request, ms (Linux only). */
  cpuMsPerRequest: number | null;
  /** Share of the load's time the main thread waited, runnable, for a CPU (Linux only). */
  cpuWaitShare: number | null;
  /** Statements the database server received per request (MariaDB; while idle nothing else sends any), or null. */
  statementsPerRequest: number | null;
  /** CPU the database server (every thread) spent per request, ms: MariaDB on this machine, while idle; else null. */
  dbCpuMsPerRequest: number | null;
}

/** Statements a MariaDB server has received so far (its `Questions` counter, every connection), or null for SQLite. */
type StatementCounter = () => Promise<number | null>;

async function mysqlStatementCounter(database: Config['database']): Promise<{ count: StatementCounter; close(): Promise<void> }> {
  if (database.kind !== 'mysql') return { count: async () => null, close: async () => {} };
  const conn = await mysql.createConnection(database.url);
  return {
    count: async () => {
      const [rows] = await conn.query("SHOW GLOBAL STATUS LIKE 'Questions'");
      return Number((rows as { Value: string }[])[0]!.Value);
    },
    close: () => conn.end(),
  };
}

interface Row {
  api: PageApi;
  idle?: Measured;
  sync?: Measured;
}

/** CPU time of a process's main thread so far, ms (utime + stime of /proc/<pid>/task/<pid>/stat; null off Linux). */
function mainThreadCpuMs(pid: number | undefined): number | null {
  return cpuMsOf(`/proc/${pid}/task/${pid}/stat`);
}

/**
 * How long a process's main thread has waited, runnable, for a CPU so far, ms (the run-queue delay in
 * /proc/<pid>/task/<pid>/schedstat, in ns; null off Linux): time the other threads, or other processes, had the CPU.
 */
function mainThreadCpuWaitMs(pid: number | undefined): number | null {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return null;
  }
}

/** The local MariaDB server's CPU time so far (all its threads), ms, or null (not on this machine, not Linux). */
function mysqldCpuMs(): number | null {
  try {
    return cpuMsOf(`/proc/${fs.readFileSync('/run/mysqld/mysqld.pid', 'utf8').trim()}/stat`);
  } catch {
    return null;
  }
}

/** utime + stime of a /proc stat file, ms (null when unreadable). */
function cpuMsOf(file: string): number | null {
  try {
    const stat = fs.readFileSync(file, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return null;
  }
}

async function loadEach(
  pid: number | undefined,
  base: string,
  cookies: Record<BenchRole, string>,
  ctx: BenchContext,
  apis: PageApi[],
  phase: 'idle' | 'sync',
  rows: Row[],
  statements: StatementCounter,
) {
  const concurrency = numberArg('concurrency', 16);
  const seconds = numberArg('seconds', 4);
  const maxRequests = numberArg('max', 4000);
  for (const api of apis) {
    const path = (i: number) => api.path(ctx, i);
    await runLoad({ baseUrl: base, path, cookie: cookies[api.as], concurrency: 2, seconds: 0.5, maxRequests: 20 }); // warm-up
    const q0 = await statements();
    const cpu0 = mainThreadCpuMs(pid);
    const wait0 = mainThreadCpuWaitMs(pid);
    const db0 = q0 === null ? null : mysqldCpuMs();
    const load = await runLoad({ baseUrl: base, path, cookie: cookies[api.as], concurrency, seconds, maxRequests });
    const cpu1 = mainThreadCpuMs(pid);
    const wait1 = mainThreadCpuWaitMs(pid);
    const db1 = db0 === null ? null : mysqldCpuMs();
    const q1 = await statements();
    const r: Measured = {
      ...load,
      cpuMsPerRequest: cpu0 !== null && cpu1 !== null && load.requests > 0 ? (cpu1 - cpu0) / load.requests : null,
      cpuWaitShare: wait0 !== null && wait1 !== null && load.seconds > 0 ? (wait1 - wait0) / (load.seconds * 1000) : null,
      // Less the second SHOW (each counts itself). During the syncs theirs count too: only the idle figure is the API's own.
      statementsPerRequest: phase === 'idle' && q0 !== null && q1 !== null && load.requests > 0 ? (q1 - q0 - 1) / load.requests : null,
      dbCpuMsPerRequest: phase === 'idle' && db0 !== null && db1 !== null && load.requests > 0 ? (db1 - db0) / load.requests : null,
    };
    const row = rows.find((x) => x.api === api)!;
    row[phase] = r;
    log(
      `  ${phase.padEnd(4)} ${api.label.padEnd(44)} ${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50Ms.toFixed(1).padStart(7)} ms  p99 ${r.p99Ms
        .toFixed(1)
        .padStart(7)} ms  max ${r.maxMs.toFixed(0).padStart(6)} ms  web CPU ${r.cpuMsPerRequest?.toFixed(2) ?? '?'} ms/req${
        r.cpuWaitShare !== null ? `  waited for a CPU ${(r.cpuWaitShare * 100).toFixed(0)} %` : ''
      }${
        r.statementsPerRequest !== null ? `  ${r.statementsPerRequest.toFixed(2)} statements/req` : ''
      }${r.dbCpuMsPerRequest !== null ? `  MariaDB CPU ${r.dbCpuMsPerRequest.toFixed(2)} ms/req` : ''}  ${(r.meanBytes / 1024).toFixed(1)} KB${r.errors ? `  ${r.errors} errors: ${r.firstError}` : ''}`,
    );
  }
}

/** Where each sync is (retried once: a keep-alive socket the server just closed resets the first try). */
async function syncState(base: string, cookie: string): Promise<string> {
  try {
    return await readSyncState(base, cookie);
  } catch {
    return readSyncState(base, cookie).catch((err: unknown) => `unknown (${err instanceof Error ? err.message : String(err)})`);
  }
}

async function readSyncState(base: string, cookie: string): Promise<string> {
  const parts: string[] = [];
  for (const kind of ['org', 'departures', 'attendance', 'leave', 'crm']) {
    const o = (await (await fetch(`${base}/api/v1/sync/${kind}`, { headers: { cookie } })).json()) as {
      data: { current: { status: string; phase: string | null; progressDone: number; progressTotal: number } | null };
    };
    const c = o.data.current;
    parts.push(`${kind} ${c ? `${c.status} ${c.phase ?? ''} ${c.progressDone}/${c.progressTotal}` : 'finished'}`);
  }
  return parts.join(' · ');
}

async function benchDatabase(kind: 'sqlite' | 'mysql', apis: PageApi[]): Promise<Row[]> {
  const employees = numberArg('employees', 10000);
  const seed = numberArg('seed', 7);
  log(`\n== ${kind === 'sqlite' ? 'SQLite' : 'MariaDB'}, ${employees} people ==`);
  const built = await ensureBuiltWorld({ kind, employees, seed, rebuild: flag('rebuild') }, log);
  // A copy of its own (named by this process), so that runs by several engineers at once do not share one.
  const database = await workingCopy(built, log, `run${process.pid}`);
  const ds = await openDatabase(database, { migrate: true });
  const ctx = await loadBenchContext(ds, DEMO_CORP.corpId);
  await ds.destroy();
  const server = await startServer(database, employees, seed, numberArg('rate', 18));
  const rows: Row[] = apis.map((api) => ({ api }));
  const counter = await mysqlStatementCounter(database);
  try {
    const cookies = {} as Record<BenchRole, string>;
    for (const role of Object.keys(DEMO_USERIDS) as BenchRole[]) cookies[role] = await signIn(server.base, DEMO_USERIDS[role]);
    await loadEach(server.child.pid, server.base, cookies, ctx, apis, 'idle', rows, counter.count);
    if (!flag('no-sync')) {
      for (const k of ['org', 'departures', 'attendance', 'leave', 'crm']) {
        const res = await fetch(`${server.base}/api/v1/sync/${k}`, { method: 'POST', headers: { cookie: cookies.admin } });
        if (res.status !== 202) throw new Error(`starting the ${k} sync: HTTP ${res.status}`);
      }
      // `--head-start S`: the syncs run S seconds before the load (default 3), to measure their later, heavier parts.
      const headStart = numberArg('head-start', 3);
      for (let waited = 0; waited < headStart; waited += 15) {
        await new Promise((r) => setTimeout(r, 1000 * Math.min(15, headStart - waited)));
        if (headStart > 15) log(`  after ${Math.min(headStart, waited + 15)} s: ${await syncState(server.base, cookies.admin)}`);
      }
      log(`  syncs started: ${await syncState(server.base, cookies.admin)}`);
      await loadEach(server.child.pid, server.base, cookies, ctx, apis, 'sync', rows, counter.count);
      log(`  syncs at the end: ${await syncState(server.base, cookies.admin)}`);
    }
  } finally {
    // The copy is thrown away: no need to wait for the syncs to finish (a profiled server stops itself, to write its profile).
    await counter.close();
    server.child.kill(flag('cpu-prof') ? 'SIGTERM' : 'SIGKILL');
    await new Promise((r) => (server.child.exitCode !== null || server.child.signalCode !== null ? r(null) : server.child.once('exit', r)));
    await dropWorkingCopy(database);
  }
  return rows;
}

const cell = (r: Measured | undefined) =>
  r
    ? `${Math.round(r.perSecond).toLocaleString('en-US')} | ${r.p50Ms.toFixed(0)} | ${r.p99Ms.toFixed(0)}${r.errors ? ` (${r.errors} errors)` : ''} | ${r.cpuMsPerRequest?.toFixed(2) ?? '—'}`
    : '— | — | — | —';

async function main(): Promise<void> {
  const only = stringArg('only', '');
  const apis = PAGE_APIS.filter((a) => !only || only.split(',').some((o) => a.label.includes(o)));
  const kinds = stringArg('db', 'sqlite,mysql').split(',') as ('sqlite' | 'mysql')[];
  const results: { kind: string; rows: Row[] }[] = [];
  for (const kind of kinds) results.push({ kind, rows: await benchDatabase(kind, apis) });
  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  log(`\n${numberArg('employees', 10000)} people, ${numberArg('concurrency', 16)} concurrent clients, keep-alive; load average at the end ${load}`);
  log('req/s | p50 ms | p99 ms | web-thread CPU ms per request');
  const head = results.map((r) => (r.kind === 'sqlite' ? 'SQLite' : 'MariaDB'));
  log(`| page | API | ${head.map((h) => `${h} idle: req/s | p50 | p99 | CPU | ${h} during syncs: req/s | p50 | p99 | CPU`).join(' | ')} |`);
  log(`| --- | --- | ${head.map(() => '---: | ---: | ---: | ---: | ---: | ---: | ---: | ---:').join(' | ')} |`);
  for (const api of apis) {
    const cells = results.map((r) => {
      const row = r.rows.find((x) => x.api === api);
      return `${cell(row?.idle)} | ${cell(row?.sync)}`;
    });
    log(`| ${api.page} | \`${api.label}\` | ${cells.join(' | ')} |`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
