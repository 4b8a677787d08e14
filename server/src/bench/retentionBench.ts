/**
 * Retention radar at scale (`npm run bench:retention -- --employees 10000`): a generated company written straight
 * into a fresh MariaDB database (BENCH_RETENTION_DATABASE_URL, default liucai_bench_retention, dropped at the end):
 * `employees` people with 16 weeks of on-duty checks, leave, CRM follow-ups (some on colleagues' customers),
 * collaborations and deals, 5% of them drifting (follow-ups down, leave up in the last 4 weeks). Then times the
 * weekly run: the first one (it fills 68 weeks of history) and a regular one (16 weeks), each with its absences
 * without leave, weekly signals, training (数据不足 here: no leavers) and risks. Prints a table.
 */
import { addDays, isRiskFacts, isWeekend, seededRandom, weeksEnding } from '@liucai/shared';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../db/dataSource';
import { dropMysqlDatabase, recreateMysqlDatabase } from '../db/adminConnection';
import {
  AttendanceResult,
  CollaborationEvent,
  Corp,
  Customer,
  Deal,
  FollowUp,
  LeaveRecord,
  PayoutRun,
  PayoutStatement,
  RetentionRisk,
  SyncCheckpoint,
  User,
} from '../entities';
import { runRetention } from '../modules/retention/commands/retentionRunner';
import { numberArg } from './benchArgs';

const CORP = 'dingretbench';
const WEEK = '2026-11-23';
const employees = numberArg('employees', 10000);

async function batches<T>(rows: T[], write: (slice: T[]) => Promise<unknown>, size = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Teams of 25 (main departments 1, 2, …), the last 10 people in pairs: teams too small for a comparison. */
const teamOf = (userid: string): number => {
  const i = Number(userid.slice(1));
  return i >= employees - 10 ? 100_000 + Math.floor((i - (employees - 10)) / 2) : 1 + Math.floor(i / 25);
};

async function fill(ds: DataSource): Promise<{ rows: number; drifters: Set<string> }> {
  const rand = seededRandom(42);
  const importedAt = new Date();
  await ds.getRepository(Corp).insert({ corpId: CORP, name: '留才基准公司', agentId: 1 });
  const ids = Array.from({ length: employees }, (_, i) => `u${i}`);
  await batches(ids, (slice) =>
    ds
      .getRepository(User)
      .insert(
        slice.map((userid) => ({ corpId: CORP, userid, name: `员工${userid}`, hiredOn: '2024-01-01', status: 'active' as const, mainDeptId: teamOf(userid) })),
      ),
  );
  // Pay: three published monthly runs, everyone with a statement (the 绩效发放 signal reads them grouped).
  for (const period of ['2026-09', '2026-10', '2026-11']) {
    const run = await ds.getRepository(PayoutRun).save(
      Object.assign(new PayoutRun(), {
        corpId: CORP,
        period,
        deptId: 1,
        status: 'published',
        computeState: 'done',
        createdBy: 'bench',
        createdAt: importedAt,
        totalFen: 0,
        people: employees,
      }),
    );
    await batches(ids, (slice) =>
      ds.getRepository(PayoutStatement).insert(
        slice.map((userid) => ({
          corpId: CORP,
          runId: run.id,
          userid,
          deptId: teamOf(userid),
          planId: null,
          planVersionId: null,
          planDefinition: null,
          totalFen: 800_000 + Math.floor(rand() * 800_000),
          explanation: '',
        })),
      ),
    );
  }
  await batches(ids, (slice) =>
    ds.getRepository(Customer).insert(
      slice.map((userid) => ({
        corpId: CORP,
        source: 'dingtalk' as const,
        sourceId: `c-${userid}`,
        importedAt,
        name: `客户${userid}`,
        ownerUserid: userid,
        data: {},
      })),
    ),
  );
  const mondays = weeksEnding(WEEK, 16);
  const drifting = new Set(ids.filter(() => rand() < 0.05));
  let rows = 0;
  for (const [w, monday] of mondays.entries()) {
    const late = w >= 12;
    const attendance: Partial<AttendanceResult>[] = [];
    const follows: Partial<FollowUp>[] = [];
    const leaves: Partial<LeaveRecord>[] = [];
    const collabs: Partial<CollaborationEvent>[] = [];
    const deals: Partial<Deal>[] = [];
    for (const [i, userid] of ids.entries()) {
      const drifts = late && drifting.has(userid);
      for (let d = 0; d < 7; d++) {
        const day = addDays(monday, d);
        if (isWeekend(day)) continue;
        const r = rand();
        attendance.push({
          corpId: CORP,
          source: 'dingtalk',
          sourceId: `a-${userid}-${day}`,
          importedAt,
          userid,
          workDate: day,
          checkType: 'OnDuty',
          timeResult: r < 0.003 ? 'NotSigned' : r < 0.05 ? 'Late' : 'Normal',
        });
      }
      const nFollow = drifts ? 1 : 3 + Math.floor(rand() * 3);
      for (let k = 0; k < nFollow; k++) {
        const helping = !drifts && rand() < 0.25;
        follows.push({
          corpId: CORP,
          source: 'dingtalk',
          sourceId: `f-${userid}-${monday}-${k}`,
          importedAt,
          ownerUserid: userid,
          customerSourceId: helping ? `c-${ids[(i + 1) % ids.length]}` : `c-${userid}`,
          followedAt: new Date(`${addDays(monday, k % 5)}T02:00:00Z`),
        });
      }
      if (rand() < (drifts ? 0.7 : 0.12)) {
        const day = addDays(monday, 2);
        leaves.push({
          corpId: CORP,
          source: 'dingtalk',
          sourceId: `l-${userid}-${monday}`,
          importedAt,
          userid,
          leaveType: '事假',
          startAt: new Date(`${day}T01:00:00Z`),
          endAt: new Date(`${day}T10:00:00Z`),
          durationUnit: 'day',
          durationHundredths: 100,
          approvalState: 'approved',
        });
      }
      if (!drifts && rand() < 0.4) {
        collabs.push({
          corpId: CORP,
          source: 'import',
          sourceId: `e-${userid}-${monday}`,
          importedAt,
          userid,
          withDepartment: '技术部',
          occurredOn: addDays(monday, 3),
        });
      }
      if (rand() < 0.1) {
        deals.push({
          corpId: CORP,
          source: 'dingtalk',
          sourceId: `d-${userid}-${monday}`,
          importedAt,
          customerName: `客户${userid}`,
          customerSourceId: `c-${userid}`,
          ownerUserid: userid,
          amountFen: 1_000_000,
          signedOn: addDays(monday, 4),
          renewalYears: 0,
          status: rand() < 0.1 ? 'cancelled' : 'active',
        });
      }
    }
    await batches(attendance, (s) => ds.getRepository(AttendanceResult).insert(s as AttendanceResult[]));
    await batches(follows, (s) => ds.getRepository(FollowUp).insert(s as FollowUp[]));
    await batches(leaves, (s) => ds.getRepository(LeaveRecord).insert(s as LeaveRecord[]));
    await batches(collabs, (s) => ds.getRepository(CollaborationEvent).insert(s as CollaborationEvent[]));
    await batches(deals, (s) => ds.getRepository(Deal).insert(s as Deal[]));
    rows += attendance.length + follows.length + leaves.length + collabs.length + deals.length;
  }
  const through = addDays(WEEK, 6);
  for (const source of ['attendance', 'leave'])
    await ds.getRepository(SyncCheckpoint).insert({ corpId: CORP, source, position: { through }, updatedAt: new Date() });
  return { rows, drifters: drifting };
}

async function main(): Promise<void> {
  const url = process.env.BENCH_RETENTION_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/liucai_bench_retention';
  await recreateMysqlDatabase(url);
  const ds = await openDatabase({ kind: 'mysql', url }, { migrate: true });
  try {
    let t = Date.now();
    const { rows, drifters } = await fill(ds);
    console.log(
      `${employees} people, ${rows.toLocaleString('en')} synced rows (16 weeks), ${drifters.size} drifting; filled in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );
    console.log('| run | person-weeks computed | written | people | risks | rule fired | time |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const name of ['first (fills 68 weeks)', 'regular (16 weeks, nothing new)']) {
      t = Date.now();
      const r = await runRetention(ds, CORP);
      const fired = await ds.getRepository(RetentionRisk).find({ where: { corpId: CORP, weekStart: r.weekStart!, ruleFired: true }, select: { userid: true } });
      const hits = fired.filter((f) => drifters.has(f.userid)).length;
      const latest = await ds
        .getRepository(RetentionRisk)
        .find({ where: { corpId: CORP, weekStart: r.weekStart! }, select: { userid: true, explanation: true } });
      const facts = latest.map((x) => x.explanation).filter(isRiskFacts);
      const teams = facts.filter((x) => x.team.totals !== null).length;
      const paid = facts.filter((x) => x.domain.some((d) => d.key === 'payout' && d.status === 'ok')).length;
      console.error(
        `  phases (ms): ${JSON.stringify(r.ms)}; rule fired for ${hits} of ${drifters.size} drifters and ${fired.length - hits} others; team comparison for ${teams}, 数据不足 for ${latest.length - teams}; 绩效发放 for ${paid}`,
      );
      console.log(
        `| ${name} | ${r.weekRows.toLocaleString('en')} | ${r.weekRowsWritten.toLocaleString('en')} | ${r.people} | ${r.risks} | ${r.ruleFired} | ${((Date.now() - t) / 1000).toFixed(1)} s |`,
      );
    }
  } finally {
    await ds.destroy();
    await dropMysqlDatabase(url);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
