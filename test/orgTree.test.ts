import type { DataSource } from 'typeorm';
import type { OrgTree } from '@liucai/shared';
import { buildCorp, buildDepartment, buildUser, onBothDatabases } from './support/factories';
import { createTestWorld, syncWorld, type TestWorld } from './support/testServices';
import { TestClient } from './support/httpClient';
import { listen } from './support/testServer';
import { Department, DepartmentHeadcount, User, UserDepartment } from '../server/src/entities';
import { presentOrg } from '../server/src/modules/people/presenters/org';
import { refreshDepartmentHeadcounts } from '../server/src/modules/people/commands/departmentHeadcountRefresher';
import { descendantsOf } from '../server/src/modules/access/policies/scope';
import { createOrgSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import { runOrgSync } from '../server/src/modules/sync/commands/orgSyncer';

jest.setTimeout(60000);

/** 留才科技 → 销售部 → (华东组, 华南组); 人事部. Six people, one in two teams, one who left. */
async function smallOrg(ds: DataSource) {
  const corpId = await buildCorp(ds, 'orgtree');
  const root = await buildDepartment(ds, corpId, { name: '留才科技' });
  const sales = await buildDepartment(ds, corpId, { name: '销售部', parentId: root.deptId, sortOrder: 1 });
  const east = await buildDepartment(ds, corpId, { name: '华东组', parentId: sales.deptId, sortOrder: 1 });
  const south = await buildDepartment(ds, corpId, { name: '华南组', parentId: sales.deptId, sortOrder: 2 });
  const boss = await buildUser(ds, corpId, { name: '王经理', deptIds: [sales.deptId] });
  const hr = await buildDepartment(ds, corpId, { name: '人事部', parentId: root.deptId, sortOrder: 2, managerUserids: [] });
  await ds.getRepository(Department).update({ corpId, deptId: sales.deptId }, { managerUserids: [boss.userid] });
  const a = await buildUser(ds, corpId, { deptIds: [east.deptId] });
  await buildUser(ds, corpId, { deptIds: [east.deptId, south.deptId] }); // in both teams: once in 销售部's total
  await buildUser(ds, corpId, { deptIds: [south.deptId] });
  await buildUser(ds, corpId, { deptIds: [hr.deptId] });
  await buildUser(ds, corpId, { deptIds: [east.deptId], status: 'left', leftOn: '2026-10-31' });
  return { corpId, root, sales, east, south, hr, a };
}

const counts = (tree: OrgTree) => Object.fromEntries(tree.departments.map((d) => [d.name, [d.headcount, d.totalHeadcount, d.childCount]]));

describe('department tree a level at a time, with precomputed headcounts', () => {
  it('answers the roots and their children, a department’s children, searches with paths, and all (MariaDB and SQLite)', async () => {
    await onBothDatabases('orgtree', async (ds) => {
      const o = await smallOrg(ds);
      expect(await refreshDepartmentHeadcounts(ds, o.corpId)).toBe(5);
      const everyone = new Set([o.root, o.sales, o.east, o.south, o.hr].map((d) => d.deptId));

      const roots = await presentOrg(ds, o.corpId, everyone, { kind: 'roots' });
      expect(roots.view).toBe('roots');
      // [direct, total, sub-departments]: the person in both teams counts once in 销售部 and the company; the leaver nowhere.
      expect(counts(roots)).toEqual({ 留才科技: [0, 5, 2], 销售部: [1, 4, 2], 人事部: [1, 1, 0] });
      expect(roots.totals).toEqual({ departments: 5, headcount: 5 });
      expect(roots.departments.find((d) => d.name === '销售部')!.managers.map((m) => m.name)).toEqual(['王经理']);

      const children = await presentOrg(ds, o.corpId, everyone, { kind: 'children', parentId: o.sales.deptId });
      expect(counts(children)).toEqual({ 华东组: [2, 2, 0], 华南组: [2, 2, 0] });
      expect(children.departments.map((d) => d.parentId)).toEqual([o.sales.deptId, o.sales.deptId]);

      const found = await presentOrg(ds, o.corpId, everyone, { kind: 'search', q: '华南' });
      expect(found.departments.map((d) => d.name)).toEqual(['留才科技', '销售部', '华南组']);
      const byManager = await presentOrg(ds, o.corpId, everyone, { kind: 'search', q: '王经理' });
      expect(byManager.departments.map((d) => d.name)).toEqual(['留才科技', '销售部']);
      expect((await presentOrg(ds, o.corpId, everyone, { kind: 'all' })).departments).toHaveLength(5);

      // HR scoped to 销售部: it is the root; 人事部 is neither listed nor expandable.
      const scoped = descendantsOf([o.root, o.sales, o.east, o.south, o.hr], [o.sales.deptId]);
      const hrRoots = await presentOrg(ds, o.corpId, scoped, { kind: 'roots' });
      expect(hrRoots.departments.map((d) => [d.name, d.parentId])).toEqual([
        ['销售部', null],
        ['华东组', o.sales.deptId],
        ['华南组', o.sales.deptId],
      ]);
      expect(hrRoots.totals).toEqual({ departments: 3, headcount: 4 });
      await expect(presentOrg(ds, o.corpId, scoped, { kind: 'children', parentId: o.hr.deptId })).rejects.toMatchObject({ id: 'not_found' });
      expect((await presentOrg(ds, o.corpId, scoped, { kind: 'search', q: '人事' })).departments).toEqual([]);
      // An actor's scope gives the same answers as the set of departments it covers, read from the same tree.
      const subtrees = { kind: 'subtrees', roots: [o.sales.deptId] } as const;
      expect(await presentOrg(ds, o.corpId, subtrees, { kind: 'roots' })).toEqual(hrRoots);
      expect((await presentOrg(ds, o.corpId, subtrees, { kind: 'search', q: '王经理' })).departments.map((d) => d.name)).toEqual(['销售部']);
      const whole = await presentOrg(ds, o.corpId, { kind: 'all' }, { kind: 'all' });
      expect(whole.departments).toHaveLength(5);
      // The picker (no managers) lists the same departments in the same order with the same counts, from kept rows.
      const picker = await presentOrg(ds, o.corpId, { kind: 'all' }, { kind: 'all' }, { managers: false });
      expect(picker).toEqual({ ...whole, departments: whole.departments.map((d) => ({ ...d, managers: [] })) });
      expect(whole.departments.some((d) => d.managers.length > 0)).toBe(true);
      expect(await presentOrg(ds, o.corpId, { kind: 'none' }, { kind: 'all' })).toMatchObject({ departments: [], totals: { departments: 0, headcount: 0 } });
    });
  });

  it('recounts when people leave or move, writing only the rows that changed (MariaDB and SQLite)', async () => {
    await onBothDatabases('orgcount', async (ds) => {
      const o = await smallOrg(ds);
      await refreshDepartmentHeadcounts(ds, o.corpId);
      expect(await refreshDepartmentHeadcounts(ds, o.corpId)).toBe(0);
      await ds.getRepository(User).update({ corpId: o.corpId, userid: o.a.userid }, { status: 'left', leftOn: '2026-11-30' });
      await buildUser(ds, o.corpId, { deptIds: [o.hr.deptId] });
      // 华东组, 销售部 and 留才科技 lose one; 人事部 gains one (the company's total is unchanged: 5 - 1 + 1).
      expect(await refreshDepartmentHeadcounts(ds, o.corpId)).toBe(3);
      const rows = await ds.getRepository(DepartmentHeadcount).findBy({ corpId: o.corpId });
      const by = new Map(rows.map((r) => [Number(r.deptId), [r.headcount, r.totalHeadcount]]));
      expect(by.get(o.east.deptId)).toEqual([1, 1]);
      expect(by.get(o.sales.deptId)).toEqual([1, 3]);
      expect(by.get(o.hr.deptId)).toEqual([2, 2]);
      expect(by.get(o.root.deptId)).toEqual([0, 5]);
      // A department without counts yet (e.g. created since) is counted on first read.
      const fresh = await buildDepartment(ds, o.corpId, { name: '华北组', parentId: o.sales.deptId, sortOrder: 3 });
      await buildUser(ds, o.corpId, { deptIds: [fresh.deptId] });
      const everyone = new Set([o.root, o.sales, o.east, o.south, o.hr, fresh].map((d) => d.deptId));
      const children = await presentOrg(ds, o.corpId, everyone, { kind: 'children', parentId: o.sales.deptId });
      expect(counts(children)['华北组']).toEqual([1, 1, 0]);
    });
  });
});

describe('GET /api/v1/org/departments on a synced sandbox company', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    w = await createTestWorld({ label: 'orgapi', employees: 300, seed: 11 });
    await syncWorld(w);
    server = await listen(w);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  /** Distinct active members of a department and everything below it, counted straight from the tables. */
  async function recount(deptId: number): Promise<number> {
    const depts = await w.ds.getRepository(Department).find({ where: { corpId: w.corpId, active: true } });
    const below = descendantsOf(
      depts.map((d) => ({ deptId: Number(d.deptId), parentId: d.parentId === null ? null : Number(d.parentId) })),
      [deptId],
    );
    const active = new Set((await w.ds.getRepository(User).findBy({ corpId: w.corpId, status: 'active' })).map((u) => u.userid));
    const members = await w.ds.getRepository(UserDepartment).findBy({ corpId: w.corpId });
    return new Set(members.filter((m) => below.has(Number(m.deptId)) && active.has(m.userid)).map((m) => m.userid)).size;
  }

  it('gives HR its roots first, children on expand with the org sync’s headcounts, and 404 outside its scope', async () => {
    const hr = new TestClient(server.url);
    await hr.signIn(w.sandbox!.demoUsers.hr, w.corpId);
    const first = await hr.call<OrgTree>('GET', '/api/v1/org/departments');
    expect(first.status).toBe(200);
    const sales = first.body.data.departments.find((d) => d.name === '销售中心')!;
    expect(sales.parentId).toBeNull();
    expect(sales.childCount).toBeGreaterThan(0);
    expect(sales.totalHeadcount).toBe(await recount(sales.id));
    // Only the roots' children came along: nothing deeper.
    const ids = new Set(first.body.data.departments.map((d) => d.id));
    expect(first.body.data.departments.every((d) => d.parentId === null || d.parentId === sales.id)).toBe(true);
    expect(first.body.data.totals.headcount).toBe(sales.totalHeadcount);

    const region = first.body.data.departments.find((d) => d.parentId === sales.id && d.childCount > 0)!;
    const expanded = await hr.call<OrgTree>('GET', `/api/v1/org/departments?parentId=${region.id}`);
    expect(expanded.body.data.view).toBe('children');
    expect(expanded.body.data.departments).toHaveLength(region.childCount);
    for (const d of expanded.body.data.departments) {
      expect(ids.has(d.id)).toBe(false);
      expect(d.totalHeadcount).toBe(await recount(d.id));
    }

    const tech = await w.ds.getRepository(Department).findOneByOrFail({ corpId: w.corpId, name: '技术部' });
    const outside = await hr.call('GET', `/api/v1/org/departments?parentId=${tech.deptId}`);
    expect(outside.status).toBe(404);
    const bad = await hr.call('GET', '/api/v1/org/departments?parentId=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('输入有误：上级部门应为正整数');
    expect(bad.body.error.details).toEqual([{ field: 'parentId', label: '上级部门', message: '应为正整数' }]);
    const both = await hr.call('GET', `/api/v1/org/departments?parentId=${region.id}&q=x`);
    expect(both.status).toBe(400);
    expect(both.body.error.message).toBe('输入有误：搜索词不能与 parentId 或 all 同时使用');
  });

  it('keeps headcounts true after an org sync that brings a new person', async () => {
    const admin = new TestClient(server.url);
    await admin.signIn(w.sandbox!.demoUsers.admin, w.corpId);
    const before = (await admin.call<OrgTree>('GET', '/api/v1/org/departments')).body.data;
    w.sandboxHandle.corps.get(w.corpId)!.addUser({ name: '新同事' });
    const run = await createOrgSyncRun(w.ds, w.corpId, 'manual', null);
    await runOrgSync({ ds: w.ds, source: w.dingtalk, apiCalls: () => w.dingtalk.callCount(), concurrency: 4 }, run!.id, { finalAttempt: true });
    const after = (await admin.call<OrgTree>('GET', '/api/v1/org/departments')).body.data;
    expect(after.totals.headcount).toBe(before.totals.headcount + 1);
    const root = after.departments.find((d) => d.parentId === null)!;
    expect(root.totalHeadcount).toBe(await recount(root.id));
  });
});
