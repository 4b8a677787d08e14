/**
 * What blocks the event loop while syncs run in one process: runs every sync (org, departures, attendance, leave,
 * CRM) in this process on a copy of the API bench's world, as the embedded mode did before its jobs moved to a
 * worker thread, for `--seconds`; prints the event loop's stalls over 50 ms and the statements that took longest (a
 * synchronous SQLite driver blocks for as long as a statement runs).
 *
 *   node server/dist/server/src/bench/blockingProbe.js [--db sqlite|mysql] [--seconds 60] [--rate 18]
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DataSource, type DataSourceOptions, type Logger as TypeOrmLogger } from 'typeorm';
import { numberArg } from './benchArgs';
import { ensureBuiltWorld, workingCopy } from './apiBenchWorld';
import { createDataSource } from '../db/dataSource';
import { startSandbox, SANDBOX_LEAVE_PROCESS_CODE } from '../dingtalk/sandbox';
import { createDingTalkPort } from '../dingtalk/dingTalkPort';
import { DEMO_CORP, calendarEndingToday } from '../services';
import { createSyncRun } from '../modules/sync/commands/orgSyncRunCreator';
import { runOrgSync } from '../modules/sync/commands/orgSyncer';
import { runDataSync } from '../modules/sync/commands/dataSyncRunner';

interface Slow {
  ms: number;
  sql: string;
}

async function main(): Promise<void> {
  const seconds = numberArg('seconds', 60);
  const rate = numberArg('rate', 18);
  const kindIndex = process.argv.indexOf('--db');
  const kind = (kindIndex > 0 ? process.argv[kindIndex + 1] : 'sqlite') as 'sqlite' | 'mysql';
  const built = await ensureBuiltWorld({ kind, employees: numberArg('employees', 10000), seed: 7, rebuild: false }, console.log);
  const database = await workingCopy(built, console.log, 'probe');
  const slow: Slow[] = [];
  const logger: TypeOrmLogger = {
    logQuery: () => undefined,
    logQueryError: () => undefined,
    logQuerySlow: (ms, query) => void slow.push({ ms, sql: query.replace(/\s+/g, ' ').slice(0, 160) }),
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  const base = await createDataSource(database);
  const ds = new DataSource({ ...base.options, logger, maxQueryExecutionTime: 20 } as DataSourceOptions);
  await ds.initialize();
  const sandbox = await startSandbox({ port: 0, corps: [{ ...DEMO_CORP, seed: 7, employees: numberArg('employees', 10000), asOfMs: calendarEndingToday() }] });
  const dingtalk = createDingTalkPort(
    { ...DEMO_CORP, legacyBaseUrl: sandbox.url, v1BaseUrl: sandbox.url },
    { dingtalkCallsPerSecond: rate, dingtalkTimeoutMs: 30000, queuePrefix: 'probe' },
    null,
  );
  const corpId = DEMO_CORP.corpId;
  const deps = {
    ds,
    source: dingtalk.data,
    apiCalls: () => dingtalk.callCount(),
    concurrency: 6,
    monthlyCallLimit: 10_000_000,
    lookbackDays: 31,
    leaveProcessCode: SANDBOX_LEAVE_PROCESS_CODE,
  };

  const stalls: { at: number; ms: number }[] = [];
  const t0 = performance.now();
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    if (now - last > 60) stalls.push({ at: (now - t0) / 1000, ms: now - last - 10 });
    last = now;
  }, 10);
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const org = await createSyncRun(ds, corpId, 'org', 'manual', null);
  const data = [];
  for (const k of ['departures', 'attendance', 'leave', 'crm'] as const) data.push(await createSyncRun(ds, corpId, k, 'manual', null));
  const runs = [
    runOrgSync({ ds, source: dingtalk, apiCalls: deps.apiCalls, concurrency: 6 }, org!.id, { finalAttempt: true }),
    ...data.map((r) => runDataSync(deps, r!.id, { finalAttempt: true })),
  ];
  void Promise.allSettled(runs).then((all) => all.forEach((r) => r.status === 'rejected' && console.log('sync failed', r.reason)));
  await new Promise((r) => setTimeout(r, seconds * 1000));
  clearInterval(tick);
  h.disable();
  console.log(`\n${seconds} s of syncs in this process (${database.kind}, ${rate} calls/s per API)`);
  console.log(
    `event loop delay: p50 ${(h.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(h.percentile(99) / 1e6).toFixed(1)} ms, max ${(h.max / 1e6).toFixed(0)} ms`,
  );
  console.log(
    `stalls over 50 ms: ${stalls.length}; longest: ${stalls
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10)
      .map((s) => `${s.ms.toFixed(0)} ms at ${s.at.toFixed(0)} s`)
      .join(', ')}`,
  );
  const bySql = new Map<string, { n: number; total: number; max: number }>();
  for (const s of slow) {
    const key = s.sql.replace(/'[^']*'|\b\d+\b|\?/g, '?').slice(0, 110);
    const e = bySql.get(key) ?? { n: 0, total: 0, max: 0 };
    bySql.set(key, { n: e.n + 1, total: e.total + s.ms, max: Math.max(e.max, s.ms) });
  }
  console.log('statements over 20 ms (count, total, longest):');
  for (const [sql, e] of [...bySql].sort((a, b) => b[1].total - a[1].total).slice(0, 15))
    console.log(`  ${String(e.n).padStart(5)} ${e.total.toFixed(0).padStart(7)} ms ${e.max.toFixed(0).padStart(6)} ms  ${sql}`);
  const runRows: { kind: string; status: string; phase: string | null; progress_done: number; progress_total: number; error: string | null }[] = await ds.query(
    'SELECT kind, status, phase, progress_done, progress_total, error FROM sync_runs WHERE id > 5 ORDER BY id',
  );
  for (const r of runRows) console.log(`  ${r.kind}: ${r.status} ${r.phase ?? ''} ${r.progress_done}/${r.progress_total} ${r.error ?? ''}`);
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
