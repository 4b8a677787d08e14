import type { EntityManager } from 'typeorm';
import { User } from '../../../entities';
import type { FetchedOrg } from './orgFetcher';
import type { OrgLeaders } from './orgLeaders';
import { resolveSupervisor, type SupervisorInputs } from './supervisorResolver';
import { USER_UPDATE_COLUMNS, toUserRow } from './userRow';
import { updateWhereIn, upsertInBatches } from './changedRows';
import { sameRow } from './sameRow';
import { nameSearchKeys } from '../../people/nameSearchKeys';

const COMPARED: (keyof User)[] = [
  'unionid',
  'name',
  'nameInitials',
  'namePinyin',
  'title',
  'jobNumber',
  'avatar',
  'hiredOn',
  'mainDeptId',
  'inOtherDepts',
  'managerUserid',
  'supervisorUserid',
  'isAdmin',
  'isBoss',
  'status',
  'leftOn',
];

export interface OrgUsersWritten {
  users: number;
  supervisors: number;
  created: number;
  updated: number;
  left: number;
  /** The userids DingTalk returned (the memberships step writes only theirs). */
  seen: Set<string>;
}

/** The supervisor rules' inputs from a fetched org (dingtalk-api.md 3.5). */
function supervisorInputsOf(org: FetchedOrg, leaders: OrgLeaders): SupervisorInputs {
  return {
    departments: new Map(org.departments.map((d) => [d.deptId, { parentId: d.parentId, managerUserids: d.managerUserids }])),
    users: new Map(
      org.users.map((u) => {
        const member = org.memberships.get(u.userid) ?? new Map<number, boolean>();
        const deptIds = u.dept_id_list?.length ? u.dept_id_list : [...member.keys()];
        const leaderOf = new Set<number>();
        for (const l of u.leader_in_dept ?? []) if (l.leader) leaderOf.add(l.dept_id);
        for (const [deptId, leader] of member) if (leaders.leads(u.userid, deptId, leader)) leaderOf.add(deptId);
        return [u.userid, { managerUserid: u.manager_userid ?? null, deptIds, leaderOf }];
      }),
    ),
  };
}

/**
 * The users step of an org sync: resolve each person's supervisor, upsert the people who are new or changed, and
 * mark active people DingTalk no longer has as left with `today` (kept, never deleted).
 */
export async function writeOrgUsers(em: EntityManager, corpId: string, org: FetchedOrg, leaders: OrgLeaders, today: string): Promise<OrgUsersWritten> {
  const inputs = supervisorInputsOf(org, leaders);
  const existing = new Map((await em.find(User, { where: { corpId } })).map((u) => [u.userid, u]));
  let supervisors = 0;
  let created = 0;
  let updated = 0;
  const rows = org.users.map((u) => {
    const supervisorUserid = resolveSupervisor(u.userid, inputs);
    if (supervisorUserid) supervisors++;
    // The main department first, then every other one DingTalk names (detail or member lists), for the membership flag.
    const deptIds = inputs.users.get(u.userid)?.deptIds ?? [];
    const all = [...new Set([...deptIds, ...(org.memberships.get(u.userid)?.keys() ?? [])])];
    return toUserRow(corpId, u, supervisorUserid, deptIds.length > 0 ? all : []);
  });
  const changed = rows.filter((u) => {
    const old = existing.get(u.userid);
    if (!old) created++;
    else if (!sameRow(old, u, COMPARED)) updated++;
    else return false;
    return true;
  });
  await upsertInBatches(em, User, changed, USER_UPDATE_COLUMNS, ['corp_id', 'userid']);
  const seen = new Set(rows.map((u) => u.userid));
  const leaving = [...existing.values()].filter((u) => u.status === 'active' && !seen.has(u.userid)).map((u) => u.userid);
  await updateWhereIn(em, User, { corpId }, 'userid', leaving, { status: 'left', leftOn: today });
  await backfillNameKeys(
    em,
    [...existing.values()].filter((u) => !seen.has(u.userid)),
  );
  return { users: rows.length, supervisors, created, updated, left: leaving.length, seen };
}

/**
 * People DingTalk no longer returns (who left) are never rewritten by a sync, so the sync after the name keys were
 * added fills theirs in here, once: the directory finds them by initials too.
 */
async function backfillNameKeys(em: EntityManager, notSeen: User[]): Promise<void> {
  const missing = notSeen.filter((u) => u.nameInitials === null || u.namePinyin === null);
  for (const u of missing) {
    const keys = nameSearchKeys(u.name);
    u.nameInitials = keys.initials;
    u.namePinyin = keys.pinyin;
  }
  await upsertInBatches(em, User, missing, ['name_initials', 'name_pinyin'], ['corp_id', 'userid']);
}
