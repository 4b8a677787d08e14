/**
 * Benchmark: one month of attendance, leave and departures, then the CRM (a first full pass: customers, contracts,
 * follow-ups of the CRM lookback, and a second, incremental pass) for a sandbox corp over real HTTP into MariaDB, with
 * DingTalk's per-API limit enforced by the sandbox (20/s) and ours at 18/s. People are written straight from the
 * sandbox (org sync has its own benchmark). Prints calls per API, wall time, and the ratio to the floor the rate
 * limit sets. The kinds run one after another and each uses one API at a time (CRM pages are chained by nextToken),
 * so the floor is all their calls / 18 per s (token calls aside); with attendance alone that is its busiest API.
 *
 *   npm run bench:datasync -- --employees 10000 [--days 30] [--rate 18] [--concurrency 6] [--only crm]
 */
import { numberArg } from './benchArgs';
import { openBenchWorld } from './benchWorld';
import { Department, User } from '../entities';
import { createSyncRun } from '../commands/orgSyncRunCreator';
import { runDataSync } from '../commands/dataSyncRunner';
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
  const deps = { ds, source: dingtalk.data, apiCalls: () => dingtalk.callCount(), concurrency, monthlyCallLimit: 1_000_000, lookbackDays: days, now };
  sandbox.resetStats();
  const t0 = performance.now();
  const rows: Record<string, number> = {};
  const kinds = (['departures', 'attendance', 'leave', 'crm'] as const).filter((k) => only === undefined || k === only);
  for (const kind of kinds) {
    if (kind === 'crm') {
      // Time the CRM on its own, its calls included (its APIs are v1.0, the others legacy).
      console.log(`before crm: ${((performance.now() - t0) / 1000).toFixed(1)} s, ${sandbox.stats().total} calls`);
    }
    const t = performance.now();
    const run = await createSyncRun(ds, corp.corpId, kind, 'manual', null, now());
    const outcome = await runDataSync(deps, run!.id, { finalAttempt: true });
    rows[kind] = outcome?.rows ?? 0;
    if (kind === 'crm') {
      const first = (performance.now() - t) / 1000;
      const t2 = performance.now();
      const again = await createSyncRun(ds, corp.corpId, 'crm', 'manual', null, now());
      const second = await runDataSync(deps, again!.id, { finalAttempt: true });
      const [customers, contracts, followUps, collaborations] = await Promise.all(
        ['customers', 'deals', 'follow_ups', 'collaboration_events'].map(async (table) => Number((await ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n)),
      );
      console.log(
        `crm first pass ${first.toFixed(1)} s: ${customers} customers, ${contracts} contracts, ${followUps} follow-ups, ${collaborations} collaborations; ` +
          `second pass ${((performance.now() - t2) / 1000).toFixed(1)} s, ${second?.rows ?? 0} rows written`,
      );
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const stats = sandbox.stats();
  const byApi = Object.entries(stats.calls).sort((a, b) => b[1] - a[1]);
  const busiest = byApi[0]?.[1] ?? 0;
  const dataCalls = byApi.filter(([api]) => api !== '/gettoken').reduce((n, [, calls]) => n + calls, 0);
  const floor = dataCalls / rate;
  console.log(`employees ${employees}, days ${days}; rows: ${JSON.stringify(rows)}`);
  for (const [api, n] of byApi) console.log(`  ${api.padEnd(48)} ${String(n).padStart(7)} calls`);
  console.log(`total calls ${stats.total}, throttled ${stats.throttled}, failed ${stats.failed}`);
  console.log(
    `time ${seconds.toFixed(1)} s; floor ${floor.toFixed(1)} s (${dataCalls} calls / ${rate} per s, one API at a time); ratio ${(seconds / floor).toFixed(2)}x`,
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
