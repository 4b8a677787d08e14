/**
 * Benchmark: one month of attendance (results and raw clock records), leave (the 请假 form's approval instances: id
 * pages, then one detail call per instance not yet final), departures and the CRM (a first full pass: customers,
 * contracts, follow-ups of the CRM lookback; then a second, incremental pass) for a sandbox corp over real HTTP into
 * MariaDB, with DingTalk's per-API limit enforced by the sandbox (20/s) and ours at 18/s. People and departments are
 * written straight from the sandbox (org sync has its own benchmark).
 *
 * Departures run first (a second: exempt hrm APIs, a few pages), as in the nightly and first-start order, so the
 * others read the people who left too; then the other three run at once, as they do when HR starts each source's
 * sync: DingTalk limits each API separately (doc 8), so the floor the limits set is the busiest API's calls / rate. Prints calls per API, each kind's time,
 * the wall time and its ratio to that floor, and the sum-of-calls figure for comparison.
 *
 *   npm run bench:datasync -- --employees 10000 [--days 30] [--rate 18] [--concurrency 6] [--only crm]
 */
import { numberArg } from './benchArgs';
import { openBenchWorld } from './benchWorld';
import { AttendanceResult, ClockRecord, Department, LeaveRecord, User } from '../entities';
import { SANDBOX_LEAVE_PROCESS_CODE } from '../dingtalk/sandbox';
import { createSyncRun } from '../modules/sync/commands/orgSyncRunCreator';
import { runDataSync } from '../modules/sync/commands/dataSyncRunner';
import { shanghaiDate } from '../util/dates';

async function main(): Promise<void> {
  const employees = numberArg('employees', 10000);
  const days = numberArg('days', 30);
  const rate = numberArg('rate', 18);
  const concurrency = numberArg('concurrency', 6);
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;
  const { ds, sandbox, corp, dingtalk, close } = await openBenchWorld(employees, rate);
  const sandboxCorp = sandbox.corps.get(corp.corpId)!;
  const people = [...sandboxCorp.users.values()];
  // Departments too: the CRM sync places follow-up participants in them (cross-department collaborations).
  const depts = [...sandboxCorp.departments.values()];
  for (let i = 0; i < depts.length; i += 500) {
    await ds.getRepository(Department).insert(
      depts.slice(i, i + 500).map((d) => ({
        corpId: corp.corpId,
        deptId: d.dept_id,
        parentId: d.parent_id ?? null,
        name: d.name,
        sortOrder: d.order,
        managerUserids: d.dept_manager_userid_list,
        active: true,
      })),
    );
  }
  for (let i = 0; i < people.length; i += 500) {
    await ds.getRepository(User).insert(
      people.slice(i, i + 500).map((u) => ({
        corpId: corp.corpId,
        userid: u.userid,
        name: u.name,
        mainDeptId: u.dept_id_list[0] ?? null,
        hiredOn: shanghaiDate(u.hired_date),
        status: 'active' as const,
      })),
    );
  }
  // The sandbox's calendar ends on its "today"; sync the month before it.
  const now = () => new Date(Date.UTC(2026, 10, 1, 1));
  const deps = {
    ds,
    source: dingtalk.data,
    apiCalls: () => dingtalk.callCount(),
    concurrency,
    monthlyCallLimit: 1_000_000,
    lookbackDays: days,
    now,
    leaveProcessCode: SANDBOX_LEAVE_PROCESS_CODE,
  };
  sandbox.resetStats();
  const t0 = performance.now();
  const rows: Record<string, number> = {};
  const kindSeconds: Record<string, number> = {};
  const kinds = (['departures', 'attendance', 'leave', 'crm'] as const).filter((k) => only === undefined || k === only);
  const runKind = async (kind: (typeof kinds)[number]) => {
    const t = performance.now();
    const run = await createSyncRun(ds, corp.corpId, kind, 'manual', null, now());
    const outcome = await runDataSync(deps, run!.id, { finalAttempt: true });
    rows[kind] = outcome?.rows ?? 0;
    kindSeconds[kind] = (performance.now() - t) / 1000;
  };
  if (kinds.includes('departures')) await runKind('departures');
  await Promise.all(kinds.filter((k) => k !== 'departures').map(runKind));
  const seconds = (performance.now() - t0) / 1000;
  const stats = sandbox.stats();
  if (kinds.includes('crm')) {
    const t2 = performance.now();
    const again = await createSyncRun(ds, corp.corpId, 'crm', 'manual', null, now());
    const second = await runDataSync(deps, again!.id, { finalAttempt: true });
    const [customers, contracts, followUps, collaborations] = await Promise.all(
      ['customers', 'deals', 'follow_ups', 'collaboration_events'].map(async (table) => Number((await ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n)),
    );
    console.log(
      `crm: ${customers} customers, ${contracts} contracts, ${followUps} follow-ups, ${collaborations} collaborations; ` +
        `second (incremental) pass ${((performance.now() - t2) / 1000).toFixed(1)} s, ${second?.rows ?? 0} rows written`,
    );
    // The weekly full pass (every CRM_FULL_PASS_DAYS): what it costs in calls, the budget's main CRM item.
    const weekLater = () => new Date(now().getTime() + 7 * 86_400_000);
    const t3 = performance.now();
    const callsBefore = dingtalk.callCount();
    const weekly = await createSyncRun(ds, corp.corpId, 'crm', 'manual', null, weekLater());
    const third = await runDataSync({ ...deps, now: weekLater }, weekly!.id, { finalAttempt: true });
    console.log(
      `crm weekly full pass: ${dingtalk.callCount() - callsBefore} calls, ${((performance.now() - t3) / 1000).toFixed(1)} s, ` +
        `${third?.rows ?? 0} rows written`,
    );
  }
  const byApi = Object.entries(stats.calls).sort((a, b) => b[1] - a[1]);
  const busiest = byApi[0]?.[1] ?? 0;
  const dataCalls = byApi.filter(([api]) => api !== '/gettoken').reduce((n, [, calls]) => n + calls, 0);
  const floor = busiest / rate;
  const results = await ds.getRepository(AttendanceResult).countBy({ corpId: corp.corpId });
  const clocks = await ds.getRepository(ClockRecord).countBy({ corpId: corp.corpId });
  const states = (await ds.getRepository(LeaveRecord).findBy({ corpId: corp.corpId })).reduce<Record<string, number>>(
    (acc, l) => ({ ...acc, [l.approvalState]: (acc[l.approvalState] ?? 0) + 1 }),
    {},
  );
  console.log(`employees ${employees}, days ${days}; rows changed: ${JSON.stringify(rows)}`);
  console.log(`attendance results ${results}, raw clock records ${clocks}; leaves by approval state ${JSON.stringify(states)}`);
  const finished = await ds.query('SELECT kind, status, error, note FROM sync_runs WHERE corp_id = ? ORDER BY id', [corp.corpId]);
  console.log(`runs: ${JSON.stringify(finished)}`);
  console.log(`seconds per kind (run at once): ${JSON.stringify(Object.fromEntries(Object.entries(kindSeconds).map(([k, v]) => [k, Number(v.toFixed(1))])))}`);
  for (const [api, n] of byApi) console.log(`  ${api.padEnd(48)} ${String(n).padStart(7)} calls`);
  console.log(`total calls ${stats.total}, throttled ${stats.throttled}, failed ${stats.failed}`);
  console.log(
    `time ${seconds.toFixed(1)} s; floor ${floor.toFixed(1)} s (busiest API ${byApi[0]?.[0]}: ${busiest} calls / ${rate} per s); ratio ${(seconds / floor).toFixed(2)}x; ` +
      `all ${dataCalls} data calls one at a time would take ${(dataCalls / rate).toFixed(1)} s`,
  );
  console.log(
    `| ${employees} | ${days} | ${results} | ${clocks} | ${Object.values(states).reduce((a, b) => a + b, 0)} | ${stats.total} | ${busiest} | ${seconds.toFixed(1)} s | ${floor.toFixed(1)} s | ${(seconds / floor).toFixed(2)}x |`,
  );
  await close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
