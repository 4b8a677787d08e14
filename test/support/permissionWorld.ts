/**
 * The world the permission matrix runs in: a synced sandbox corp on MariaDB with BullMQ (so the queue board exists),
 * one signed-in person per actor column, each holding exactly one role beyond employee, a target person, and a second
 * corp in the same database whose admin has a live session of its own.
 */
import { In, Not } from 'typeorm';
import { Department, HrScope, User } from '../../server/src/entities';
import { createSession } from '../../server/src/modules/access/auth/sessions';
import { descendantsOf } from '../../server/src/modules/access/policies/scope';
import { createTestWorld, syncWorld, type TestWorld } from './testServices';
import { listen } from './testServer';
import { TestClient } from './httpClient';
import { buildCorp, buildDepartment, buildUser, grantHrScope } from './factories';
import type { ActorName } from './permissionTable';

export interface PermissionWorld {
  w: TestWorld;
  url: string;
  /** Each actor's userid (null: anonymous). */
  users: Record<ActorName, string | null>;
  /** Each actor's session cookie ('' for anonymous). Updated when a route rotates or ends a session. */
  cookies: Record<ActorName, string>;
  /** The person the person-routes are about: on demo-supervisor's team, in 销售中心 (demo-hr's scope). */
  target: string;
  /** Someone with no role at all, whom the admin routes grant and take HR scope. */
  grantee: string;
  /** The other corp's id and its signed-in admin. */
  otherCorp: { corpId: string; userid: string };
  depts: { sales: number; tech: number };
  /** Sign `actor` in again (after logout). */
  renew(actor: ActorName): Promise<void>;
  close(): Promise<void>;
}

export async function createPermissionWorld(): Promise<PermissionWorld> {
  const w = await createTestWorld({ label: 'perm', employees: 120, seed: 11, jobs: 'bullmq' });
  await syncWorld(w);
  const server = await listen(w);
  const demo = w.sandbox!.demoUsers;
  const users = w.ds.getRepository(User);
  const allDepts = await w.ds.getRepository(Department).findBy({ corpId: w.corpId });
  const dept = (name: string) => allDepts.find((d) => d.name === name && d.parentId === 1)!.deptId;
  const sales = dept('销售中心');
  const tech = dept('技术部');
  const techTree = descendantsOf(allDepts, [tech]);
  const active = await users.findBy({ corpId: w.corpId, status: 'active' });
  const supervisors = new Set(active.map((u) => u.supervisorUserid).filter((x): x is string => x !== null));
  const demoIds = new Set<string>(Object.values(demo));
  const plain = active.filter((u) => !supervisors.has(u.userid) && !u.isAdmin && !demoIds.has(u.userid));

  const target = active.find((u) => u.supervisorUserid === demo.supervisor && u.userid !== demo.employee);
  const supervisorOther = active.find(
    (u) => supervisors.has(u.userid) && !u.isAdmin && !demoIds.has(u.userid) && u.mainDeptId !== null && techTree.has(u.mainDeptId),
  );
  const hrOut = plain.find((u) => u.mainDeptId !== null && techTree.has(u.mainDeptId));
  const grantee = plain.find((u) => u.userid !== hrOut?.userid && u.userid !== target?.userid);
  if (!target || !supervisorOther || !hrOut || !grantee) throw new Error('permission world: the sandbox corp lacks a target, a manager, or plain people');
  await grantHrScope(w.ds, w.corpId, hrOut.userid, [tech]);
  // Nobody but demo-hr and the HR-out actor holds HR in this world.
  await w.ds.getRepository(HrScope).delete({ corpId: w.corpId, userid: Not(In([demo.hr, hrOut.userid])) });

  // Another corp in the same database: its admin (also HR there) has a live session, valid only for that corp.
  const otherCorpId = await buildCorp(w.ds, 'permb');
  const otherDept = await buildDepartment(w.ds, otherCorpId, { deptId: sales, name: '销售中心' });
  const otherAdmin = await buildUser(w.ds, otherCorpId, { userid: demo.admin, isAdmin: true, deptIds: [otherDept.deptId] });
  await grantHrScope(w.ds, otherCorpId, otherAdmin.userid, [otherDept.deptId]);

  const ids: Record<ActorName, string | null> = {
    anonymous: null,
    employee: demo.employee,
    supervisorOfTarget: demo.supervisor,
    supervisorOther: supervisorOther.userid,
    hrInScope: demo.hr,
    hrOutOfScope: hrOut.userid,
    admin: demo.admin,
    otherCorp: otherAdmin.userid,
  };
  const cookies = {} as Record<ActorName, string>;
  const renew = async (actor: ActorName) => {
    const userid = ids[actor];
    if (userid === null) cookies[actor] = '';
    else if (actor === 'otherCorp') cookies[actor] = `liucai_sid=${await createSession(w.ds, otherCorpId, userid, 12)}`;
    else {
      const c = new TestClient(server.url);
      const res = await c.signIn(userid, w.corpId);
      if (res.status !== 200) throw new Error(`permission world: ${actor} (${userid}) could not sign in: ${JSON.stringify(res.body)}`);
      cookies[actor] = c.cookie;
    }
  };
  for (const a of Object.keys(ids) as ActorName[]) await renew(a);
  return {
    w,
    url: server.url,
    users: ids,
    cookies,
    target: target.userid,
    grantee: grantee.userid,
    otherCorp: { corpId: otherCorpId, userid: otherAdmin.userid },
    depts: { sales, tech },
    renew,
    async close() {
      await server.close();
      await w.close();
    },
  };
}
