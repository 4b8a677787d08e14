import { openTestDb } from '../../../../../test/support/testServices';
import { actorFor, buildCorp, buildDepartment, buildUser, grantHrScope } from '../../../../../test/support/factories';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../../appTypes';
import type { User } from '../../../entities';
import { visiblePerson } from './peopleScope';

/** Whether the actor's lookup of `target` answers that very row (their corp's person by that userid). */
const canView = async (ds: DataSource, actor: Actor, target: User) => {
  const found = await visiblePerson(ds, actor, target.userid);
  return found !== null && found.corpId === target.corpId && found.userid === target.userid;
};

describe('visiblePerson: whose profile an actor may open (one query)', () => {
  it('self, direct reports, HR within its departments, admins; nobody of another corp', async () => {
    const ds = await openTestDb();
    try {
      const corpId = await buildCorp(ds, 'cvu');
      const root = await buildDepartment(ds, corpId, { name: '公司' });
      const sales = await buildDepartment(ds, corpId, { name: '销售中心', parentId: root.deptId });
      const team = await buildDepartment(ds, corpId, { name: '一组', parentId: sales.deptId });
      const tech = await buildDepartment(ds, corpId, { name: '技术部', parentId: root.deptId });
      const lead = await buildUser(ds, corpId, { deptIds: [team.deptId] });
      const rep = await buildUser(ds, corpId, { deptIds: [team.deptId], supervisorUserid: lead.userid });
      const cto = await buildUser(ds, corpId, { deptIds: [tech.deptId] });
      const dev = await buildUser(ds, corpId, { deptIds: [tech.deptId], supervisorUserid: cto.userid });
      const hr = await buildUser(ds, corpId, { deptIds: [root.deptId] });
      await grantHrScope(ds, corpId, hr.userid, [sales.deptId]);
      const other = await buildCorp(ds, 'cvux');
      const twin = await buildUser(ds, other, { userid: rep.userid });

      const supervisor = actorFor(lead, ['employee', 'supervisor']);
      expect(await canView(ds, supervisor, lead)).toBe(true);
      expect(await canView(ds, supervisor, rep)).toBe(true);
      // A supervisor who is not HR sees their own reports only, not anyone else's.
      expect(await canView(ds, supervisor, dev)).toBe(false);
      expect(await canView(ds, supervisor, cto)).toBe(false);
      expect(await canView(ds, actorFor(cto, ['employee', 'supervisor']), rep)).toBe(false);

      const hrActor = actorFor(hr, ['employee', 'hr'], [sales.deptId]);
      expect(await canView(ds, hrActor, rep)).toBe(true);
      expect(await canView(ds, hrActor, dev)).toBe(false);

      expect(await canView(ds, actorFor(rep), lead)).toBe(false);
      expect(await canView(ds, actorFor(dev, ['employee', 'admin']), rep)).toBe(true);
      // Same userid, other corp: never.
      expect(await canView(ds, actorFor(lead, ['employee', 'supervisor']), twin)).toBe(false);
      expect(await canView(ds, actorFor(twin, ['employee', 'admin']), rep)).toBe(false);
      // The lookup is by userid in the actor's corp: the twin's admin gets the twin, never the other corp's row.
      expect(await visiblePerson(ds, actorFor(twin, ['employee', 'admin']), rep.userid)).toMatchObject({ corpId: other, userid: rep.userid });
      expect(await visiblePerson(ds, actorFor(rep), 'nobody')).toBeNull();
    } finally {
      await ds.destroy();
    }
  });
});
