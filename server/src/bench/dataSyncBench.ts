/**
 * Benchmark: one month of attendance (results and raw clock records), leave (from the 请假 form's approval
 * instances: id pages, then one detail call per instance) and departures for a sandbox corp over real HTTP into MariaDB, with
 * DingTalk's per-API limit enforced by the sandbox (20/s) and ours at 18/s. People are written straight from the
 * sandbox (org sync has its own benchmark). Prints calls per API, wall time, and the ratio to the floor the rate
 * limit sets: the busiest API's calls / 18 per s.
 *
 *   npm run bench:datasync -- --employees 10000 [--days 30] [--rate 18] [--concurrency 6]
 */
import { numberArg } from './benchArgs';
import { openBenchWorld } from './benchWorld';
import { AttendanceResult, ClockRecord, LeaveRecord, User } from '../entities';
import { SANDBOX_LEAVE_PROCESS_CODE } from '../dingtalk/sandbox';
import { createSyncRun } from '../commands/orgSyncRunCreator';
import { runDataSync } from '../commands/dataSyncRunner';
import { shanghaiDate } from '../util/dates';

async function main(): Promise<void> {
  const employees = numberArg('employees', 10000);
  const days = numberArg('days', 30);
  const rate = numberArg('rate', 18);
  const concurrency = numberArg('concurrency', 6);
  const { ds, sandbox, corp, dingtalk, close } = await openBenchWorld(employees, rate);
  const people = [...sandbox.corps.get(corp.corpId)!.users.values()];
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
  const deps = { ds, source: dingtalk.data, apiCalls: () => dingtalk.callCount(), concurrency, monthlyCallLimit: 1_000_000, lookbackDays: days, now };
  const withApprovals = { ...deps, leaveProcessCode: SANDBOX_LEAVE_PROCESS_CODE };
  sandbox.resetStats();
  const t0 = performance.now();
  const rows: Record<string, number> = {};
  for (const kind of ['departures', 'attendance', 'leave'] as const) {
    const run = await createSyncRun(ds, corp.corpId, kind, 'manual', null, now());
    const outcome = await runDataSync(withApprovals, run!.id, { finalAttempt: true });
    rows[kind] = outcome?.rows ?? 0;
  }
  const seconds = (performance.now() - t0) / 1000;
  const stats = sandbox.stats();
  const byApi = Object.entries(stats.calls).sort((a, b) => b[1] - a[1]);
  const busiest = byApi[0]?.[1] ?? 0;
  const floor = busiest / rate;
  const results = await ds.getRepository(AttendanceResult).countBy({ corpId: corp.corpId });
  const clocks = await ds.getRepository(ClockRecord).countBy({ corpId: corp.corpId });
  const states = (await ds.getRepository(LeaveRecord).findBy({ corpId: corp.corpId })).reduce<Record<string, number>>(
    (acc, l) => ({ ...acc, [l.approvalState]: (acc[l.approvalState] ?? 0) + 1 }),
    {},
  );
  console.log(`employees ${employees}, days ${days}; rows changed: ${JSON.stringify(rows)}`);
  console.log(`attendance results ${results}, raw clock records ${clocks}; leaves by approval state ${JSON.stringify(states)}`);
  for (const [api, n] of byApi) console.log(`  ${api.padEnd(48)} ${String(n).padStart(7)} calls`);
  console.log(`total calls ${stats.total}, throttled ${stats.throttled}, failed ${stats.failed}`);
  console.log(
    `time ${seconds.toFixed(1)} s; floor ${floor.toFixed(1)} s (busiest API ${busiest} calls / ${rate} per s); ratio ${(seconds / floor).toFixed(2)}x`,
  );
  console.log(
    `| ${employees} | ${days} | ${rows.attendance} | ${rows.leave} | ${stats.total} | ${busiest} | ${seconds.toFixed(1)} s | ${floor.toFixed(1)} s | ${(seconds / floor).toFixed(2)}x |`,
  );
  await close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
