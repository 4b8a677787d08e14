import { In, type DataSource } from 'typeorm';
import { Department, User, UserDepartment } from '../../../entities';
import { DingTalkError } from '../../../dingtalk/errors';
import { LegacyErr } from '../../../dingtalk/wireFacts';
import { shanghaiDate } from '../../../util/dates';
import type { OrgSource } from './orgFetcher';
import { resolveSupervisor, type SupervisorInputs } from './supervisorResolver';
import { USER_UPDATE_COLUMNS, toUserRow } from './userRow';
import { refreshDepartmentHeadcounts } from '../../people/commands/departmentHeadcountRefresher';
import { rebuildOutcomeGroups } from '../../outcomes/commands/outcomeGroupsBuilder';

export interface UserResyncResult {
  updated: string[];
  left: string[];
}

/** Supervisor rule inputs read from the database (the org as of the last sync),. */
async function supervisorInputsFromDb(ds: DataSource, corpId: string): Promise<SupervisorInputs> {
  const depts = await ds.getRepository(Department).findBy({ corpId, active: true });
  const users = await ds.getRepository(User).find({ where: { corpId, status: 'active' }, select: { userid: true, managerUserid: true, mainDeptId: true } });
  const members = await ds.getRepository(UserDepartment).findBy({ corpId });
  const byUser = new Map<string, UserDepartment[]>();
  for (const m of members) byUser.set(m.userid, [...(byUser.get(m.userid) ?? []), m]);
  return {
    departments: new Map(depts.map((d) => [d.deptId, { parentId: d.parentId, managerUserids: d.managerUserids }])),
    users: new Map(
      users.map((u) => {
        const ms = byUser.get(u.userid) ?? [];
        const deptIds = [...new Set([...(u.mainDeptId !== null ? [u.mainDeptId] : []), ...ms.map((m) => m.deptId)])];
        return [u.userid, { managerUserid: u.managerUserid, deptIds, leaderOf: new Set(ms.filter((m) => m.isLeader).map((m) => m.deptId)) }];
      }),
    ),
  };
}

/**
 * Targeted re-sync of a few people after a DingTalk contact event: re-read each from user/get and write their
 * row and memberships; someone DingTalk no longer knows (60121) is marked left with today's date. Idempotent.
 * Supervisors of other people are left to the next full sync, which heals anything an event missed.
 */
export async function resyncUsers(ds: DataSource, source: OrgSource, corpId: string, userids: string[], now = new Date()): Promise<UserResyncResult> {
  const result: UserResyncResult = { updated: [], left: [] };
  const inputs = await supervisorInputsFromDb(ds, corpId);
  const mainOf = (id: number | string | null | undefined) => (id === null || id === undefined ? null : Number(id));
  // tenancy: the corp's people being re-synced.
  const before = await ds.getRepository(User).find({ where: { corpId, userid: In([...new Set(userids)]) }, select: { userid: true, mainDeptId: true } });
  const mainBefore = new Map(before.map((u) => [u.userid, mainOf(u.mainDeptId)]));
  let movedMain = false;
  for (const userid of [...new Set(userids)]) {
    let fetched;
    try {
      fetched = await source.getUser(userid);
    } catch (err) {
      if (err instanceof DingTalkError && err.code === LegacyErr.notFound) {
        const res = await ds.getRepository(User).update({ corpId, userid, status: 'active' }, { status: 'left', leftOn: shanghaiDate(now) });
        if (res.affected) result.left.push(userid);
        continue;
      }
      throw err;
    }
    const deptIds = fetched.dept_id_list ?? [];
    const leaderOf = new Set((fetched.leader_in_dept ?? []).filter((l) => l.leader).map((l) => l.dept_id));
    inputs.users.set(userid, { managerUserid: fetched.manager_userid ?? null, deptIds, leaderOf });
    const row = toUserRow(corpId, fetched, resolveSupervisor(userid, inputs), deptIds);
    await ds.transaction(async (em) => {
      await em.createQueryBuilder().insert().into(User).values(row).orUpdate(USER_UPDATE_COLUMNS, ['corp_id', 'userid']).execute();
      await em.delete(UserDepartment, { corpId, userid });
      if (deptIds.length) {
        await em.insert(
          UserDepartment,
          deptIds.map((deptId) => ({ corpId, userid, deptId, isLeader: leaderOf.has(deptId) })),
        );
      }
    });
    result.updated.push(userid);
    if (mainOf(row.mainDeptId) !== (mainBefore.get(userid) ?? null)) movedMain = true;
  }
  if (result.updated.length + result.left.length > 0) await refreshDepartmentHeadcounts(ds, corpId);
  // The 转型看板's sums are by main department: someone changed theirs, so add them up again.
  if (movedMain) await rebuildOutcomeGroups(ds, corpId);
  return result;
}
