/**
 * Talent recompute at scale (`npm run bench:talent -- --employees 10000`): a company of salespeople with a year of
 * synced CRM rows (customers, deals, follow-ups, collaborations, satisfaction scores) written straight into SQLite
 * (a temporary file) and MariaDB (BENCH_DATABASE_URL, default liucai_bench_talent), then one full recompute of the
 * last month's portraits and match scores, as the nightly job runs it: time, rows written per second, peak memory
 * (RSS sampled every 20 ms during the run). Follow-ups carry Chinese notes (the feedback keywords are part of the
 * recompute) unless `--no-notes`. Prints a table; changes nothing else.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { addMonths } from '@liucai/shared';
import { openDatabase } from '../db/dataSource';
import { recreateMysqlDatabase } from '../db/adminConnection';
import { CollaborationEvent, Corp, Customer, Deal, FollowUp, SatisfactionScore, User } from '../entities';
import { recomputeTalent } from '../modules/talent/commands/talentRecomputer';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../modules/sync/commands/customerSegments';
import { followUpText } from '../dingtalk/sandbox/followUpText';
import { numberArg } from './benchArgs';

const CORP = 'dingtalentbench';
const employees = numberArg('employees', 10000);
/** Every follow-up carries the sandbox's kind of Chinese note (the feedback keywords are measured too), unless `--no-notes`. */
const notes = !process.argv.includes('--no-notes');
const PERIOD = '2026-06';
const FIRST = addMonths(PERIOD, -11);
const DEPTS = ['技术部', '客户成功部', '销售支持部', '财务部'];

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
const day = (month: string, d: number) => `${month}-${String(1 + (d % 28)).padStart(2, '0')}`;

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
  const users: Partial<User>[] = [];
  for (let i = 0; i < employees; i++)
    users.push({ corpId: CORP, userid: `s${i}`, name: `销售${i}`, mainDeptId: 1, inOtherDepts: false, isAdmin: false, isBoss: false, status: 'active' });
  await write(User, users);
  // Per person: 2-10 customers (a quarter big), a deal a customer every few months (some renewals, a few
  // cancelled), follow-ups every 2-6 weeks, collaborations on a share of them, a satisfaction score now and then.
  for (let from = 0; from < employees; from += 500) {
    const customers: Partial<Customer>[] = [];
    const deals: Partial<Deal>[] = [];
    const follows: Partial<FollowUp>[] = [];
    const collabs: Partial<CollaborationEvent>[] = [];
    const scores: Partial<SatisfactionScore>[] = [];
    for (let u = from; u < Math.min(employees, from + 500); u++) {
      const userid = `s${u}`;
      const skill = rnd();
      for (let c = 0, n = int(2, 10); c < n; c++) {
        const id = `c${u}-${c}`;
        const big = rnd() < 0.25 + skill * 0.3;
        customers.push({
          ...base,
          sourceId: id,
          name: `客户${id}`,
          ownerUserid: userid,
          segment: big ? 'big' : 'small',
          firstDealOn: null,
          lastDealOn: null,
          data: {},
          kind: 'enterprise',
          removedAt: null,
        });
        for (let m = int(0, 3), k = 0; m < 12; m += int(3, 6), k++) {
          const month = addMonths(FIRST, m);
          deals.push({
            ...base,
            sourceId: `d${id}-${k}`,
            customerName: `客户${id}`,
            customerSourceId: id,
            ownerUserid: userid,
            amountFen: big ? int(10_000, 200_000) * 100 : int(1_500, 9_000) * 100,
            signedOn: day(month, int(0, 27)),
            renewalYears: k > 0 && rnd() < 0.5 + skill * 0.4 ? int(1, 3) : 0,
            status: rnd() < 0.06 ? 'cancelled' : 'active',
            removedAt: null,
          });
        }
        for (let d = int(0, 20), k = 0; d < 360; d += int(14, 42), k++) {
          const at = new Date(Date.parse(`${FIRST}-01T02:00:00Z`) + d * 86_400_000);
          const sourceId = `f${id}-${k}`;
          const content = notes ? followUpText({ instanceId: sourceId, type: k % 2 ? '电话' : '拜访', participants: [] }) : null;
          follows.push({ ...base, sourceId, ownerUserid: userid, customerSourceId: id, followedAt: at, modifiedAt: null, removedAt: null, content });
          if (rnd() < 0.1 + skill * 0.5)
            collabs.push({
              ...base,
              sourceId: `e${id}-${k}`,
              userid,
              withDepartment: DEPTS[k % DEPTS.length]!,
              customerName: `客户${id}`,
              occurredOn: at.toISOString().slice(0, 10),
            });
        }
        if (rnd() < 0.3)
          scores.push({
            ...base,
            source: 'import',
            sourceId: `sat${id}`,
            customerName: `客户${id}`,
            ownerUserid: userid,
            scoreTenths: int(60, 100),
            surveyedOn: day(addMonths(FIRST, int(0, 11)), int(0, 27)),
          });
      }
    }
    await write(Customer, customers);
    await write(Deal, deals);
    await write(FollowUp, follows);
    await write(CollaborationEvent, collabs);
    await write(SatisfactionScore, scores);
  }
  return rows;
}

async function measure(kind: string, ds: DataSource): Promise<string> {
  const t0 = Date.now();
  const rows = await fill(ds);
  const filled = (Date.now() - t0) / 1000;
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = process.hrtime.bigint();
  const out = await recomputeTalent(ds, CORP, PERIOD, { bigDealFen: DEFAULT_SEGMENT_THRESHOLDS.bigDealFen, today: '2026-07-15' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const written = out.metrics + out.scores;
  // The nightly case: nothing changed since the last run, so every person is skipped (hash compared, no row written).
  const again0 = process.hrtime.bigint();
  const again = await recomputeTalent(ds, CORP, PERIOD, { bigDealFen: DEFAULT_SEGMENT_THRESHOLDS.bigDealFen, today: '2026-07-15' });
  const againSeconds = Number(process.hrtime.bigint() - again0) / 1e9;
  const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
  console.error(
    `${kind}: ${rows.toLocaleString('en')} rows written in ${filled.toFixed(1)} s; recompute ${seconds.toFixed(1)} s; unchanged re-run ${againSeconds.toFixed(1)} s`,
  );
  const cells = [
    kind,
    out.people.toLocaleString('en'),
    rows.toLocaleString('en'),
    seconds.toFixed(1),
    written.toLocaleString('en'),
    Math.round(written / seconds).toLocaleString('en'),
    `${mb(peak)} (+${mb(peak - before)})`,
    againSeconds.toFixed(1),
    `${again.written.toLocaleString('en')} / ${again.skipped.toLocaleString('en')}`,
  ];
  return `| ${cells.join(' | ')} |`;
}

async function main() {
  const lines: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liucai-talentbench-'));
  const lite = await openDatabase({ kind: 'sqlite', path: path.join(dir, 'bench.sqlite') }, { migrate: true });
  try {
    lines.push(await measure('SQLite', lite));
  } finally {
    await lite.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/liucai_bench_talent';
  await recreateMysqlDatabase(url);
  const maria = await openDatabase({ kind: 'mysql', url }, { migrate: true });
  try {
    lines.push(await measure('MariaDB', maria));
  } finally {
    await maria.destroy();
  }
  console.log(
    `\nTalent recompute of ${PERIOD}, ${employees.toLocaleString('en')} salespeople with a year of CRM rows${notes ? ', follow-ups with notes' : ', follow-ups without notes (--no-notes)'}`,
  );
  console.log(
    '| database | people | source rows | recompute s | rows written | rows written / s | peak RSS MB (during) | unchanged re-run s | people rewritten / skipped on re-run |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const l of lines) console.log(l);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
