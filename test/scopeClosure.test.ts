import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource, EntityManager, MigrationInterface } from 'typeorm';
import { openDatabase } from '../server/src/db/dataSource';
import { recreateMysqlDatabase } from '../server/src/db/adminConnection';
import { runDatabaseUrl } from './support/testEnv';
import { DepartmentClosure1768010000000 as MysqlClosure } from '../migrations/mysql/1768010000000-DepartmentClosure';
import { DepartmentClosure1768010000000 as SqliteClosure } from '../migrations/sqlite/1768010000000-DepartmentClosure';
import { Department, DepartmentClosure, User, UserDepartment } from '../server/src/entities';
import type { Actor } from '../server/src/appTypes';
import { descendantsOf } from '../server/src/modules/access/policies/scope';
import {
  membersBeyondMain,
  peopleScopeOf,
  scopeUseridsSql,
  userIdsInScope,
  visibleUserIds,
  whereInPeopleScope,
  type PeopleScope,
} from '../server/src/modules/people/policies/peopleScope';
import { listPeople } from '../server/src/modules/people/queries/peopleDirectory';
import { loadDepartmentIndex } from '../server/src/modules/people/queries/departmentIndex';
import { actorFor, buildCorp, buildDepartment, buildUser, onBothDatabases } from './support/factories';

jest.setTimeout(120000);

/**
 * The people scope before `department_closure`, as it was written (peopleScope.ts until 2026-12): the granted
 * departments expanded in memory to everything below them, the members beyond their main department read once, and
 * the rule over the constants — here in memory over every user of the corp, so it shares no SQL with the new rule.
 */
async function oldScope(db: DataSource | EntityManager, actor: Actor): Promise<string[]> {
  const corpId = actor.corpId;
  const depts = await db.getRepository(Department).find({ where: { corpId }, select: { deptId: true, parentId: true } });
  const all = actor.roles.includes('admin');
  const hr = !all && actor.roles.includes('hr');
  const deptIds = hr
    ? descendantsOf(
        depts.map((d) => ({ deptId: Number(d.deptId), parentId: d.parentId === null ? null : Number(d.parentId) })),
        actor.hrDeptIds,
      )
    : new Set<number>();
  const users = await db.getRepository(User).find({ where: { corpId } });
  const memberships = await db.getRepository(UserDepartment).find({ where: { corpId } });
  const flagged = new Set(users.filter((u) => u.inOtherDepts).map((u) => u.userid));
  const members = new Set(memberships.filter((m) => flagged.has(m.userid) && deptIds.has(Number(m.deptId))).map((m) => m.userid));
  return users
    .filter(
      (u) =>
        all ||
        u.userid === actor.userid ||
        u.supervisorUserid === actor.userid ||
        (u.mainDeptId !== null && deptIds.has(Number(u.mainDeptId))) ||
        members.has(u.userid),
    )
    .map((u) => u.userid)
    .sort();
}

/** The closure as it should be: each department with itself and every id up its parent links (a parent not synced included). */
async function expectedClosure(db: DataSource | EntityManager, corpId: string): Promise<string[]> {
  const depts = await db.getRepository(Department).find({ where: { corpId } });
  const parent = new Map(depts.map((d) => [Number(d.deptId), d.parentId === null ? null : Number(d.parentId)]));
  const out: string[] = [];
  for (const d of depts) {
    let at: number | null | undefined = Number(d.deptId);
    const seen = new Set<number>();
    while (at !== null && at !== undefined && !seen.has(at)) {
      seen.add(at);
      out.push(`${at}>${d.deptId}`);
      at = parent.get(at);
    }
  }
  return out.sort();
}

/** The closure's rows of departments that exist (a removed department's own row may stay). */
async function closureRows(db: DataSource | EntityManager, corpId: string): Promise<string[]> {
  const live = new Set((await db.getRepository(Department).find({ where: { corpId } })).map((d) => Number(d.deptId)));
  return (await db.getRepository(DepartmentClosure).find({ where: { corpId } }))
    .filter((r) => live.has(Number(r.deptId)))
    .map((r) => `${r.ancestorId}>${r.deptId}`)
    .sort();
}

/** Every SQL form of the new rule, for one actor: each must equal the old rule's people. */
async function newForms(ds: DataSource, actor: Actor, everyone: string[]): Promise<Record<string, string[]>> {
  const sorted = (s: Iterable<string>) => [...s].sort();
  const list = await peopleScopeOf(ds, actor);
  const few = await peopleScopeOf(ds, actor, { few: true });
  const rows = async (scope: PeopleScope) =>
    sorted(
      (await whereInPeopleScope(ds.getRepository(User).createQueryBuilder('u').select('u.userid', 'userid'), 'u', scope).getRawMany<{ userid: string }>()).map(
        (r) => r.userid,
      ),
    );
  const out: Record<string, string[]> = {
    list: await rows(list),
    few: await rows(few),
    userIdsInScope: sorted(await userIdsInScope(ds, list)),
    visibleFew: sorted(await visibleUserIds(ds, actor, everyone)),
    visibleLong: sorted(await visibleUserIds(ds, actor, everyone.concat(Array.from({ length: 60 }, (_, i) => `nobody-${i}`)))),
  };
  return out;
}

async function compareAll(ds: DataSource, actors: Actor[], corpId: string, when: string): Promise<void> {
  const everyone = (await ds.getRepository(User).find({ where: { corpId }, select: { userid: true } })).map((u) => u.userid);
  expect({ when, closure: await closureRows(ds, corpId) }).toEqual({ when, closure: await expectedClosure(ds, corpId) });
  for (const actor of actors) {
    const old = await oldScope(ds, actor);
    const forms = await newForms(ds, actor, everyone);
    const tag = `${when}: ${actor.roles.join('+')} ${actor.hrDeptIds.join(',')}`;
    const differing = Object.entries(forms).filter(([, got]) => JSON.stringify(got) !== JSON.stringify(old));
    expect(differing.map(([form, got]) => ({ tag, form, got, old }))).toEqual([]);
  }
}

describe('the people scope through department_closure', () => {
  it('keeps the same people as the scope over expanded department constants, through org changes (MariaDB and SQLite)', async () => {
    await onBothDatabases('scopeclosure', async (ds) => {
      const corpId = await buildCorp(ds, 'scopeclosure');
      // 公司 → 销售中心 → {华东区 → {上海一组, 杭州组}, 华南区}; 公司 → 研发中心 → 平台部; 公司 → 财务部.
      const root = await buildDepartment(ds, corpId, { name: '公司' });
      const sales = await buildDepartment(ds, corpId, { name: '销售中心', parentId: root.deptId });
      const east = await buildDepartment(ds, corpId, { name: '华东区', parentId: sales.deptId });
      const sh = await buildDepartment(ds, corpId, { name: '上海一组', parentId: east.deptId });
      const hz = await buildDepartment(ds, corpId, { name: '杭州组', parentId: east.deptId });
      const south = await buildDepartment(ds, corpId, { name: '华南区', parentId: sales.deptId });
      const rnd = await buildDepartment(ds, corpId, { name: '研发中心', parentId: root.deptId });
      const platform = await buildDepartment(ds, corpId, { name: '平台部', parentId: rnd.deptId });
      const finance = await buildDepartment(ds, corpId, { name: '财务部', parentId: root.deptId });
      // A department synced before its parent (the parent arrives later, below 研发中心).
      const lateChild = await buildDepartment(ds, corpId, { deptId: 990002, name: '测试组', parentId: 990001 });

      const hr = await buildUser(ds, corpId, { deptIds: [root.deptId] });
      const boss = await buildUser(ds, corpId, { deptIds: [east.deptId] });
      await buildUser(ds, corpId, { deptIds: [sh.deptId], supervisorUserid: boss.userid });
      await buildUser(ds, corpId, { deptIds: [hz.deptId] });
      await buildUser(ds, corpId, { mainDeptId: sh.deptId, status: 'left', leftOn: '2026-10-01' });
      await buildUser(ds, corpId, { deptIds: [south.deptId] });
      await buildUser(ds, corpId, { deptIds: [platform.deptId], supervisorUserid: hr.userid });
      await buildUser(ds, corpId, { deptIds: [platform.deptId, hz.deptId] }); // a member of 杭州组 beyond 平台部
      await buildUser(ds, corpId, { deptIds: [finance.deptId, south.deptId, platform.deptId] });
      await buildUser(ds, corpId, { deptIds: [finance.deptId] });
      await buildUser(ds, corpId, { deptIds: [lateChild.deptId] });
      await buildUser(ds, corpId, { deptIds: [finance.deptId, lateChild.deptId], status: 'left', leftOn: '2026-09-01' });
      await buildUser(ds, corpId, { deptIds: [] }); // nowhere
      // Another corp with the same department ids: never in scope.
      const other = await buildCorp(ds, 'scopeclosure-x');
      await buildDepartment(ds, other, { deptId: sales.deptId, name: '销售中心' });
      await buildUser(ds, other, { deptIds: [sales.deptId] });

      const as = (roles: Actor['roles'], depts: number[] = []) => actorFor(hr, roles, depts);
      const actors = [
        as(['employee', 'hr'], [sales.deptId]),
        as(['employee', 'hr'], [east.deptId, platform.deptId]),
        as(['employee', 'hr'], [root.deptId]),
        as(['employee', 'hr'], [rnd.deptId]),
        as(['employee', 'hr'], [990001]),
        as(['employee', 'hr'], [finance.deptId, south.deptId]),
        as(['employee', 'supervisor']),
        as(['employee']),
        as(['employee', 'admin']),
      ];
      await compareAll(ds, actors, corpId, 'built');

      // The late parent arrives below 研发中心: 测试组 and its people join 研发中心's scope.
      await buildDepartment(ds, corpId, { deptId: 990001, name: '质量部', parentId: rnd.deptId });
      await compareAll(ds, actors, corpId, 'late parent');

      // An org change: 华东区 moves under 研发中心. In the writing transaction the scope already follows.
      await ds.transaction(async (em) => {
        await em.getRepository(Department).update({ corpId, deptId: east.deptId }, { parentId: rnd.deptId });
        const actor = as(['employee', 'hr'], [rnd.deptId]);
        const scope = await peopleScopeOf(ds, actor);
        const inScope = scopeUseridsSql(scope);
        const [sql, params] = ds.driver.escapeQueryWithParameters(inScope.sql, inScope.params);
        const seen = [...new Set(((await em.query(sql, params)) as { userid: string }[]).map((r) => r.userid))].sort();
        expect(seen).toEqual(await oldScope(em, actor));
        expect(await closureRows(em, corpId)).toEqual(await expectedClosure(em, corpId));
      });
      await compareAll(ds, actors, corpId, 'moved 华东区 under 研发中心');

      // Moved back with raw SQL, a rename (no tree change), then a department removed outright.
      await ds.query('UPDATE departments SET parent_id = ? WHERE corp_id = ? AND dept_id = ?', [sales.deptId, corpId, east.deptId]);
      await ds.getRepository(Department).update({ corpId, deptId: south.deptId }, { name: '华南大区' });
      await compareAll(ds, actors, corpId, 'moved back');
      await ds.getRepository(Department).delete({ corpId, deptId: hz.deptId });
      await ds.getRepository(Department).update({ corpId, deptId: platform.deptId }, { parentId: null });
      await compareAll(ds, actors, corpId, 'removed 杭州组, 平台部 to the top');

      // A page's members beyond their main department, asked about a few people.
      const flagged = (await ds.getRepository(User).find({ where: { corpId, inOtherDepts: true } })).map((u) => u.userid);
      const all = await membersBeyondMain(ds, corpId, [root.deptId]);
      expect([...(await membersBeyondMain(ds, corpId, [root.deptId], flagged.slice(0, 2)))].sort()).toEqual(
        flagged
          .slice(0, 2)
          .filter((u) => all.has(u))
          .sort(),
      );
    });
  });

  it('filters the directory by a department and by a searched department name as before (MariaDB and SQLite)', async () => {
    await onBothDatabases('scopeclosure-dir', async (ds) => {
      const corpId = await buildCorp(ds, 'scopeclosure-dir');
      const root = await buildDepartment(ds, corpId, { name: '公司' });
      const sales = await buildDepartment(ds, corpId, { name: '销售中心', parentId: root.deptId });
      const team = await buildDepartment(ds, corpId, { name: '销售一组', parentId: sales.deptId });
      const finance = await buildDepartment(ds, corpId, { name: '财务部', parentId: root.deptId });
      const seller = await buildUser(ds, corpId, { name: '张三', deptIds: [team.deptId] });
      const dual = await buildUser(ds, corpId, { name: '李四', deptIds: [finance.deptId, team.deptId] });
      const cfo = await buildUser(ds, corpId, { name: '王五', deptIds: [finance.deptId] });
      const admin = actorFor(cfo, ['employee', 'admin']);
      const page = { page: 1, pageSize: 20 };
      const ids = (p: { items: { userid: string }[] }) => p.items.map((x) => x.userid).sort();
      const byDept = await listPeople(ds, admin, { status: 'all', sort: 'name', deptId: sales.deptId }, page);
      expect(ids(byDept)).toEqual([seller.userid, dual.userid].sort());
      const searched = await listPeople(ds, admin, { status: 'all', sort: 'name', q: '销售' }, page, { oneWalk: false });
      expect(ids(searched)).toEqual([seller.userid, dual.userid].sort());
      // 销售一组 lies inside 销售中心: the search binds 销售中心 alone.
      const index = await loadDepartmentIndex(ds, corpId);
      expect(index.topmost(index.matching('销售'))).toEqual([sales.deptId]);
    });
  });
});

describe('DepartmentClosure migration', () => {
  /** Down, departments as an earlier version left them (a child before its parent, a parent never synced), up again. */
  async function filled(
    ds: DataSource,
    migration: MigrationInterface,
  ): Promise<{ got: string[]; want: string[]; afterMove: string[]; wantAfterMove: string[] }> {
    const qr = ds.createQueryRunner();
    try {
      await migration.down(qr);
      await ds.query(
        "INSERT INTO departments (corp_id, dept_id, parent_id, name, sort_order, manager_userids, active) VALUES ('c', 5, 3, '五', 0, '[]', 1), ('c', 1, NULL, '一', 0, '[]', 1), ('c', 2, 1, '二', 0, '[]', 1), ('c', 3, 2, '三', 0, '[]', 0), ('c', 4, 1, '四', 0, '[]', 1), ('c', 7, 6, '七', 0, '[]', 1), ('d', 1, NULL, '一', 0, '[]', 1)",
      );
      await migration.up(qr);
      const got = await closureRows(ds, 'c');
      const want = await expectedClosure(ds, 'c');
      // The triggers are there: a move after the fill is followed.
      await ds.query("UPDATE departments SET parent_id = 4 WHERE corp_id = 'c' AND dept_id = 3");
      return { got, want, afterMove: await closureRows(ds, 'c'), wantAfterMove: await expectedClosure(ds, 'c') };
    } finally {
      await qr.release();
    }
  }

  /** The walk up from each department, a child synced before its parent and a parent never synced included; then a move. */
  function expectFilled(r: Awaited<ReturnType<typeof filled>>): void {
    expect(r.got).toEqual(r.want);
    expect(r.got).toContain('1>5');
    expect(r.got).toContain('6>7');
    expect(r.afterMove).toEqual(r.wantAfterMove);
    expect(r.afterMove).toContain('4>5');
    expect(r.afterMove).not.toContain('2>5');
  }

  it('fills the closure from the departments there on SQLite', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liucai-migclosure-'));
    const ds = await openDatabase({ kind: 'sqlite', path: path.join(dir, 'db.sqlite') }, { migrate: true });
    try {
      expectFilled(await filled(ds, new SqliteClosure()));
    } finally {
      await ds.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fills the closure from the departments there on MariaDB', async () => {
    const url = runDatabaseUrl(`migclosure${process.pid}`);
    await recreateMysqlDatabase(url);
    const ds = await openDatabase({ kind: 'mysql', url }, { migrate: true });
    try {
      expectFilled(await filled(ds, new MysqlClosure()));
    } finally {
      await ds.query(`DROP DATABASE \`${new URL(url).pathname.slice(1)}\``);
      await ds.destroy();
    }
  });
});
