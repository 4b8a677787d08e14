import { Semaphore } from '../../../util/semaphore';
import { USER_LIST_MAX_SIZE } from '../../../dingtalk/wireFacts';

/** The DingTalk calls org sync needs (a subset of DingTalkClient, so tests and benchmarks see the same seam). */
export interface OrgSource {
  getDepartment(deptId: number): Promise<{ dept_id: number; name: string; parent_id?: number; order?: number; dept_manager_userid_list?: string[] }>;
  listSubDepartments(deptId: number): Promise<{ dept_id: number; name: string; parent_id?: number }[]>;
  listUsers(
    deptId: number,
    cursor: number,
    size: number,
  ): Promise<{ has_more: boolean; next_cursor?: number; list: { userid: string; leader?: boolean; dept_id_list?: number[] }[] }>;
  getUser(userid: string): Promise<FetchedUser>;
}

/** The fields of /topapi/v2/user/get that Liucai keeps. */
export interface FetchedUser {
  userid: string;
  unionid?: string;
  name: string;
  title?: string;
  job_number?: string;
  avatar?: string;
  hired_date?: number;
  manager_userid?: string;
  dept_id_list?: number[];
  leader_in_dept?: { dept_id: number; leader: boolean }[];
  admin?: boolean;
  boss?: boolean;
}

export interface FetchedDepartment {
  deptId: number;
  parentId: number | null;
  name: string;
  order: number;
  managerUserids: string[];
}

export interface FetchedOrg {
  departments: FetchedDepartment[];
  users: FetchedUser[];
  /** userid -> departments found in user/list, with the leader flag of each. */
  memberships: Map<string, Map<number, boolean>>;
}

export type FetchProgress = (phase: 'departments' | 'users', done: number, total: number) => void;

/**
 * Read the whole org from DingTalk: walk the department tree (listsub + get for managers), page every
 * department's members (a user in several departments is fetched once), and read each user's detail (user/get,
 * the only place manager_userid appears). Everything is pipelined: a department's members and children are read
 * as soon as it is found, and a user's detail as soon as the user is first seen, so the busiest API (user/get)
 * is kept at its rate limit from the first seconds. Each API gets its own `concurrency` slots, so a queue of
 * user/get calls never holds up the tree walk. The first failure fails the whole fetch and stops new calls.
 */
export async function fetchOrg(source: OrgSource, concurrency: number, progress: FetchProgress): Promise<FetchedOrg> {
  const lanes = { dept: new Semaphore(concurrency), sub: new Semaphore(concurrency), list: new Semaphore(concurrency), user: new Semaphore(concurrency) };
  const departments = new Map<number, FetchedDepartment>();
  const memberships = new Map<string, Map<number, boolean>>();
  const users = new Map<string, FetchedUser>();
  const tasks: Promise<void>[] = [];
  let failure: unknown = null;
  let deptsFound = 1;
  const spawn = (task: () => Promise<void>) => {
    const p = task().catch((err: unknown) => {
      failure ??= err;
    });
    tasks.push(p);
  };
  const call = <T>(lane: Semaphore, fn: () => Promise<T>): Promise<T> =>
    lane.run(() => {
      if (failure) throw failure; // a failed fetch spends no more calls
      return fn();
    });

  const visitDept = (deptId: number) => {
    spawn(async () => {
      const d = await call(lanes.dept, () => source.getDepartment(deptId));
      departments.set(deptId, {
        deptId,
        parentId: deptId === 1 ? null : (d.parent_id ?? null),
        name: d.name,
        order: d.order ?? 0,
        managerUserids: d.dept_manager_userid_list ?? [],
      });
      progress('departments', departments.size, deptsFound);
    });
    spawn(async () => {
      const children = await call(lanes.sub, () => source.listSubDepartments(deptId));
      deptsFound += children.length;
      for (const c of children) visitDept(c.dept_id);
    });
    spawn(async () => {
      let cursor = 0;
      for (;;) {
        const page = await call(lanes.list, () => source.listUsers(deptId, cursor, USER_LIST_MAX_SIZE));
        for (const u of page.list) {
          let m = memberships.get(u.userid);
          if (!m) {
            m = new Map();
            memberships.set(u.userid, m);
            const userid = u.userid;
            spawn(async () => {
              users.set(userid, await call(lanes.user, () => source.getUser(userid)));
              progress('users', users.size, memberships.size);
            });
          }
          m.set(deptId, u.leader === true);
        }
        if (!page.has_more || page.next_cursor === undefined) break;
        cursor = page.next_cursor;
      }
    });
  };
  visitDept(1);
  // Tasks spawn tasks: wait until no new ones appear.
  for (let seen = 0; seen < tasks.length;) {
    const batch = tasks.slice(seen);
    seen = tasks.length;
    await Promise.all(batch);
  }
  if (failure) throw failure;
  const ordered = [...departments.values()].sort((a, b) => (a.parentId ?? 0) - (b.parentId ?? 0) || a.order - b.order || a.deptId - b.deptId);
  return { departments: ordered, users: [...users.values()], memberships };
}
