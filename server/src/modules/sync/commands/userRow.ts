import { User } from '../../../entities';
import { shanghaiDate } from '../../../util/dates';
import type { FetchedUser } from './orgFetcher';
import { nameSearchKeys } from '../../people/nameSearchKeys';

/**
 * The users-table row for a person DingTalk returned (active), with the supervisor Liucai resolved. `deptIds`: every
 * department they belong to, the main one first.
 */
export function toUserRow(corpId: string, u: FetchedUser, supervisorUserid: string | null, deptIds: readonly number[]): User {
  const mainDeptId = deptIds[0] ?? null;
  const keys = nameSearchKeys(u.name);
  return Object.assign(new User(), {
    corpId,
    userid: u.userid,
    unionid: u.unionid || null,
    name: u.name,
    nameInitials: keys.initials,
    namePinyin: keys.pinyin,
    title: u.title || null,
    jobNumber: u.job_number || null,
    avatar: u.avatar || null,
    hiredOn: u.hired_date ? shanghaiDate(u.hired_date) : null,
    mainDeptId,
    inOtherDepts: deptIds.some((d) => d !== mainDeptId),
    managerUserid: u.manager_userid || null,
    supervisorUserid,
    isAdmin: u.admin === true,
    isBoss: u.boss === true,
    status: 'active' as const,
    leftOn: null,
  });
}

/** Columns an upsert of a user row rewrites (everything but the key). */
export const USER_UPDATE_COLUMNS = [
  'unionid',
  'name',
  'name_initials',
  'name_pinyin',
  'title',
  'job_number',
  'avatar',
  'hired_on',
  'main_dept_id',
  'in_other_depts',
  'manager_userid',
  'supervisor_userid',
  'is_admin',
  'is_boss',
  'status',
  'left_on',
];
