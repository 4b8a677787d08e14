/**
 * The data a sandbox corp is made of. Field names follow DingTalk's wire names (snake_case) wherever the
 * field goes out on the wire, so presenters stay trivial and a JSON dump reads like DingTalk data.
 */

/** How a sandbox corp is created. */
export interface SandboxCorpOptions {
  corpId: string;
  /** Default 留才示范科技有限公司. */
  corpName?: string;
  appKey: string;
  appSecret: string;
  agentId: number;
  seed: number;
  /** Active employees at generation (at least MIN_EMPLOYEES). */
  employees: number;
  /** The corp's "today" (ms); hire dates lie before it. Default DEFAULT_AS_OF_MS, so a seed alone fixes the data. */
  asOfMs?: number;
}

/** The four people a demo logs in as (userids). */
export interface SandboxDemoUsers {
  admin: string;
  hr: string;
  supervisor: string;
  employee: string;
}

/** What a department does; decides its titles (sandbox-only, never on the wire). */
export type DeptKind =
  | 'root'
  | 'exec'
  | 'hr'
  | 'hrRecruit'
  | 'hrbp'
  | 'hrComp'
  | 'hrTraining'
  | 'hrRelations'
  | 'finance'
  | 'finAccounting'
  | 'finCashier'
  | 'finAnalysis'
  | 'finTax'
  | 'salesCenter'
  | 'keyAccount'
  | 'smb'
  | 'salesSupport'
  | 'tech'
  | 'techBackend'
  | 'techFrontend'
  | 'techQa'
  | 'techProduct'
  | 'techOps'
  | 'techData'
  | 'customerSuccess';

/** A department. Departments do not change after generation. */
export interface SandboxDept {
  dept_id: number;
  name: string;
  /** Absent for the root (dept_id 1). */
  parent_id?: number;
  /** Position among its siblings. */
  order: number;
  /** 部门主管: members of this department, first one is the main manager. */
  dept_manager_userid_list: string[];
  create_dept_group: boolean;
  auto_add_user: boolean;
  kind: DeptKind;
  work_place: string;
}

/** DingTalk's sys_level: 1 主管理员, 2 子管理员, 100 老板, 0 other. */
export type SysLevel = 0 | 1 | 2 | 100;

/** An active employee. `leader_in_dept` and `role_list` are derived from departments when presented. */
export interface SandboxUser {
  userid: string;
  unionid: string;
  name: string;
  title: string;
  job_number: string;
  /** Hire date, ms epoch (midnight Asia/Shanghai). */
  hired_date: number;
  /** Main department first. */
  dept_id_list: number[];
  dept_order_list: { dept_id: number; order: number }[];
  /** Explicit direct manager (直属主管); set for about 30% of people. */
  manager_userid?: string;
  admin: boolean;
  sys_level: SysLevel;
  boss: boolean;
  /** Has activated DingTalk (not "employed": a departed person is removed instead). */
  active: boolean;
  avatar: string;
  state_code: string;
  mobile: string;
  hide_mobile: boolean;
  email: string;
  work_place: string;
  /** Sandbox-only: drives order_field modify_asc/modify_desc. */
  modified_seq: number;
}

/** A person who left, kept for the hrm dismission APIs (field names as in listdimission). */
export interface SandboxDeparture {
  userid: string;
  name: string;
  /** Last working day, ms epoch. */
  last_work_day: number;
  main_dept_id: number;
  main_dept_name: string;
  dept_list: { dept_id: number; dept_path: string }[];
  /** 1 家庭原因 … 9 其他 (see doc 11.2). */
  reason_type: number;
  reason_memo: string;
  /** 2 试用期, 3 正式. */
  pre_status: 2 | 3;
  /** 2 已离职. */
  status: 2;
  handover_userid?: string;
  /** The record as it was on the last day. */
  user: SandboxUser;
  /**
   * Sandbox-only (never on the wire): whether they drifted towards leaving before the last day. Set by the
   * generated history; absent for people who leave later (removeUser, advanceMonths): the drift rule decides.
   */
  drifted?: boolean;
}

/** Fields a test may give `addUser`; everything else is generated. */
export type SandboxUserInput = Partial<Omit<SandboxUser, 'dept_order_list' | 'modified_seq'>>;

/** Smallest company the generator can staff (every department needs a manager). */
export const MIN_EMPLOYEES = 20;
/** Default corp name (root department). */
export const DEFAULT_CORP_NAME = '留才示范科技有限公司';
/** Default "today" of a generated corp: 2026-11-01 00:00 Asia/Shanghai. */
export const DEFAULT_AS_OF_MS = Date.UTC(2026, 9, 31, 16, 0, 0);
