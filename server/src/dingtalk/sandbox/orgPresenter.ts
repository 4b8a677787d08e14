/**
 * The wire shapes of departments and users, field by field as DingTalk sends them (doc 3.1-3.4). Optional
 * string fields DingTalk leaves out when empty are left out here too, so clients meet the same gaps.
 */
import type { SandboxDept, SandboxUser } from './corpTypes';
import { hashString } from './prng';
import type { SandboxCorp } from './SandboxCorp';

const HR_KINDS = new Set(['hr', 'hrRecruit', 'hrbp', 'hrComp', 'hrTraining', 'hrRelations']);
const FINANCE_KINDS = new Set(['finance', 'finAccounting', 'finCashier', 'finAnalysis', 'finTax']);

const nonEmpty = (key: string, value: string): Record<string, string> => (value ? { [key]: value } : {});

/** An item of /topapi/v2/department/listsub. */
export function presentSubDept(dept: SandboxDept): Record<string, unknown> {
  return {
    dept_id: dept.dept_id,
    name: dept.name,
    parent_id: dept.parent_id,
    create_dept_group: dept.create_dept_group,
    auto_add_user: dept.auto_add_user,
  };
}

/** The result of /topapi/v2/department/get (the root has no parent_id). */
export function presentDeptDetail(corp: SandboxCorp, dept: SandboxDept): Record<string, unknown> {
  return {
    dept_id: dept.dept_id,
    name: dept.name,
    ...(dept.parent_id === undefined ? {} : { parent_id: dept.parent_id }),
    order: dept.order,
    create_dept_group: dept.create_dept_group,
    auto_add_user: dept.auto_add_user,
    ...(dept.create_dept_group ? { dept_group_chat_id: `chat${hashString(`${corp.corpId}:${dept.dept_id}`).toString(16)}` } : {}),
    group_contain_sub_dept: false,
    dept_manager_userid_list: [...dept.dept_manager_userid_list],
    outer_dept: false,
    hide_dept: false,
  };
}

/** Fields common to user/list items and user/get. */
function userCommon(user: SandboxUser): Record<string, unknown> {
  return {
    userid: user.userid,
    unionid: user.unionid,
    name: user.name,
    ...nonEmpty('avatar', user.avatar),
    state_code: user.state_code,
    mobile: user.mobile,
    hide_mobile: user.hide_mobile,
    job_number: user.job_number,
    title: user.title,
    ...nonEmpty('email', user.email),
    ...nonEmpty('work_place', user.work_place),
  };
}

/** An item of /topapi/v2/user/list for department `deptId` (no manager_userid: only user/get has it). */
export function presentUserListItem(corp: SandboxCorp, user: SandboxUser, deptId: number): Record<string, unknown> {
  return {
    ...userCommon(user),
    dept_id_list: [...user.dept_id_list],
    dept_order: user.dept_order_list.find((o) => o.dept_id === deptId)?.order ?? 0,
    hired_date: user.hired_date,
    active: user.active,
    admin: user.admin,
    boss: user.boss,
    leader: corp.isLeader(user.userid, deptId),
    exclusive_account: false,
  };
}

/** The result of /topapi/v2/user/get. */
export function presentUserDetail(corp: SandboxCorp, user: SandboxUser): Record<string, unknown> {
  return {
    ...userCommon(user),
    ...(user.manager_userid === undefined ? {} : { manager_userid: user.manager_userid }),
    exclusive_account: false,
    dept_id_list: [...user.dept_id_list],
    dept_order_list: user.dept_order_list.map((o) => ({ ...o })),
    hired_date: user.hired_date,
    active: user.active,
    real_authed: true,
    senior: false,
    admin: user.admin,
    boss: user.boss,
    leader_in_dept: corp.leaderInDept(user),
    role_list: roleList(corp, user),
  };
}

/** Roles from DingTalk's default role groups that follow from the person's position. */
function roleList(corp: SandboxCorp, user: SandboxUser): { id: number; name: string; group_name: string }[] {
  const roles: { id: number; name: string; group_name: string }[] = [];
  if (user.sys_level === 1) roles.push({ id: 1001, name: '主管理员', group_name: '默认' });
  if (user.sys_level === 2) roles.push({ id: 1002, name: '子管理员', group_name: '默认' });
  if (user.boss) roles.push({ id: 1003, name: '负责人', group_name: '默认' });
  if (corp.isManagerAnywhere(user.userid)) roles.push({ id: 1004, name: '主管', group_name: '默认' });
  const mainKind = corp.getDept(user.dept_id_list[0] ?? 1)?.kind ?? 'root';
  if (HR_KINDS.has(mainKind)) roles.push({ id: 1005, name: '人事', group_name: '职务' });
  if (FINANCE_KINDS.has(mainKind)) roles.push({ id: 1006, name: '财务', group_name: '职务' });
  return roles;
}
