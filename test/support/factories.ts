/**
 * Small factories for domain tests: build just the rows a test needs, on MariaDB (the run's migrated database) or
 * an embedded SQLite database, instead of syncing a whole sandbox company. Each returns the row it wrote.
 * Full sandbox worlds stay for the sync and browser tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../server/src/db/dataSource';
import {
  AttendanceResult,
  ClockRecord,
  CollaborationEvent,
  Corp,
  Customer,
  Deal,
  Department,
  Departure,
  FollowUp,
  HrScope,
  ImportRun,
  LeaveRecord,
  SatisfactionScore,
  SyncRun,
  TrainingRecord,
  User,
  UserDepartment,
} from '../../server/src/entities';
import { nameSearchKeys } from '../../server/src/modules/people/nameSearchKeys';
import { createSession, SESSION_COOKIE } from '../../server/src/modules/access/auth/sessions';
import { TestClient } from './httpClient';
import type { Actor } from '../../server/src/appTypes';
import type { Role } from '@liucai/shared';
import { openTestDb } from './testServices';
import { uniqueCorpId } from './testEnv';

let seq = 0;
const next = () => ++seq;

/** A fresh corp row on `ds`; tests isolate by corp, never by mocks. */
export async function buildCorp(ds: DataSource, label = 'f'): Promise<string> {
  const corpId = uniqueCorpId(label);
  await ds.getRepository(Corp).insert({ corpId, name: `测试公司${label}`, agentId: 1 });
  return corpId;
}

/** A department (active) under `parentId` (null for the root). */
export async function buildDepartment(ds: DataSource, corpId: string, over: Partial<Department> = {}): Promise<Department> {
  const row = Object.assign(new Department(), {
    corpId,
    deptId: over.deptId ?? 1000 + next(),
    parentId: null,
    name: `部门${seq}`,
    sortOrder: 0,
    managerUserids: [],
    active: true,
    ...over,
  });
  await ds.getRepository(Department).insert(row);
  return row;
}

/** An active person; `deptIds` become memberships (the first is the main department unless `mainDeptId` is given). */
export async function buildUser(ds: DataSource, corpId: string, over: Partial<User> & { deptIds?: number[] } = {}): Promise<User> {
  const { deptIds = [], ...fields } = over;
  const n = next();
  const name = fields.name ?? `员工${n}`;
  const keys = nameSearchKeys(name);
  const row = Object.assign(new User(), {
    corpId,
    userid: `u${n}`,
    unionid: null,
    name,
    nameInitials: keys.initials,
    namePinyin: keys.pinyin,
    title: null,
    jobNumber: null,
    avatar: null,
    hiredOn: null,
    mainDeptId: deptIds[0] ?? null,
    inOtherDepts: false,
    managerUserid: null,
    supervisorUserid: null,
    isAdmin: false,
    isBoss: false,
    status: 'active' as const,
    leftOn: null,
    ...fields,
  });
  // Kept with the memberships, as the org sync keeps it (peopleScope.ts reads memberships only for these people).
  row.inOtherDepts = deptIds.some((d) => d !== row.mainDeptId);
  await ds.getRepository(User).insert(row);
  if (deptIds.length > 0) {
    await ds.getRepository(UserDepartment).insert(deptIds.map((deptId) => ({ corpId, userid: row.userid, deptId, isLeader: false })));
  }
  return row;
}

/** Grant HR scope over departments (as an admin would in 角色设置). */
export async function grantHrScope(ds: DataSource, corpId: string, userid: string, deptIds: number[]): Promise<void> {
  await ds.getRepository(HrScope).insert(deptIds.map((deptId) => ({ corpId, userid, deptId, grantedBy: 'factory', grantedAt: new Date() })));
}

/** An actor as the authenticate middleware would build it. */
export function actorFor(user: Pick<User, 'corpId' | 'userid'>, roles: Role[] = ['employee'], hrDeptIds: number[] = []): Actor {
  return { corpId: user.corpId, userid: user.userid, roles, hrDeptIds };
}

/** A signed deal (DingTalk-sourced unless `source` says otherwise). */
export async function buildDeal(ds: DataSource, corpId: string, over: Partial<Deal> = {}): Promise<Deal> {
  const n = next();
  const row = Object.assign(new Deal(), {
    corpId,
    source: 'dingtalk' as const,
    sourceId: `deal-${n}`,
    importedAt: new Date(),
    customerName: `客户${n}`,
    customerSourceId: null,
    ownerUserid: null,
    amountFen: 1_000_000,
    signedOn: '2026-11-02',
    renewalYears: 0,
    status: 'active' as Deal['status'],
    removedAt: null,
    ...over,
  });
  await ds.getRepository(Deal).insert(row);
  return row;
}

/** A CRM follow-up record. */
export async function buildFollowUp(ds: DataSource, corpId: string, over: Partial<FollowUp> = {}): Promise<FollowUp> {
  const n = next();
  const row = Object.assign(new FollowUp(), {
    corpId,
    source: 'dingtalk' as const,
    sourceId: `follow-${n}`,
    importedAt: new Date(),
    ownerUserid: null,
    customerSourceId: null,
    followedAt: new Date('2026-11-02T02:00:00Z'),
    modifiedAt: null,
    removedAt: null,
    ...over,
  });
  await ds.getRepository(FollowUp).insert(row);
  return row;
}

/** A cross-department collaboration event. */
export async function buildCollaboration(ds: DataSource, corpId: string, over: Partial<CollaborationEvent> & { userid: string }): Promise<CollaborationEvent> {
  const n = next();
  const row = Object.assign(new CollaborationEvent(), {
    corpId,
    source: 'import' as const,
    sourceId: `collab-${n}`,
    importedAt: new Date(),
    withDepartment: '技术部',
    customerName: null,
    occurredOn: '2026-11-02',
    ...over,
  });
  await ds.getRepository(CollaborationEvent).insert(row);
  return row;
}

/** A customer (DingTalk-sourced unless `source` says otherwise). */
export async function buildCustomer(ds: DataSource, corpId: string, over: Partial<Customer> = {}): Promise<Customer> {
  const n = next();
  const row = Object.assign(new Customer(), {
    corpId,
    source: 'dingtalk' as const,
    sourceId: `cust-${n}`,
    importedAt: new Date(),
    name: `客户${n}`,
    ownerUserid: null,
    segment: null,
    firstDealOn: null,
    lastDealOn: null,
    data: {},
    kind: 'enterprise' as const,
    removedAt: null,
    ...over,
  });
  await ds.getRepository(Customer).insert(row as never);
  return row;
}

/** One scheduled check of one work day (DingTalk-sourced unless `source` says otherwise). */
export async function buildAttendance(
  ds: DataSource,
  corpId: string,
  over: Partial<AttendanceResult> & { userid: string; workDate: string },
): Promise<AttendanceResult> {
  const n = next();
  const row = Object.assign(new AttendanceResult(), {
    corpId,
    source: 'dingtalk' as const,
    sourceId: `att-${n}`,
    importedAt: new Date(),
    checkType: 'OnDuty' as const,
    timeResult: 'Normal' as const,
    locationResult: null,
    baseCheckAt: null,
    userCheckAt: null,
    approveId: null,
    ...over,
  });
  await ds.getRepository(AttendanceResult).insert(row);
  return row;
}

/** An approved one-day leave of `userid` on `day` (default 2026-11-03), 09:00 to 18:00 Beijing, DingTalk-sourced unless said otherwise. */
export async function buildLeave(ds: DataSource, corpId: string, over: Partial<LeaveRecord> & { userid: string; day?: string }): Promise<LeaveRecord> {
  const n = next();
  const { day = '2026-11-03', ...fields } = over;
  const row = Object.assign(new LeaveRecord(), {
    corpId,
    source: 'dingtalk' as const,
    sourceId: `leave-${n}`,
    importedAt: new Date(),
    leaveType: '事假',
    startAt: new Date(`${day}T09:00:00+08:00`),
    endAt: new Date(`${day}T18:00:00+08:00`),
    durationUnit: 'day' as const,
    durationHundredths: 100,
    approvalState: 'approved' as const,
    ...fields,
  });
  await ds.getRepository(LeaveRecord).insert(row);
  return row;
}

/** A training record (imported unless said otherwise). */
export async function buildTraining(ds: DataSource, corpId: string, over: Partial<TrainingRecord> & { userid: string }): Promise<TrainingRecord> {
  const n = next();
  const row = Object.assign(new TrainingRecord(), {
    corpId,
    source: 'import' as const,
    sourceId: `train-${n}`,
    importedAt: new Date(),
    course: `课程${n}`,
    completionPercent: 100,
    examScore: 90,
    completedOn: '2026-10-20',
    ...over,
  });
  await ds.getRepository(TrainingRecord).insert(row);
  return row;
}

/** A satisfaction score (imported unless said otherwise). */
export async function buildSatisfaction(ds: DataSource, corpId: string, over: Partial<SatisfactionScore> = {}): Promise<SatisfactionScore> {
  const n = next();
  const row = Object.assign(new SatisfactionScore(), {
    corpId,
    source: 'import' as const,
    sourceId: `sat-${n}`,
    importedAt: new Date(),
    customerName: `客户${n}`,
    ownerUserid: null,
    scoreTenths: 92,
    surveyedOn: '2026-10-15',
    ...over,
  });
  await ds.getRepository(SatisfactionScore).insert(row);
  return row;
}

/** A departure record (DingTalk-sourced unless said otherwise). */
export async function buildDeparture(ds: DataSource, corpId: string, over: Partial<Departure> & { userid: string }): Promise<Departure> {
  const n = next();
  const row = Object.assign(new Departure(), {
    corpId,
    source: 'dingtalk' as const,
    sourceId: `dep-${n}`,
    importedAt: new Date(),
    name: null,
    lastDay: '2026-09-30',
    reasonType: 3,
    reason: null,
    mainDeptId: null,
    ...over,
  });
  await ds.getRepository(Departure).insert(row);
  return row;
}

/** An API client already signed in as `user` (a session row, as 免登 would leave), for API tests on factory rows. */
export async function clientAs(ds: DataSource, baseUrl: string, user: Pick<User, 'corpId' | 'userid'>): Promise<TestClient> {
  const token = await createSession(ds, user.corpId, user.userid, 1);
  const client = new TestClient(baseUrl);
  client.cookie = `${SESSION_COOKIE}=${token}`;
  return client;
}

/** A finished import run (as if `createdBy` had committed a file). */
export async function buildImportRun(ds: DataSource, corpId: string, over: Partial<ImportRun> & { createdBy: string }): Promise<ImportRun> {
  const row = Object.assign(new ImportRun(), {
    corpId,
    kind: 'deals' as ImportRun['kind'],
    fileName: `run-${next()}.csv`,
    status: 'succeeded' as ImportRun['status'],
    rowsTotal: 1,
    rowsDone: 1,
    bytesDone: 10,
    bytesTotal: 10,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    warnings: '[]',
    error: null,
    fileHeaders: '[]',
    createdAt: new Date(),
    finishedAt: new Date(),
    ...over,
  });
  return ds.getRepository(ImportRun).save(row);
}

/** One scheduled check's result, clocked on time at 09:00 Beijing, of `userid` on `workDate`. */
export function buildAttendanceResult(
  ds: DataSource,
  corpId: string,
  over: Partial<AttendanceResult> & { userid: string; workDate: string },
): Promise<AttendanceResult> {
  const at = new Date(`${over.workDate}T09:00:00+08:00`);
  return buildAttendance(ds, corpId, { locationResult: 'Normal', baseCheckAt: at, userCheckAt: at, ...over });
}

/** One raw clock record of `userid` on `workDate` at 09:00 Beijing. */
export async function buildClockRecord(
  ds: DataSource,
  corpId: string,
  over: Partial<ClockRecord> & { userid: string; workDate: string },
): Promise<ClockRecord> {
  const n = next();
  const row = Object.assign(new ClockRecord(), {
    corpId,
    source: 'dingtalk' as const,
    sourceId: `clock-${n}`,
    importedAt: new Date(),
    checkAt: new Date(`${over.workDate}T09:00:00+08:00`),
    checkType: 'OnDuty',
    sourceType: 'ATM',
    timeResult: 'Normal',
    locationResult: 'Normal',
    locationMethod: 'MAP',
    address: null,
    deviceId: null,
    outsideRemark: null,
    ...over,
  });
  await ds.getRepository(ClockRecord).insert(row);
  return row;
}

/** A finished sync run of `kind` (succeeded unless `status` says otherwise), finished at `at`. */
export async function buildSyncRun(ds: DataSource, corpId: string, kind: SyncRun['kind'], at: Date, over: Partial<SyncRun> = {}): Promise<SyncRun> {
  const row = ds.getRepository(SyncRun).create({
    corpId,
    kind,
    status: 'succeeded',
    trigger: 'schedule',
    phase: 'done',
    requestedBy: null,
    createdAt: at,
    startedAt: at,
    finishedAt: at,
    error: null,
    note: null,
    ...over,
  });
  return ds.getRepository(SyncRun).save(row);
}

/** Run `fn` on the MariaDB test database and on a fresh embedded SQLite database built by its migrations. */
export async function onBothDatabases(label: string, fn: (ds: DataSource, kind: 'mariadb' | 'sqlite') => Promise<void>): Promise<void> {
  const maria = await openTestDb();
  try {
    await fn(maria, 'mariadb');
  } finally {
    await maria.destroy();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `liucai-${label}-`));
  const lite = await openDatabase({ kind: 'sqlite', path: path.join(dir, 'liucai.sqlite') }, { migrate: true });
  try {
    await fn(lite, 'sqlite');
  } finally {
    await lite.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A stored weekly risk row (the rule only, no model) of `userid` for `weekStart`, with `band`. */
export function retentionRiskRow(corpId: string, userid: string, band: string | null, weekStart: string) {
  return {
    corpId,
    userid,
    weekStart,
    baseline: 'ok' as const,
    baselineWeeks: 12,
    ruleVersion: 'article-rule-v1',
    ruleFired: false,
    ruleProbabilityBp: null,
    communicationChangeBp: null,
    leaveChangeBp: null,
    modelVersion: null,
    modelProbabilityBp: null,
    band,
    explanation: { ruleReason: '未同时满足', drivers: [], modelNote: null, signals: {} },
    computedAt: new Date(),
  };
}
