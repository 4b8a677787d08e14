/**
 * People directory and person page at scale (`npm run bench:people -- --employees 10000`): a generated company
 * written straight into SQLite (a temporary file) and MariaDB (BENCH_DATABASE_URL, default liucai_bench_people),
 * then each query the 人员 and 员工档案 pages make, timed request by request as HR (scoped to 销售中心) and as an
 * admin: p50 / p99 / max in milliseconds. Prints a table; changes nothing else.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../db/dataSource';
import { recreateMysqlDatabase } from '../db/adminConnection';
import { generateCorp } from '../dingtalk/sandbox/generateCorp';
import { AttendanceResult, Corp, Deal, Department, HrScope, LeaveRecord, User, UserDepartment } from '../entities';
import { loadConfig } from '../config';
import { nameSearchKeys } from '../modules/people/nameSearchKeys';
import { listPeople, type DirectoryFilters } from '../modules/people/queries/peopleDirectory';
import { loadDepartmentIndex } from '../modules/people/queries/departmentIndex';
import { findPersonInScope } from '../modules/people/queries/personInScope';
import { presentPersonProfile } from '../modules/people/presenters/personProfile';
import { PERSON_TABS } from '../modules/people/tabs';
import { shanghaiDate, addDays } from '../util/dates';
import { numberArg } from './benchArgs';
import type { Actor } from '../appTypes';

const CORP = 'dingpeoplebench';
const employees = numberArg('employees', 10000);
const rounds = numberArg('requests', 200);

async function fill(ds: DataSource): Promise<{ hrDept: number; person: string }> {
  const corp = generateCorp({ corpId: CORP, corpName: '基准测试公司', appKey: 'k', appSecret: 's', agentId: 1, seed: 42, employees });
  await ds.getRepository(Corp).insert({ corpId: CORP, name: '基准测试公司', agentId: 1 });
  const depts = [...corp.departments.values()];
  const users = [...corp.users.values()];
  const batches = async <T>(rows: T[], write: (slice: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
  };
  await batches(depts, (slice) =>
    ds.getRepository(Department).insert(
      slice.map((d) => ({
        corpId: CORP,
        deptId: d.dept_id,
        parentId: d.parent_id ?? null,
        name: d.name,
        sortOrder: d.order,
        managerUserids: d.dept_manager_userid_list,
        active: true,
      })),
    ),
  );
  await batches(users, (slice) =>
    ds.getRepository(User).insert(
      slice.map((u) => {
        const keys = nameSearchKeys(u.name);
        return {
          corpId: CORP,
          userid: u.userid,
          name: u.name,
          nameInitials: keys.initials,
          namePinyin: keys.pinyin,
          title: u.title || null,
          jobNumber: u.job_number || null,
          mainDeptId: u.dept_id_list[0] ?? null,
          inOtherDepts: u.dept_id_list.length > 1,
          hiredOn: shanghaiDate(u.hired_date),
          supervisorUserid: corp.supervisorOf(u) ?? null,
          isAdmin: false,
          isBoss: false,
          status: 'active' as const,
        };
      }),
    ),
  );
  const members = users.flatMap((u) => u.dept_id_list.map((deptId) => ({ corpId: CORP, userid: u.userid, deptId, isLeader: false })));
  await batches(members, (slice) => ds.getRepository(UserDepartment).insert(slice));
  const sales = depts.find((d) => d.name === '销售中心')!;
  await ds.getRepository(HrScope).insert({ corpId: CORP, userid: corp.demoUsers.hr, deptId: sales.dept_id, grantedBy: 'bench', grantedAt: new Date() });
  // A year of attendance, some leave and deals for the person whose page is opened.
  const person = corp.demoUsers.employee;
  const rows: Partial<AttendanceResult>[] = [];
  for (let d = 0; d < 365; d++) {
    const day = addDays('2025-11-01', d);
    for (const checkType of ['OnDuty', 'OffDuty'] as const) {
      rows.push({
        corpId: CORP,
        source: 'dingtalk',
        sourceId: `a-${day}-${checkType}`,
        importedAt: new Date(),
        userid: person,
        workDate: day,
        checkType,
        timeResult: d % 17 === 0 ? 'Late' : 'Normal',
      });
    }
  }
  await batches(rows, (slice) => ds.getRepository(AttendanceResult).insert(slice as AttendanceResult[]));
  const leaves = Array.from({ length: 30 }, (_, i) => ({
    corpId: CORP,
    source: 'dingtalk' as const,
    sourceId: `l-${i}`,
    importedAt: new Date(),
    userid: person,
    leaveType: '事假',
    startAt: new Date(Date.UTC(2026, i % 12, 3)),
    endAt: new Date(Date.UTC(2026, i % 12, 3, 9)),
    durationUnit: 'day' as const,
    durationHundredths: 100,
    approvalState: 'approved' as const,
  }));
  await ds.getRepository(LeaveRecord).insert(leaves);
  const deals = Array.from({ length: 60 }, (_, i) => ({
    corpId: CORP,
    source: 'dingtalk' as const,
    sourceId: `d-${i}`,
    importedAt: new Date(),
    customerName: `客户${i}`,
    ownerUserid: person,
    amountFen: 200_000 + i * 30_000,
    signedOn: addDays('2025-01-01', i * 6),
    renewalYears: 0,
    status: 'active' as const,
  }));
  await ds.getRepository(Deal).insert(deals);
  return { hrDept: sales.dept_id, person };
}

async function timed(fn: () => Promise<unknown>): Promise<{ p50: number; p99: number; max: number }> {
  for (let i = 0; i < 5; i++) await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  return { p50: at(0.5), p99: at(0.99), max: ms[ms.length - 1]! };
}

async function measure(kind: string, ds: DataSource) {
  const { hrDept, person } = await fill(ds);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const hr: Actor = { corpId: CORP, userid: 'demo-hr', roles: ['employee', 'hr'], hrDeptIds: [hrDept] };
  const admin: Actor = { corpId: CORP, userid: 'demo-admin', roles: ['employee', 'admin'], hrDeptIds: [] };
  const page = { page: 1, pageSize: 20 };
  const list =
    (actor: Actor, f: Partial<DirectoryFilters>, p = page) =>
    () =>
      listPeople(ds, actor, { status: 'active', sort: 'name', ...f }, p);
  const cases: [string, () => Promise<unknown>][] = [
    ['directory, HR, first page', list(hr, {})],
    ['directory, HR, page 50, by hire date', list(hr, { sort: '-hiredOn' }, { page: 50, pageSize: 20 })],
    ['directory, HR, search initials “zs”', list(hr, { q: 'zs' })],
    ['directory, HR, search name “张”', list(hr, { q: '张' })],
    ['directory, HR, search department “一组”', list(hr, { q: '一组' })],
    ['directory, admin, first page', list(admin, {})],
    ['directory, admin, department + hire dates', list(admin, { deptId: hrDept, hiredFrom: '2020-01-01', hiredTo: '2024-12-31' })],
    [
      'person page, HR (profile)',
      async () => {
        const depts = await loadDepartmentIndex(ds, CORP);
        const { person: p, scope } = await findPersonInScope(ds, hr, person, depts);
        return presentPersonProfile(ds, hr, p, scope, depts);
      },
    ],
    ...PERSON_TABS.map((tab): [string, () => Promise<unknown>] => [
      `person tab ${tab.key}, HR`,
      async () => {
        const depts = await loadDepartmentIndex(ds, CORP);
        const { person: p } = await findPersonInScope(ds, hr, person, depts);
        return tab.list({ ds, config, actor: hr, person: p, page });
      },
    ]),
  ];
  const total = (await listPeople(ds, hr, { status: 'active', sort: 'name' }, page)).total;
  console.log(`\n${kind}: ${employees} people, ${await ds.getRepository(Department).countBy({ corpId: CORP })} departments; HR (销售中心) sees ${total}`);
  console.log('| query | p50 ms | p99 ms | max ms |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, fn] of cases) {
    const t = await timed(fn);
    console.log(`| ${name} | ${t.p50.toFixed(1)} | ${t.p99.toFixed(1)} | ${t.max.toFixed(1)} |`);
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liucai-peoplebench-'));
  const lite = await openDatabase({ kind: 'sqlite', path: path.join(dir, 'bench.sqlite') }, { migrate: true });
  try {
    await measure('SQLite', lite);
  } finally {
    await lite.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/liucai_bench_people';
  await recreateMysqlDatabase(url);
  const maria = await openDatabase({ kind: 'mysql', url }, { migrate: true });
  try {
    await measure('MariaDB', maria);
  } finally {
    await maria.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
