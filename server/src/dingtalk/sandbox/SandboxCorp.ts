/**
 * One emulated DingTalk organisation: departments, active employees, people who left, and the mutations
 * tests use to make the org change (a leave, a hire, a new title, months passing).
 */
import { DEFAULT_CRM_CONTRACT_OBJECT, DEFAULT_CRM_FOLLOW_RECORD_OBJECT } from '../wireFacts';
import { AttendancePeople, driftingUserids } from './attendancePeople';
import type { SandboxDemoUsers, SandboxDept, SandboxDeparture, SandboxUser, SandboxUserInput } from './corpTypes';
import type { PastLeaver } from './departureHistory';
import type { DriftProfile } from './driftModel';
import { LEAVE_TYPES, type SandboxLeaveType } from './leaveCatalogue';
import { simulateMonths, type TurnoverSummary } from './monthlyTurnover';
import { createPrng, deriveSeed, type Prng } from './prng';
import { memberTitles } from './titles';
import { buildUser, generatedUserid, jobNumber } from './userFactory';

/** Everything generateCorp decided; the corp builds its indexes from it. */
export interface SandboxCorpInit {
  corpId: string;
  corpName: string;
  appKey: string;
  appSecret: string;
  agentId: number;
  seed: number;
  asOfMs: number;
  departments: SandboxDept[];
  /** Each with its dept_order_list filled in. */
  users: SandboxUser[];
  demoUsers: SandboxDemoUsers;
  nextUserNo: number;
  /** People who left before "today" (departureHistory), oldest first; they hold job numbers too. */
  history?: readonly PastLeaver[];
}

/** A change to the org, as DingTalk announces it in a contact event (doc 7.2). */
export type OrgChange =
  | { eventType: 'user_add_org' | 'user_modify_org' | 'user_leave_org'; userIds: string[] }
  | { eventType: 'org_dept_create' | 'org_dept_modify' | 'org_dept_remove'; deptIds: number[] };

/** Reason a removeUser leave is recorded with (2 个人原因). */
const DEFAULT_LEAVE_REASON = 2;

/** A generated corp the sandbox serves; tests mutate it directly (handle.corps.get(corpId)). */
export class SandboxCorp {
  readonly corpId: string;
  readonly corpName: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly agentId: number;
  readonly seed: number;
  readonly demoUsers: SandboxDemoUsers;
  readonly departments = new Map<number, SandboxDept>();
  /** Active employees by userid. */
  readonly users = new Map<string, SandboxUser>();
  /** People who left, oldest first, with their last working day. */
  readonly departures: SandboxDeparture[] = [];
  /** The same departures by userid: the attendance, leave and CRM answers look up who left on every call. */
  private readonly departedById = new Map<string, SandboxDeparture>();
  /** The corp's "today"; advanceMonths moves it. Attendance data ends the day before. */
  asOfMs: number;
  monthsAdvanced = 0;
  /**
   * Where the drift of drifters who are still employed peaks (default: the generation-time "today"); a drifter
   * who leaves drifts towards their last working day instead. Tests may move it.
   */
  driftReferenceMs: number;
  /** The leave types (假期类型) getleavestatus' leave_code refers to. */
  readonly leaveTypes: readonly SandboxLeaveType[] = LEAVE_TYPES;
  /** Names (form codes) of the CRM custom objects the sandbox serves; tests may rename them. */
  readonly crmObjects = { contracts: DEFAULT_CRM_CONTRACT_OBJECT, followRecords: DEFAULT_CRM_FOLLOW_RECORD_OBJECT };

  private readonly children = new Map<number, SandboxDept[]>();
  /** Userids per department in DingTalk's custom order (dept_order). */
  private readonly members = new Map<number, string[]>();
  private readonly hirePrng: Prng;
  private nextUserNo: number;
  private nextJobNo: number;
  private modifiedSeq: number;
  private readonly orgListeners = new Set<(change: OrgChange) => void>();

  constructor(init: SandboxCorpInit) {
    this.corpId = init.corpId;
    this.corpName = init.corpName;
    this.appKey = init.appKey;
    this.appSecret = init.appSecret;
    this.agentId = init.agentId;
    this.seed = init.seed;
    this.asOfMs = init.asOfMs;
    this.driftReferenceMs = init.asOfMs;
    this.demoUsers = init.demoUsers;
    this.nextUserNo = init.nextUserNo;
    this.nextJobNo = init.users.length + (init.history?.length ?? 0) + 1;
    this.modifiedSeq = init.users.length;
    this.hirePrng = createPrng(deriveSeed(init.seed, 'hires'));
    for (const dept of init.departments) {
      this.departments.set(dept.dept_id, dept);
      this.members.set(dept.dept_id, []);
      if (dept.parent_id !== undefined) this.childList(dept.parent_id).push(dept);
    }
    for (const list of this.children.values()) list.sort((a, b) => a.order - b.order);
    for (const user of init.users) {
      this.users.set(user.userid, user);
      for (const { dept_id } of user.dept_order_list) this.members.get(dept_id)?.push(user.userid);
    }
    for (const [deptId, list] of this.members) list.sort((a, b) => this.orderIn(a, deptId) - this.orderIn(b, deptId));
    for (const past of init.history ?? []) {
      this.addDeparture({ ...this.departureOf(past.user, past.lastWorkDayMs, past.reasonType, past.reasonMemo), drifted: past.drifted });
    }
  }

  /** Number of active employees. */
  get employeeCount(): number {
    return this.users.size;
  }

  /** An active employee, or undefined (unknown or left). */
  getUser(userid: string): SandboxUser | undefined {
    return this.users.get(userid);
  }

  /** The departure of someone who left, by userid (the latest, should the same userid have left twice). */
  getDeparture(userid: string): SandboxDeparture | undefined {
    return this.departedById.get(userid);
  }

  private addDeparture(departure: SandboxDeparture): void {
    this.departures.push(departure);
    this.departedById.set(departure.userid, departure);
  }

  /** A department by id. */
  getDept(deptId: number): SandboxDept | undefined {
    return this.departments.get(deptId);
  }

  /** Direct sub-departments in display order. */
  childDepts(deptId: number): SandboxDept[] {
    return [...(this.children.get(deptId) ?? [])];
  }

  /** Active people directly in a department, in custom (dept_order) order. */
  deptMembers(deptId: number): SandboxUser[] {
    return (this.members.get(deptId) ?? []).flatMap((id) => this.users.get(id) ?? []);
  }

  /** True when the user is in the department's dept_manager_userid_list. */
  isLeader(userid: string, deptId: number): boolean {
    return this.departments.get(deptId)?.dept_manager_userid_list.includes(userid) ?? false;
  }

  /** DingTalk's leader_in_dept for a user: one entry per department the user is in. */
  leaderInDept(user: SandboxUser): { dept_id: number; leader: boolean }[] {
    return user.dept_id_list.map((deptId) => ({ dept_id: deptId, leader: this.isLeader(user.userid, deptId) }));
  }

  /** True when the user manages at least one department. */
  isManagerAnywhere(userid: string): boolean {
    return this.leaderDeptIds(userid).length > 0;
  }

  /** Departments the user manages. */
  leaderDeptIds(userid: string): number[] {
    return [...this.departments.values()].filter((d) => d.dept_manager_userid_list.includes(userid)).map((d) => d.dept_id);
  }

  /** Names from the root down, joined by '-' (the hrm APIs' dept_path). */
  deptPath(deptId: number): string {
    const names: string[] = [];
    for (let dept = this.departments.get(deptId); dept; dept = dept.parent_id === undefined ? undefined : this.departments.get(dept.parent_id)) {
      names.unshift(dept.name);
    }
    return names.join('-');
  }

  /** Userids of people "drifting towards leaving" (active and departed), sorted; see driftModel. */
  driftingUserids(): string[] {
    return driftingUserids(this);
  }

  /** How a person drifts (when it peaks, whether they are also absent without leave), or undefined for everyone else. */
  driftOf(userid: string): DriftProfile | undefined {
    return new AttendancePeople(this).get(userid)?.drift;
  }

  /** The person leaves: gone from lists and user/get, recorded in `departures` with their last day. */
  removeUser(userid: string, leftAtMs: number = this.asOfMs): SandboxDeparture {
    return this.recordLeave(userid, leftAtMs, DEFAULT_LEAVE_REASON, '个人发展');
  }

  /** A hire: unspecified fields are generated (default department: a random team, title from it). */
  addUser(partial: SandboxUserInput = {}): SandboxUser {
    return this.hire(partial, this.hirePrng);
  }

  /** Change a person's title (user_modify_org). */
  setUserTitle(userid: string, title: string): void {
    const user = this.requireUser(userid);
    user.title = title;
    this.touch(user);
    this.announce({ eventType: 'user_modify_org', userIds: [userid] });
  }

  /** Rename a department (org_dept_modify). */
  renameDept(deptId: number, name: string): SandboxDept {
    const dept = this.departments.get(deptId);
    if (!dept) throw new Error(`unknown department ${deptId} in ${this.corpId}`);
    dept.name = name;
    this.announce({ eventType: 'org_dept_modify', deptIds: [deptId] });
    return dept;
  }

  /** Listen to org changes (the Stream gateway turns them into contact events); returns the unsubscribe. */
  onOrgChange(listener: (change: OrgChange) => void): () => void {
    this.orgListeners.add(listener);
    return () => this.orgListeners.delete(listener);
  }

  /** Let `n` months pass: each month a few % leave and a few % join, deterministically from the seed. */
  advanceMonths(n: number): TurnoverSummary {
    if (!Number.isInteger(n) || n < 0) throw new Error(`advanceMonths: n must be a non-negative integer, got ${n}`);
    return simulateMonths(this, n);
  }

  /** Hire with identity drawn from `prng` (addUser and monthly turnover share this path). */
  hire(partial: SandboxUserInput, prng: Prng): SandboxUser {
    if (partial.userid !== undefined && this.users.has(partial.userid)) throw new Error(`addUser: ${partial.userid} already exists`);
    const deptIds = partial.dept_id_list ?? [this.randomTeam(prng).dept_id];
    const depts = deptIds.map((id) => this.departments.get(id));
    const main = depts[0];
    if (!main || depts.some((d) => d === undefined)) throw new Error(`addUser: unknown department in ${JSON.stringify(deptIds)}`);
    if (partial.manager_userid !== undefined && !this.users.has(partial.manager_userid)) {
      throw new Error(`addUser: manager ${partial.manager_userid} is not an active user`);
    }
    let userid = partial.userid;
    while (userid === undefined || this.users.has(userid)) userid = generatedUserid(this.nextUserNo++);
    const generated = buildUser(prng, {
      userid,
      corpId: this.corpId,
      jobNumber: jobNumber(this.nextJobNo++),
      title: prng.weighted(memberTitles(main.kind)),
      deptIds,
      hiredDate: this.asOfMs,
      workPlace: main.work_place,
    });
    const user: SandboxUser = { ...generated, ...partial, userid, dept_id_list: [...deptIds], dept_order_list: [] };
    for (const deptId of deptIds) {
      const list = this.members.get(deptId) ?? [];
      const order = list.reduce((max, id) => Math.max(max, this.orderIn(id, deptId)), 0) + 1;
      user.dept_order_list.push({ dept_id: deptId, order });
      list.push(userid);
      this.members.set(deptId, list);
    }
    this.users.set(userid, user);
    this.touch(user);
    this.announce({ eventType: 'user_add_org', userIds: [userid] });
    return user;
  }

  /** Remove an active person, keeping a departure record (shared by removeUser and monthly turnover). */
  recordLeave(userid: string, lastWorkDayMs: number, reasonType: number, reasonMemo: string): SandboxDeparture {
    const user = this.requireUser(userid);
    const departure = this.departureOf(user, lastWorkDayMs, reasonType, reasonMemo);
    this.users.delete(userid);
    for (const deptId of user.dept_id_list) {
      this.members.set(
        deptId,
        (this.members.get(deptId) ?? []).filter((id) => id !== userid),
      );
    }
    for (const dept of this.departments.values()) {
      dept.dept_manager_userid_list = dept.dept_manager_userid_list.filter((id) => id !== userid);
    }
    const orphans: string[] = [];
    for (const other of this.users.values()) {
      if (other.manager_userid === userid) {
        delete other.manager_userid;
        this.touch(other);
        orphans.push(other.userid);
      }
    }
    this.addDeparture(departure);
    this.announce({ eventType: 'user_leave_org', userIds: [userid] });
    if (orphans.length > 0) this.announce({ eventType: 'user_modify_org', userIds: orphans });
    return departure;
  }

  /** The departure record of `user` leaving on `lastWorkDayMs` (handover: their supervisor at the time). */
  private departureOf(user: SandboxUser, lastWorkDayMs: number, reasonType: number, reasonMemo: string): SandboxDeparture {
    const mainDeptId = user.dept_id_list[0] ?? 1;
    const handover = this.supervisorOf(user);
    const departure: SandboxDeparture = {
      userid: user.userid,
      name: user.name,
      last_work_day: lastWorkDayMs,
      main_dept_id: mainDeptId,
      main_dept_name: this.departments.get(mainDeptId)?.name ?? '',
      dept_list: user.dept_id_list.map((deptId) => ({ dept_id: deptId, dept_path: this.deptPath(deptId) })),
      reason_type: reasonType,
      reason_memo: reasonMemo,
      // Probation in China is at most 6 months; someone leaving earlier left from 试用期.
      pre_status: lastWorkDayMs - user.hired_date < 183 * 86_400_000 ? 2 : 3,
      status: 2,
      user: structuredClone(user),
    };
    if (handover !== undefined) departure.handover_userid = handover;
    return departure;
  }

  /** Supervisor by doc 3.5: explicit manager, else the nearest department manager who is not the user. */
  supervisorOf(user: SandboxUser): string | undefined {
    if (user.manager_userid !== undefined) return user.manager_userid;
    for (
      let dept = this.departments.get(user.dept_id_list[0] ?? 1);
      dept;
      dept = dept.parent_id === undefined ? undefined : this.departments.get(dept.parent_id)
    ) {
      if (dept.dept_manager_userid_list.includes(user.userid)) continue;
      const manager = dept.dept_manager_userid_list[0];
      if (manager !== undefined) return manager;
    }
    return undefined;
  }

  /** Plain data for snapshots and determinism checks (never the app secret). */
  toJSON(): Record<string, unknown> {
    return {
      corpId: this.corpId,
      corpName: this.corpName,
      agentId: this.agentId,
      seed: this.seed,
      asOfMs: this.asOfMs,
      demoUsers: this.demoUsers,
      departments: [...this.departments.values()],
      users: [...this.users.values()],
      departures: this.departures,
    };
  }

  private requireUser(userid: string): SandboxUser {
    const user = this.users.get(userid);
    if (!user) throw new Error(`unknown or departed user ${userid} in ${this.corpId}`);
    return user;
  }

  private announce(change: OrgChange): void {
    for (const listener of this.orgListeners) listener(change);
  }

  private touch(user: SandboxUser): void {
    user.modified_seq = ++this.modifiedSeq;
  }

  private orderIn(userid: string, deptId: number): number {
    return this.users.get(userid)?.dept_order_list.find((o) => o.dept_id === deptId)?.order ?? 0;
  }

  private childList(deptId: number): SandboxDept[] {
    let list = this.children.get(deptId);
    if (!list) this.children.set(deptId, (list = []));
    return list;
  }

  /** A leaf department picked in proportion to its size, so hires land where people work. */
  private randomTeam(prng: Prng): SandboxDept {
    const leaves = [...this.departments.values()].filter((d) => !this.children.has(d.dept_id) && d.dept_id !== 1);
    return prng.weighted(leaves.map((d) => [d, Math.max(1, this.members.get(d.dept_id)?.length ?? 0)] as const));
  }
}
