import type { DataSource } from 'typeorm';
import { visiblePerson, visibleUserIds } from '../server/src/modules/people/policies/peopleScope';
import { actorFor, buildCorp, buildDepartment, buildUser, grantHrScope, onBothDatabases } from './support/factories';

/** A small company: root → 销售中心 → 一组; root → 财务部. */
async function world(ds: DataSource) {
  const corpId = await buildCorp(ds, 'scope');
  const root = await buildDepartment(ds, corpId, { name: '公司' });
  const sales = await buildDepartment(ds, corpId, { name: '销售中心', parentId: root.deptId });
  const team = await buildDepartment(ds, corpId, { name: '一组', parentId: sales.deptId });
  const finance = await buildDepartment(ds, corpId, { name: '财务部', parentId: root.deptId });
  const boss = await buildUser(ds, corpId, { deptIds: [team.deptId] });
  const seller = await buildUser(ds, corpId, { deptIds: [team.deptId], supervisorUserid: boss.userid });
  const leaver = await buildUser(ds, corpId, { mainDeptId: team.deptId, status: 'left', leftOn: '2026-10-01' });
  const cfo = await buildUser(ds, corpId, { deptIds: [finance.deptId] });
  // In finance, but also a member of 一组: HR of 销售中心 sees them through the membership.
  const dual = await buildUser(ds, corpId, { deptIds: [finance.deptId, team.deptId] });
  const hr = await buildUser(ds, corpId, { deptIds: [root.deptId] });
  await grantHrScope(ds, corpId, hr.userid, [sales.deptId]);
  const otherCorp = await buildCorp(ds, 'scopex');
  const stranger = await buildUser(ds, otherCorp, { userid: seller.userid });
  return { corpId, sales, boss, seller, leaver, cfo, dual, hr, stranger };
}

describe('visibleUserIds: which of a list of people an actor may see, in one query', () => {
  it('answers by role on MariaDB and SQLite alike', async () => {
    await onBothDatabases('scope', async (ds) => {
      const w = await world(ds);
      const everyone = [w.boss, w.seller, w.leaver, w.cfo, w.dual, w.hr].map((u) => u.userid).concat(['nobody']);

      const hr = await visibleUserIds(ds, actorFor(w.hr, ['employee', 'hr'], [w.sales.deptId]), everyone);
      expect([...hr].sort()).toEqual([w.boss, w.seller, w.leaver, w.dual, w.hr].map((u) => u.userid).sort());
      // A long list reads the members beyond the main department once instead of looking them up per person: the same.
      const long = everyone.concat(Array.from({ length: 60 }, (_, i) => `unknown-${i}`));
      expect([...(await visibleUserIds(ds, actorFor(w.hr, ['employee', 'hr'], [w.sales.deptId]), long))].sort()).toEqual([...hr].sort());

      const supervisor = await visibleUserIds(ds, actorFor(w.boss, ['employee', 'supervisor']), everyone);
      expect([...supervisor].sort()).toEqual([w.boss.userid, w.seller.userid].sort());

      const employee = await visibleUserIds(ds, actorFor(w.seller), everyone);
      expect([...employee]).toEqual([w.seller.userid]);

      const admin = await visibleUserIds(ds, actorFor(w.cfo, ['employee', 'admin']), everyone);
      expect(admin.size).toBe(6);

      // An actor of another corp sees nobody here, even with the same userid.
      const foreign = await visibleUserIds(ds, actorFor(w.stranger, ['employee', 'admin']), everyone);
      expect([...foreign]).toEqual([w.stranger.userid]);
    });
  });

  it('agrees with the single-person check used by profile pages', async () => {
    await onBothDatabases('scope1', async (ds) => {
      const w = await world(ds);
      const actor = actorFor(w.hr, ['employee', 'hr'], [w.sales.deptId]);
      const seen = await visibleUserIds(ds, actor, [w.cfo.userid, w.dual.userid]);
      expect((await visiblePerson(ds, actor, w.cfo.userid)) !== null).toBe(seen.has(w.cfo.userid));
      expect((await visiblePerson(ds, actor, w.dual.userid))?.userid).toBe(seen.has(w.dual.userid) ? w.dual.userid : undefined);
      expect(seen.has(w.cfo.userid)).toBe(false);
    });
  });
});
