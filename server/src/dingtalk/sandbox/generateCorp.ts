/**
 * Generates a realistic, deterministic company from a seed: the department tree from orgBlueprint, people
 * with Chinese names and department-matching titles, managers for every department, ~5% of people in two
 * departments, ~30% with an explicit manager_userid, admins, the four demo accounts, and a history of people who
 * left over the last 18 months (departureHistory), replaced by some of today's people.
 */
import { DEFAULT_AS_OF_MS, DEFAULT_CORP_NAME, MIN_EMPLOYEES, type SandboxCorpOptions, type SandboxDept, type SandboxUser } from './corpTypes';
import { ONE_DAY_MS, startOfChinaDay } from './corpClock';
import { planDepartureHistory } from './departureHistory';
import { planOrg, type PlannedDept } from './orgBlueprint';
import { createPrng, deriveSeed, type Prng } from './prng';
import { SandboxCorp } from './SandboxCorp';
import { leaderTitle, memberTitles } from './titles';
import { buildUser, generatedUserid, jobNumber } from './userFactory';

/** Fixed userids of the demo accounts. */
export const DEMO_USERIDS = { admin: 'demo-admin', hr: 'demo-hr', supervisor: 'demo-supervisor', employee: 'demo-employee' } as const;

const HISTORY_DAYS = 8 * 365;
const MULTI_DEPT_SHARE = 0.05;
const EXPLICIT_MANAGER_SHARE = 0.3;
/** Departments this big sometimes have a second (deputy) manager. */
const DEPUTY_FROM_HEADCOUNT = 8;

/** Generate a corp; the same options always give the same corp. */
export function generateCorp(opts: SandboxCorpOptions): SandboxCorp {
  checkOptions(opts);
  const asOfMs = startOfChinaDay(opts.asOfMs ?? DEFAULT_AS_OF_MS);
  const corpName = opts.corpName ?? DEFAULT_CORP_NAME;
  const plan = planOrg(opts.employees, corpName, createPrng(deriveSeed(opts.seed, 'plan')));
  const prng = createPrng(deriveSeed(opts.seed, 'people'));
  const members = new Map<number, string[]>(plan.depts.map((d) => [d.dept_id, []]));
  const managers = new Map<number, string[]>(plan.depts.map((d) => [d.dept_id, []]));
  const users = new Map<string, SandboxUser>();
  const demoSlots = planDemoSlots(plan);
  let userNo = 0;

  for (const dept of plan.depts) {
    for (let k = 0; k < dept.headcount; k++) {
      const userid = demoSlots.get(`${dept.dept_id}:${k}`) ?? generatedUserid(++userNo);
      const isHead = k === 0;
      const title = isHead ? leaderTitle(dept.kind, dept.isTeam) : userid === DEMO_USERIDS.employee ? '销售代表' : prng.weighted(memberTitles(dept.kind));
      const user = buildUser(prng, {
        userid,
        corpId: opts.corpId,
        jobNumber: '',
        title,
        deptIds: [dept.dept_id],
        hiredDate: hireDate(prng, asOfMs, isHead),
        workPlace: dept.work_place,
      });
      users.set(userid, user);
      members.get(dept.dept_id)?.push(userid);
      // Drawn before the demo check so the PRNG sequence (and so the whole company) does not depend on it.
      const isDeputy = k === 1 && dept.headcount >= DEPUTY_FROM_HEADCOUNT && dept.dept_id !== plan.demoTeamId && prng.chance(0.15) && !isDemoUserid(userid);
      if (isHead || isDeputy) managers.get(dept.dept_id)?.push(userid);
    }
  }

  const boss = users.get(members.get(plan.execId)?.[0] ?? '');
  if (!boss) throw new Error('generateCorp: the plan has no 总经办');
  Object.assign(boss, { boss: true, admin: true, sys_level: 1, hired_date: asOfMs - HISTORY_DAYS * ONE_DAY_MS });
  // The boss also sits in the root so that the root, like every department, is managed by a member.
  boss.dept_id_list.push(1);
  members.get(1)?.push(boss.userid);
  managers.set(1, [boss.userid]);
  // A couple of sub-admins: someone in HR other than the demo HR user (manages the contacts) and the boss's
  // assistant, who is the demo admin. The demo's HR and admin roles are different people, and neither manages anyone.
  // demo user: Liucai's demo shows HR and admin as different people (admin = DingTalk `sys`).
  for (const id of [members.get(plan.hrId)?.find((u) => u !== DEMO_USERIDS.hr), members.get(plan.execId)?.[1]]) {
    const subAdmin = id === undefined ? undefined : users.get(id);
    if (subAdmin) Object.assign(subAdmin, { admin: true, sys_level: 2 });
  }

  const managerIds = new Set([...managers.values()].flat());
  const protectedIds = new Set<string>(Object.values(DEMO_USERIDS));
  addSecondDepartments(prng, [...users.values()], plan.depts, members, (u) => !protectedIds.has(u.userid) && !managerIds.has(u.userid));
  assignExplicitManagers(prng, [...users.values()], plan.depts, managers);
  const history = planDepartureHistory({
    seed: opts.seed,
    corpId: opts.corpId,
    asOfMs,
    depts: plan.depts,
    members,
    users,
    fixed: new Set([...protectedIds, ...managerIds, ...[...users.values()].filter((u) => u.admin || u.boss).map((u) => u.userid)]),
    nextUserid: () => generatedUserid(++userNo),
  });

  const departments: SandboxDept[] = plan.depts.map(({ headcount: _h, isTeam: _t, ...dept }) => ({
    ...dept,
    dept_manager_userid_list: managers.get(dept.dept_id) ?? [],
  }));
  for (const [deptId, ids] of members) {
    ids.forEach((id, i) => users.get(id)?.dept_order_list.push({ dept_id: deptId, order: i + 1 }));
  }
  // dept_order_list follows dept_id_list (main department first).
  for (const user of users.values()) {
    user.dept_order_list.sort((a, b) => user.dept_id_list.indexOf(a.dept_id) - user.dept_id_list.indexOf(b.dept_id));
  }
  // Job numbers in hire order, people who left included (their numbers are not given again).
  const byHire = [...users.values(), ...history.map((h) => h.user)].sort((a, b) => a.hired_date - b.hired_date || a.userid.localeCompare(b.userid));
  byHire.forEach((u, i) => (u.job_number = jobNumber(i + 1)));
  [...users.values()].forEach((u, i) => (u.modified_seq = i + 1));

  return new SandboxCorp({
    corpId: opts.corpId,
    corpName,
    appKey: opts.appKey,
    appSecret: opts.appSecret,
    agentId: opts.agentId,
    seed: opts.seed,
    asOfMs,
    departments,
    users: [...users.values()],
    demoUsers: { ...DEMO_USERIDS },
    nextUserNo: userNo + 1,
    history,
  });
}

function checkOptions(opts: SandboxCorpOptions): void {
  if (!Number.isInteger(opts.employees) || opts.employees < MIN_EMPLOYEES) {
    throw new Error(`generateCorp: employees must be an integer >= ${MIN_EMPLOYEES}, got ${opts.employees}`);
  }
  if (!Number.isInteger(opts.seed)) throw new Error(`generateCorp: seed must be an integer, got ${opts.seed}`);
  if (!opts.corpId || !opts.appKey || !opts.appSecret) throw new Error('generateCorp: corpId, appKey and appSecret are required');
}

/**
 * Where the demo accounts sit, as "deptId:k" (the k-th person planned in that department). Each holds one role
 * alone: the admin is the boss's assistant in 总经办 (a DingTalk sub-admin who manages nobody), HR is an HR
 * specialist (not the head of 人力资源部, so nobody reports to them), the supervisor heads the first small-client
 * sales team and the employee is a plain sales rep of that team.
 */
function planDemoSlots(plan: { depts: PlannedDept[]; execId: number; hrId: number; demoTeamId: number }): Map<string, string> {
  const hrDept = plan.depts.find((d) => d.dept_id === plan.hrId);
  // 人力资源部 has one direct member (its head) at some sizes; then the specialist sits in its first group.
  const hrHome = hrDept && hrDept.headcount >= 2 ? hrDept : plan.depts.find((d) => d.parent_id === plan.hrId && d.headcount >= 2);
  if (!hrHome) throw new Error('generateCorp: the plan has no HR department with two people');
  return new Map([
    [`${plan.execId}:1`, DEMO_USERIDS.admin],
    [`${hrHome.dept_id}:1`, DEMO_USERIDS.hr],
    [`${plan.demoTeamId}:0`, DEMO_USERIDS.supervisor],
    [`${plan.demoTeamId}:1`, DEMO_USERIDS.employee],
  ]);
}

const isDemoUserid = (userid: string): boolean => (Object.values(DEMO_USERIDS) as string[]).includes(userid);

/** Hire dates over ~8 years: heads skew to the early years, everyone else to recent growth. */
function hireDate(prng: Prng, asOfMs: number, isHead: boolean): number {
  const u = prng.next();
  const yearsAgoShare = isHead ? 0.3 + 0.7 * u ** 0.8 : u ** 1.6;
  return startOfChinaDay(asOfMs - Math.floor(yearsAgoShare * HISTORY_DAYS) * ONE_DAY_MS);
}

/**
 * ~5% of eligible people also join a second department of the same function (a sibling team when there is one),
 * as in real orgs where someone helps a neighbouring team; a sales rep is never also in 财务部.
 */
function addSecondDepartments(
  prng: Prng,
  people: SandboxUser[],
  depts: PlannedDept[],
  members: Map<number, string[]>,
  eligible: (u: SandboxUser) => boolean,
): void {
  const parentOf = new Map(depts.map((d) => [d.dept_id, d.parent_id]));
  const hasChildren = new Set(depts.map((d) => d.parent_id));
  const leaves = depts.filter((d) => d.dept_id !== 1 && !hasChildren.has(d.dept_id));
  /** The top-level department (child of the root) a department belongs to. */
  const functionOf = (deptId: number): number => {
    let id = deptId;
    for (let up = parentOf.get(id); up !== undefined && up !== 1; up = parentOf.get(id)) id = up;
    return id;
  };
  const pool = people.filter(eligible);
  let wanted = Math.round(people.length * MULTI_DEPT_SHARE);
  for (let i = 0; i < pool.length && wanted > 0; i++) {
    const j = i + Math.floor(prng.next() * (pool.length - i));
    const person = pool[j];
    const swapped = pool[i];
    if (!person || !swapped) break;
    pool[j] = swapped;
    const mainId = person.dept_id_list[0] ?? 1;
    const sameFunction = leaves.filter((d) => d.dept_id !== mainId && functionOf(d.dept_id) === functionOf(mainId));
    if (sameFunction.length === 0) continue;
    const siblings = sameFunction.filter((d) => d.parent_id === parentOf.get(mainId));
    const second = prng.pick(siblings.length > 0 && prng.chance(0.6) ? siblings : sameFunction);
    person.dept_id_list.push(second.dept_id);
    members.get(second.dept_id)?.push(person.userid);
    wanted--;
  }
}

/** ~30% get an explicit manager_userid: usually their department's manager, sometimes the skip level. */
function assignExplicitManagers(prng: Prng, people: SandboxUser[], depts: PlannedDept[], managers: Map<number, string[]>): void {
  const parentOf = new Map(depts.map((d) => [d.dept_id, d.parent_id]));
  const supervisorFrom = (deptId: number | undefined, self: string): string | undefined => {
    for (let id = deptId; id !== undefined; id = parentOf.get(id)) {
      const list = managers.get(id) ?? [];
      if (list.includes(self)) continue;
      if (list[0] !== undefined) return list[0];
    }
    return undefined;
  };
  for (const person of people) {
    if (person.boss || person.userid === DEMO_USERIDS.employee || !prng.chance(EXPLICIT_MANAGER_SHARE)) continue;
    const mainId = person.dept_id_list[0];
    const skipLevel = prng.chance(0.15);
    const manager = supervisorFrom(skipLevel && mainId !== undefined ? parentOf.get(mainId) : mainId, person.userid);
    if (manager !== undefined && manager !== person.userid) person.manager_userid = manager;
  }
}
