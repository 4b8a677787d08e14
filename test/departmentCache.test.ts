import type { DataSource } from 'typeorm';
import { actorFor, buildCorp, buildDepartment, onBothDatabases } from './support/factories';
import { createTestWorld, openTestDb, syncWorld, type TestWorld } from './support/testServices';
import { openDatabase } from '../server/src/db/dataSource';
import { Department } from '../server/src/entities';
import { loadDepartmentIndex } from '../server/src/modules/people/queries/departmentIndex';
import { visibleDepartmentIds } from '../server/src/modules/access/policies/scope';
import { corpDepartments } from '../server/src/modules/people/queries/corpDepartments';
import { createOrgSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import { runOrgSync } from '../server/src/modules/sync/commands/orgSyncer';
import { departmentChain } from '../server/src/modules/pay/queries/planResolution';
import { presentOrg } from '../server/src/modules/people/presenters/org';

jest.setTimeout(120000);

const hrOf = (corpId: string, deptIds: number[]) => actorFor({ corpId, userid: 'hr-1' }, ['hr'], deptIds);

describe('the departments the web process keeps, per corp and org version', () => {
  it('reflects every write to departments on the next use: rename, move, deactivate, delete, raw SQL (MariaDB and SQLite)', async () => {
    await onBothDatabases('deptcache', async (ds: DataSource) => {
      const corpId = await buildCorp(ds, 'deptcache');
      const root = await buildDepartment(ds, corpId, { name: '总部' });
      const sales = await buildDepartment(ds, corpId, { name: '销售部', parentId: root.deptId });
      const team = await buildDepartment(ds, corpId, { name: '一组', parentId: sales.deptId });
      const first = await loadDepartmentIndex(ds, corpId);
      expect(first.path(team.deptId)).toBe('销售部 / 一组');
      // Unchanged: the same index, no second read of the rows.
      expect(await loadDepartmentIndex(ds, corpId)).toBe(first);
      expect(await visibleDepartmentIds(ds, hrOf(corpId, [sales.deptId]))).toEqual(new Set([sales.deptId, team.deptId]));

      // A caller changing its set changes no other request's.
      (await visibleDepartmentIds(ds, hrOf(corpId, [sales.deptId]))).add(root.deptId);
      expect(await visibleDepartmentIds(ds, hrOf(corpId, [sales.deptId]))).toEqual(new Set([sales.deptId, team.deptId]));
      expect(await visibleDepartmentIds(ds, hrOf(corpId, [team.deptId]))).toEqual(new Set([team.deptId]));
      await ds.getRepository(Department).update({ corpId, deptId: sales.deptId }, { name: '营销部' });
      expect((await loadDepartmentIndex(ds, corpId)).path(team.deptId)).toBe('营销部 / 一组');

      // Pay's department chain (a job assignment on a department above applies) comes from the same kept rows.
      expect(await departmentChain(ds, corpId, team.deptId)).toEqual([team.deptId, sales.deptId, root.deptId]);
      await ds.getRepository(Department).update({ corpId, deptId: team.deptId }, { parentId: root.deptId });
      expect(await visibleDepartmentIds(ds, hrOf(corpId, [sales.deptId]))).toEqual(new Set([sales.deptId]));
      expect(await departmentChain(ds, corpId, team.deptId)).toEqual([team.deptId, root.deptId]);

      const orgIds = async () => (await presentOrg(ds, corpId, { kind: 'all' }, { kind: 'roots' })).departments.map((d) => d.id).sort((x, y) => x - y);
      expect(await orgIds()).toEqual([root.deptId, sales.deptId, team.deptId].sort((x, y) => x - y));
      await ds.getRepository(Department).update({ corpId, deptId: team.deptId }, { active: false });
      expect((await loadDepartmentIndex(ds, corpId)).listInTreeOrder(new Set([team.deptId]))).toEqual([]);
      // 组织架构's tree, from the same kept rows, drops it too.
      expect(await orgIds()).toEqual([root.deptId, sales.deptId].sort((x, y) => x - y));

      await ds.query('UPDATE departments SET name = ? WHERE corp_id = ? AND dept_id = ?', ['总公司', corpId, root.deptId]);
      expect((await loadDepartmentIndex(ds, corpId)).ref(root.deptId)?.name).toBe('总公司');

      await ds.getRepository(Department).delete({ corpId, deptId: team.deptId });
      expect((await loadDepartmentIndex(ds, corpId)).ref(team.deptId)).toBeNull();
      const added = await buildDepartment(ds, corpId, { name: '二组', parentId: sales.deptId });
      expect((await loadDepartmentIndex(ds, corpId)).path(added.deptId)).toBe('营销部 / 二组');
    });
  });

  it('takes the org version a request read with its session: the kept rows at that version, fresh rows when it moved on (MariaDB and SQLite)', async () => {
    await onBothDatabases('deptknown', async (ds: DataSource) => {
      const corpId = await buildCorp(ds, 'deptknown');
      const root = await buildDepartment(ds, corpId, { name: '总部' });
      const orgVersion = async () =>
        Number(((await ds.query('SELECT version FROM org_versions WHERE corp_id = ?', [corpId])) as { version: number | string }[])[0]!.version);
      const atStart = await orgVersion();
      const kept = await corpDepartments(ds, corpId);
      expect(kept.version).toBe(atStart);
      // The version the request began with is the kept one: the kept rows, nothing read.
      expect(await corpDepartments(ds, corpId, atStart)).toBe(kept);
      // An org sync renames a department after another request began: that request, given the older version, reads
      // the version now and gets the renamed department (never rows older than the ones kept).
      await ds.getRepository(Department).update({ corpId, deptId: root.deptId }, { name: '总公司' });
      const fresh = await corpDepartments(ds, corpId);
      expect(fresh.version).toBeGreaterThan(atStart);
      expect((await loadDepartmentIndex(ds, corpId, atStart)).ref(root.deptId)?.name).toBe('总公司');
      expect(await corpDepartments(ds, corpId, atStart)).toBe(fresh);
      // A version newer than the kept rows (read with a session after the write, before anyone read the rows): read again.
      await ds.getRepository(Department).update({ corpId, deptId: root.deptId }, { name: '集团' });
      const newest = await orgVersion();
      const after = await corpDepartments(ds, corpId, newest);
      expect([after.version, after.rows.find((d) => d.deptId === root.deptId)?.name]).toEqual([newest, '集团']);
      expect(await corpDepartments(ds, corpId, newest)).toBe(after);
    });
  });

  it('never answers one corp with another’s departments, even with the same ids and version (MariaDB and SQLite)', async () => {
    await onBothDatabases('deptcache-corps', async (ds: DataSource) => {
      const a = await buildCorp(ds, 'deptcache-a');
      const b = await buildCorp(ds, 'deptcache-b');
      await buildDepartment(ds, a, { deptId: 1, name: '甲公司' });
      await buildDepartment(ds, b, { deptId: 1, name: '乙公司' });
      expect((await corpDepartments(ds, a)).version).toBe((await corpDepartments(ds, b)).version);
      expect((await loadDepartmentIndex(ds, a)).ref(1)?.name).toBe('甲公司');
      expect((await loadDepartmentIndex(ds, b)).ref(1)?.name).toBe('乙公司');
      expect((await loadDepartmentIndex(ds, a)).ref(1)?.name).toBe('甲公司');
      await ds.getRepository(Department).update({ corpId: b, deptId: 1 }, { name: '乙集团' });
      expect((await loadDepartmentIndex(ds, a)).ref(1)?.name).toBe('甲公司');
      expect((await loadDepartmentIndex(ds, b)).ref(1)?.name).toBe('乙集团');
    });
  });
  it('sees a write made through another connection, as the jobs’ process makes them (MariaDB and SQLite)', async () => {
    await onBothDatabases('deptcache-jobs', async (ds: DataSource, kind) => {
      const jobs = kind === 'sqlite' ? await openDatabase({ kind: 'sqlite', path: String(ds.options.database) }, { migrate: false }) : await openTestDb();
      try {
        const corpId = await buildCorp(ds, 'deptcache-jobs');
        const dept = await buildDepartment(ds, corpId, { name: '研发部' });
        expect((await loadDepartmentIndex(ds, corpId)).ref(dept.deptId)?.name).toBe('研发部');
        await jobs.transaction((em) => em.getRepository(Department).update({ corpId, deptId: dept.deptId }, { name: '产品研发部', active: false }));
        expect((await loadDepartmentIndex(ds, corpId)).ref(dept.deptId)?.name).toBe('产品研发部');
      } finally {
        await jobs.destroy();
      }
    });
  });
});

describe('the kept departments after an org sync', () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await createTestWorld({ label: 'deptcache-sync', employees: 40, seed: 7 });
    await syncWorld(w);
  });
  afterAll(async () => {
    await w.close();
  });

  it('shows a department renamed in DingTalk (org_dept_modify, then the org sync) on the next read', async () => {
    const before = await loadDepartmentIndex(w.ds, w.corpId);
    const dept = before.departments.find((d) => d.parentId !== null && d.active)!;
    w.sandboxHandle.corps.get(w.corpId)!.renameDept(dept.deptId, '改名后的部门');
    const run = await createOrgSyncRun(w.ds, w.corpId, 'manual', null);
    await runOrgSync({ ds: w.ds, source: w.dingtalk, apiCalls: () => w.dingtalk.callCount(), concurrency: 4 }, run!.id, { finalAttempt: true });
    const after = await loadDepartmentIndex(w.ds, w.corpId);
    expect(after).not.toBe(before);
    expect(after.ref(dept.deptId)?.name).toBe('改名后的部门');
  });
});
