import type { DataSource, EntityManager } from 'typeorm';
import { Department, User, UserDepartment } from '../../../entities';
import { trackSyncRun } from './syncRunTracker';
import { shanghaiDate } from '../../../util/dates';
import { fetchOrg, type FetchedOrg, type OrgSource } from './orgFetcher';
import { resolveSupervisor } from './supervisorResolver';
import { USER_UPDATE_COLUMNS, toUserRow } from './userRow';
import { updateWhereIn, upsertInBatches } from './changedRows';
import { refreshDepartmentHeadcounts } from '../../people/commands/departmentHeadcountRefresher';

export interface OrgSyncDeps {
  ds: DataSource;
  source: OrgSource;
  /** DingTalk calls made so far by `source` (for the progress HR sees). */
  apiCalls: () => number;
  concurrency: number;
  now?: () => Date;
}

/** What a sync changed; all zero when re-run on an unchanged org. */
export interface OrgSyncResult {
  departments: number;
  users: number;
  supervisors: number;
  created: number;
  updated: number;
  left: number;
  membershipsChanged: number;
}

/**
 * Run one org sync for sync_runs.id = runId: fetch the org, then write only what differs from the database in
 * batched upserts. People missing from DingTalk are marked left (never deleted); nothing is marked left unless
 * the whole fetch succeeded. Safe to run twice: a second run on an unchanged org writes nothing.
 */
export function runOrgSync(deps: OrgSyncDeps, runId: number, opts: { finalAttempt: boolean }): Promise<OrgSyncResult | null> {
  const now = deps.now ?? (() => new Date());
  return trackSyncRun(deps, runId, opts, async (report, run) => {
    const org = await fetchOrg(deps.source, deps.concurrency, report);
    report('saving', 0, 1);
    return deps.ds.transaction((em) => writeOrg(em, run.corpId, org, shanghaiDate(now())));
  });
}

function sameRow<T extends object>(a: T, b: T, keys: (keyof T)[]): boolean {
  return keys.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

async function writeOrg(em: EntityManager, corpId: string, org: FetchedOrg, today: string): Promise<OrgSyncResult> {
  // Departments: upsert changed ones, mark vanished ones inactive.
  const existingDepts = new Map((await em.find(Department, { where: { corpId } })).map((d) => [d.deptId, d]));
  const deptRows = org.departments.map((d) =>
    Object.assign(new Department(), {
      corpId,
      deptId: d.deptId,
      parentId: d.parentId,
      name: d.name,
      sortOrder: d.order,
      managerUserids: d.managerUserids,
      active: true,
    }),
  );
  const deptKeys: (keyof Department)[] = ['parentId', 'name', 'sortOrder', 'managerUserids', 'active'];
  const changedDepts = deptRows.filter((d) => {
    const old = existingDepts.get(d.deptId);
    return !old || !sameRow(old, d, deptKeys);
  });
  await upsertInBatches(em, Department, changedDepts, ['parent_id', 'name', 'sort_order', 'manager_userids', 'active'], ['corp_id', 'dept_id']);
  const seenDepts = new Set(deptRows.map((d) => d.deptId));
  const goneDepts = [...existingDepts.values()].filter((d) => d.active && !seenDepts.has(d.deptId)).map((d) => d.deptId);
  await updateWhereIn(em, Department, { corpId }, 'deptId', goneDepts, { active: false });

  // Users and supervisors.
  const deptManagers = new Map(org.departments.map((d) => [d.deptId, new Set(d.managerUserids)]));
  const supervisorInputs = {
    departments: new Map(org.departments.map((d) => [d.deptId, { parentId: d.parentId, managerUserids: d.managerUserids }])),
    users: new Map(
      org.users.map((u) => {
        const member = org.memberships.get(u.userid) ?? new Map<number, boolean>();
        const deptIds = u.dept_id_list?.length ? u.dept_id_list : [...member.keys()];
        const leaderOf = new Set<number>();
        for (const l of u.leader_in_dept ?? []) if (l.leader) leaderOf.add(l.dept_id);
        for (const [deptId, leader] of member) if (leader || deptManagers.get(deptId)?.has(u.userid)) leaderOf.add(deptId);
        return [u.userid, { managerUserid: u.manager_userid ?? null, deptIds, leaderOf }];
      }),
    ),
  };
  const existingUsers = new Map((await em.find(User, { where: { corpId } })).map((u) => [u.userid, u]));
  const userKeys: (keyof User)[] = [
    'unionid',
    'name',
    'title',
    'jobNumber',
    'avatar',
    'hiredOn',
    'mainDeptId',
    'managerUserid',
    'supervisorUserid',
    'isAdmin',
    'isBoss',
    'status',
    'leftOn',
  ];
  let supervisors = 0;
  let created = 0;
  let updated = 0;
  const userRows = org.users.map((u) => {
    const supervisorUserid = resolveSupervisor(u.userid, supervisorInputs);
    if (supervisorUserid) supervisors++;
    return toUserRow(corpId, u, supervisorUserid, supervisorInputs.users.get(u.userid)?.deptIds[0] ?? null);
  });
  const changedUsers = userRows.filter((u) => {
    const old = existingUsers.get(u.userid);
    if (!old) created++;
    else if (!sameRow(old, u, userKeys)) updated++;
    else return false;
    return true;
  });
  await upsertInBatches(em, User, changedUsers, USER_UPDATE_COLUMNS, ['corp_id', 'userid']);
  const seenUsers = new Set(userRows.map((u) => u.userid));
  const leaving = [...existingUsers.values()].filter((u) => u.status === 'active' && !seenUsers.has(u.userid)).map((u) => u.userid);
  await updateWhereIn(em, User, { corpId }, 'userid', leaving, { status: 'left', leftOn: today });

  // Memberships of the users seen now: add new ones, update leader flags, drop the ones DingTalk no longer has.
  const existingMembers = await em.find(UserDepartment, { where: { corpId } });
  const existingKey = new Map(existingMembers.map((m) => [`${m.userid}/${m.deptId}`, m]));
  const wanted: UserDepartment[] = [];
  for (const [userid, depts] of org.memberships) {
    if (!seenUsers.has(userid)) continue;
    for (const [deptId, leader] of depts) {
      wanted.push(Object.assign(new UserDepartment(), { corpId, userid, deptId, isLeader: leader || deptManagers.get(deptId)?.has(userid) === true }));
    }
  }
  const wantedKeys = new Set(wanted.map((m) => `${m.userid}/${m.deptId}`));
  const changedMembers = wanted.filter((m) => existingKey.get(`${m.userid}/${m.deptId}`)?.isLeader !== m.isLeader);
  await upsertInBatches(em, UserDepartment, changedMembers, ['is_leader'], ['corp_id', 'userid', 'dept_id']);
  const staleMembers = existingMembers.filter((m) => seenUsers.has(m.userid) && !wantedKeys.has(`${m.userid}/${m.deptId}`));
  for (const m of staleMembers) await em.delete(UserDepartment, { corpId, userid: m.userid, deptId: m.deptId });
  // The org page's headcounts land with the org they count (only rows whose counts changed are written).
  await refreshDepartmentHeadcounts(em, corpId);

  return {
    departments: deptRows.length,
    users: userRows.length,
    supervisors,
    created,
    updated,
    left: leaving.length,
    membershipsChanged: changedMembers.length + staleMembers.length,
  };
}
