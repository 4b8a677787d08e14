import type { EntityManager } from 'typeorm';
import { UserDepartment } from '../../../entities';
import type { FetchedOrg } from './orgFetcher';
import type { OrgLeaders } from './orgLeaders';
import { upsertInBatches } from './changedRows';

/**
 * The memberships step of an org sync, for the people DingTalk returned (`seen`): add new memberships, update
 * leader flags, and drop the ones DingTalk no longer has. People who left keep theirs (HR still finds them by
 * department). Returns how many memberships changed.
 */
export async function writeOrgMemberships(em: EntityManager, corpId: string, org: FetchedOrg, leaders: OrgLeaders, seen: Set<string>): Promise<number> {
  const existing = await em.find(UserDepartment, { where: { corpId } });
  const existingByKey = new Map(existing.map((m) => [`${m.userid}/${m.deptId}`, m]));
  const wanted: UserDepartment[] = [];
  for (const [userid, depts] of org.memberships) {
    if (!seen.has(userid)) continue;
    for (const [deptId, leader] of depts) {
      wanted.push(Object.assign(new UserDepartment(), { corpId, userid, deptId, isLeader: leaders.leads(userid, deptId, leader) }));
    }
  }
  const wantedKeys = new Set(wanted.map((m) => `${m.userid}/${m.deptId}`));
  const changed = wanted.filter((m) => existingByKey.get(`${m.userid}/${m.deptId}`)?.isLeader !== m.isLeader);
  await upsertInBatches(em, UserDepartment, changed, ['is_leader'], ['corp_id', 'userid', 'dept_id']);
  const stale = existing.filter((m) => seen.has(m.userid) && !wantedKeys.has(`${m.userid}/${m.deptId}`));
  for (const m of stale) await em.delete(UserDepartment, { corpId, userid: m.userid, deptId: m.deptId });
  return changed.length + stale.length;
}
