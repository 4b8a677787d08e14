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
import { Corp, Customer, Deal, Department, FollowUp, HrScope, ImportRun, User, UserDepartment, CollaborationEvent } from '../../server/src/entities';
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
  const row = Object.assign(new User(), {
    corpId,
    userid: `u${n}`,
    unionid: null,
    name: `员工${n}`,
    title: null,
    jobNumber: null,
    avatar: null,
    hiredOn: null,
    mainDeptId: deptIds[0] ?? null,
    managerUserid: null,
    supervisorUserid: null,
    isAdmin: false,
    isBoss: false,
    status: 'active' as const,
    leftOn: null,
    ...fields,
  });
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

/** A CRM customer (DingTalk-sourced, not removed). */
export async function buildCustomer(ds: DataSource, corpId: string, over: Partial<Customer> = {}): Promise<Customer> {
  const n = next();
  const row = Object.assign(new Customer(), {
    corpId,
    source: 'dingtalk' as const,
    sourceId: `customer-${n}`,
    importedAt: new Date(),
    name: `客户${n}`,
    ownerUserid: null,
    segment: null,
    firstDealOn: null,
    lastDealOn: null,
    data: {},
    kind: 'enterprise' as Customer['kind'],
    removedAt: null,
    ...over,
  });
  await ds.getRepository(Customer).save(row);
  return row;
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
