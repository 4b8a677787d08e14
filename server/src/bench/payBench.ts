/**
 * Pay at scale (`npm run bench:pay -- --employees 10000 --contracts 20`): a sales centre of 大客户经理 in teams of
 * ten, each with `contracts` contracts signed in the month (a few cancelled, some renewed), collaborations and
 * satisfaction scores, on the articles' new plan (a job assignment) and the big-client KPI scheme with team linkage,
 * written straight into SQLite (a temporary file) and MariaDB (BENCH_DATABASE_URL, default liucai_bench_pay). Then,
 * as the jobs run them: one payout run of the month (create + compute) and one KPI scoring of the month. Prints time,
 * people, lines or scores written per second and peak memory (RSS sampled every 20 ms). Changes nothing else.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MoreThan, type DataSource } from 'typeorm';
import { BIG_CLIENT_PLAN, DEFAULT_KPI_SETTINGS, KPI_TEMPLATES, LEGACY_SALES_PLAN } from '@liucai/shared';
import type { Actor } from '../appTypes';
import type { JobQueue } from '../jobs/jobTypes';
import { openDatabase } from '../db/dataSource';
import { recreateMysqlDatabase } from '../db/adminConnection';
import { CollaborationEvent, Corp, Deal, Department, PayoutLine, SatisfactionScore, User } from '../entities';
import { createRule } from '../modules/pay/commands/ruleCreator';
import { createRuleVersion } from '../modules/pay/commands/ruleVersionCreator';
import { publishRuleVersion } from '../modules/pay/commands/ruleVersionPublisher';
import { createPlanAssignment } from '../modules/pay/commands/planAssignmentCreator';
import { createPayoutRun } from '../modules/pay/commands/payoutRunCreator';
import { computePayoutRun } from '../modules/pay/commands/payoutRunComputer';
import { scoreKpiMonth } from '../modules/pay/commands/kpiScorer';
import { KPI_FAMILY, PLAN_FAMILY, type RuleFamily } from '../modules/pay/ruleFamilies';
import { numberArg } from './benchArgs';

const CORP = 'dingpaybench';
const employees = numberArg('employees', 10000);
const contracts = numberArg('contracts', 20);
const PERIOD = '2026-06';
/**
 * `--guarantee`: everyone moved from the old 1% plan to the new one on 2026-05-01, so the run pays June as month 2 of
 * the transition guarantee, its baseline the old plan on each person's deals of February to April (a quarter of
 * `--contracts` a month, no run paid them): the guarantee's reads and computation at scale.
 */
const guarantee = process.argv.includes('--guarantee');
const BASELINE_MONTHS = ['2026-02', '2026-03', '2026-04'];
const TITLE = '大客户经理';
const DEPT = 1;

/** A small deterministic PRNG (mulberry32), so both databases get the same company. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const day = (d: number, month = PERIOD) => `${month}-${String(1 + (d % 28)).padStart(2, '0')}`;
const ADMIN = 'admin';
const actor: Actor = { corpId: CORP, userid: ADMIN, roles: ['employee', 'admin'], hrDeptIds: [] };
/** The run's computation is awaited here, not queued. */
const noJobs = { kind: 'in-process', enqueue: async () => undefined, schedule: async () => undefined, close: async () => undefined } as unknown as JobQueue;

async function published(ds: DataSource, family: RuleFamily, code: string, definition: unknown, jobTitle?: string): Promise<number> {
  const rule = await createRule(ds, family, actor, { code, name: code, ...(jobTitle ? { jobTitle } : {}) });
  const v = await createRuleVersion(ds, family, actor, rule.id, { effectiveFrom: '2020-01-01', definition, note: '基准' });
  await publishRuleVersion(ds, family, actor, v.id);
  return rule.id;
}

async function fill(ds: DataSource): Promise<number> {
  const rnd = prng(42);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const now = new Date();
  const base = { corpId: CORP, source: 'dingtalk' as const, importedAt: now };
  let rows = 0;
  const write = async <T>(entity: new () => T, list: Partial<T>[]) => {
    for (let i = 0; i < list.length; i += 500) await ds.getRepository(entity).insert(list.slice(i, i + 500) as never);
    rows += list.length;
  };
  await ds.getRepository(Corp).insert({ corpId: CORP, name: '基准测试公司', agentId: 1 });
  await ds.getRepository(Department).insert({ corpId: CORP, deptId: DEPT, parentId: null, name: '销售中心', sortOrder: 0, managerUserids: [], active: true });
  const person = (userid: string, over: Partial<User>): Partial<User> => ({
    corpId: CORP,
    userid,
    name: userid,
    mainDeptId: DEPT,
    inOtherDepts: false,
    isAdmin: false,
    isBoss: false,
    status: 'active',
    ...over,
  });
  const users: Partial<User>[] = [person(ADMIN, { isAdmin: true })];
  for (let i = 0; i < employees; i++) users.push(person(`s${i}`, { title: TITLE, supervisorUserid: `lead${Math.floor(i / 10)}` }));
  for (let t = 0; t < Math.ceil(employees / 10); t++) users.push(person(`lead${t}`, { title: '销售主管' }));
  await write(User, users);
  for (let from = 0; from < employees; from += 500) {
    const deals: Partial<Deal>[] = [];
    const collabs: Partial<CollaborationEvent>[] = [];
    const scores: Partial<SatisfactionScore>[] = [];
    for (let u = from; u < Math.min(employees, from + 500); u++) {
      const userid = `s${u}`;
      for (let c = 0; c < contracts; c++) {
        const id = `c${u}-${c}`;
        deals.push({
          ...base,
          sourceId: `d${id}`,
          customerName: `客户${id}`,
          customerSourceId: id,
          ownerUserid: userid,
          amountFen: int(5_000, 200_000) * 100,
          signedOn: day(int(0, 27)),
          renewalYears: rnd() < 0.3 ? int(1, 3) : 0,
          status: rnd() < 0.04 ? 'cancelled' : 'active',
          removedAt: null,
        });
        if (rnd() < 0.3)
          scores.push({
            ...base,
            source: 'import',
            sourceId: `sat${id}`,
            customerName: `客户${id}`,
            ownerUserid: userid,
            scoreTenths: int(60, 100),
            surveyedOn: day(int(0, 27)),
          });
      }
      if (guarantee)
        for (const month of BASELINE_MONTHS)
          for (let c = 0; c < Math.ceil(contracts / 4); c++)
            deals.push({
              ...base,
              sourceId: `d${userid}-${month}-${c}`,
              customerName: `老客户${userid}-${c}`,
              customerSourceId: `o${userid}-${c}`,
              ownerUserid: userid,
              amountFen: int(5_000, 60_000) * 100,
              signedOn: day(int(0, 27), month),
              renewalYears: 0,
              status: 'active',
              removedAt: null,
            });
      for (let k = 0, n = int(0, 10); k < n; k++)
        collabs.push({ ...base, sourceId: `e${u}-${k}`, userid, withDepartment: '技术部', customerName: null, occurredOn: day(int(0, 27)) });
    }
    await write(Deal, deals);
    await write(CollaborationEvent, collabs);
    await write(SatisfactionScore, scores);
  }
  const planId = await published(ds, PLAN_FAMILY, 'bench-plan', BIG_CLIENT_PLAN);
  if (guarantee) {
    const oldPlanId = await published(ds, PLAN_FAMILY, 'bench-old-plan', LEGACY_SALES_PLAN);
    await createPlanAssignment(ds, actor, { planId: oldPlanId, jobTitle: TITLE, deptId: DEPT, effectiveFrom: '2020-01-01', effectiveTo: '2026-04-30' });
    await createPlanAssignment(ds, actor, { planId, jobTitle: TITLE, deptId: DEPT, effectiveFrom: '2026-05-01' });
  } else await createPlanAssignment(ds, actor, { planId, jobTitle: TITLE, deptId: DEPT, effectiveFrom: '2020-01-01' });
  await published(ds, KPI_FAMILY, 'bench-kpi', KPI_TEMPLATES.find((t) => t.key === 'bigClientSalesWithTeam')!.definition, TITLE);
  return rows;
}

/** Time `work` with its peak RSS. */
async function timed<T>(work: () => Promise<T>): Promise<{ out: T; seconds: number; peakMb: string; growthMb: string }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = process.hrtime.bigint();
  const out = await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
  return { out, seconds, peakMb: mb(peak), growthMb: mb(peak - before) };
}

async function measure(kind: string, ds: DataSource): Promise<string[]> {
  const t0 = Date.now();
  const rows = await fill(ds);
  console.error(`${kind}: ${rows.toLocaleString('en')} rows written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const pay = await timed(async () => {
    const run = await createPayoutRun({ ds, jobs: noJobs }, actor, { period: PERIOD, deptId: DEPT });
    const outcome = await computePayoutRun(ds, CORP, run.id, run.computeSeq);
    if (!outcome.computed) throw new Error(`payout run not computed: ${outcome.reason}`);
    return {
      people: outcome.people,
      lines: await ds.getRepository(PayoutLine).countBy({ corpId: CORP, runId: run.id }),
      guaranteed: await ds.getRepository(PayoutLine).countBy({ corpId: CORP, runId: run.id, kind: 'guarantee' }),
      toppedUp: await ds.getRepository(PayoutLine).countBy({ corpId: CORP, runId: run.id, kind: 'guarantee', amountFen: MoreThan(0) }),
    };
  });
  console.error(
    `${kind}: payout run ${pay.seconds.toFixed(1)} s (${pay.out.guaranteed.toLocaleString('en')} guarantee lines, ${pay.out.toppedUp.toLocaleString('en')} topping up)`,
  );
  const kpi = await timed(() => scoreKpiMonth(ds, CORP, PERIOD, { today: '2026-07-15', settings: DEFAULT_KPI_SETTINGS }));
  console.error(`${kind}: KPI scoring ${kpi.seconds.toFixed(1)} s`);
  const n = (x: number) => x.toLocaleString('en');
  return [
    `| ${kind} | payout run (create + compute) | ${n(pay.out.people)} | ${n(rows)} | ${pay.seconds.toFixed(1)} | ${n(pay.out.lines)} lines | ${n(Math.round(pay.out.lines / pay.seconds))} | ${pay.peakMb} (+${pay.growthMb}) |`,
    `| ${kind} | KPI scoring | ${n(kpi.out.people)} | ${n(rows)} | ${kpi.seconds.toFixed(1)} | ${n(kpi.out.people)} scores | ${n(Math.round(kpi.out.people / kpi.seconds))} | ${kpi.peakMb} (+${kpi.growthMb}) |`,
  ];
}

async function main() {
  const lines: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liucai-paybench-'));
  const lite = await openDatabase({ kind: 'sqlite', path: path.join(dir, 'bench.sqlite') }, { migrate: true });
  try {
    lines.push(...(await measure('SQLite', lite)));
  } finally {
    await lite.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/liucai_bench_pay';
  await recreateMysqlDatabase(url);
  const maria = await openDatabase({ kind: 'mysql', url }, { migrate: true });
  try {
    lines.push(...(await measure('MariaDB', maria)));
  } finally {
    await maria.destroy();
  }
  console.log(
    `\nPay of ${PERIOD}: ${employees.toLocaleString('en')} 大客户经理 × ${contracts} contracts, the new plan and the KPI scheme with team linkage${guarantee ? ', everyone in month 2 of the transition guarantee' : ''}`,
  );
  console.log('| database | work | people | source rows | seconds | written | written / s | peak RSS MB (during) |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const l of lines) console.log(l);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
