import type { FetchedOrg } from './orgFetcher';

/**
 * Who leads which department, as DingTalk says it in two places: a department's manager list
 * (dept_manager_userid_list) and the leader flag on a user/list row. Used by the users step (supervisor rules) and
 * the memberships step (the is_leader flag) alike.
 */
export class OrgLeaders {
  private readonly managers: Map<number, Set<string>>;

  constructor(org: FetchedOrg) {
    this.managers = new Map(org.departments.map((d) => [d.deptId, new Set(d.managerUserids)]));
  }

  /** Does `userid` lead `deptId`: flagged leader on the member row, or named a manager of the department. */
  leads(userid: string, deptId: number, leaderFlag: boolean): boolean {
    return leaderFlag || this.managers.get(deptId)?.has(userid) === true;
  }
}
