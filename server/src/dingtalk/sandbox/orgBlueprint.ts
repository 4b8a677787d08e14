/**
 * Plans the department tree of a generated corp and how many people sit directly in each department,
 * scaled with headcount: at 50 people every top-level department exists and sales has a couple of teams;
 * at 10,000 the tree has several hundred departments (sales divisions -> teams, tech groups -> teams).
 */
import type { DeptKind, SandboxDept } from './corpTypes';
import { CITIES, chineseNumber, HEAD_OFFICE_CITY } from './nameBank';
import type { Prng } from './prng';

/** A department plus the number of people placed directly in it. */
export interface PlannedDept extends Omit<SandboxDept, 'dept_manager_userid_list'> {
  headcount: number;
  /** A leaf team below the top level (its lead gets a team-lead title). */
  isTeam: boolean;
}

/** The planned tree and the departments generation needs to find again. */
export interface OrgPlan {
  depts: PlannedDept[];
  execId: number;
  hrId: number;
  /** The first leaf team of 中小客户一部: home of the demo supervisor and employee. */
  demoTeamId: number;
}

interface Level {
  /** Desired people per child. */
  target: number;
  name(i: number): string;
  /** Kind of the i-th child; default: the parent's kind. */
  kind?(i: number): DeptKind;
  max?: number;
}

interface UnitOptions {
  leafMax?: number;
  minChildren?: number;
  workPlace?: string;
}

const TEAM_SIZE = 20;
const LEAF_MAX = 30;
/** Above this size a department head gets an assistant sitting directly in the department. */
const HEAD_ASSISTANT_FROM = 150;
/** Department ids look like DingTalk's (large, not 2, 3, 4 …) so nobody relies on small ids. */
const DEPT_ID_BASE = 100_000;

const teams = (): Level => ({ target: TEAM_SIZE, name: (i) => `${chineseNumber(i + 1)}组` });

const named = (names: readonly string[], target: number, kinds?: readonly DeptKind[]): Level => ({
  target,
  name: (i) => names[i] ?? `${chineseNumber(i + 1)}组`,
  ...(kinds ? { kind: (i: number) => kinds[i] ?? 'root' } : {}),
  max: names.length,
});

class Planner {
  readonly depts: PlannedDept[] = [];
  private seq = 0;

  constructor(private readonly prng: Prng) {}

  add(parent: PlannedDept | undefined, name: string, kind: DeptKind, headcount: number, workPlace: string, isTeam: boolean): PlannedDept {
    const siblings = parent ? this.depts.filter((d) => d.parent_id === parent.dept_id).length : 0;
    const dept: PlannedDept = {
      dept_id: parent ? DEPT_ID_BASE + ++this.seq : 1,
      name,
      order: siblings + 1,
      create_dept_group: this.prng.chance(0.6),
      auto_add_user: true,
      kind,
      work_place: workPlace,
      headcount,
      isTeam,
    };
    if (parent) dept.parent_id = parent.dept_id;
    this.depts.push(dept);
    return dept;
  }

  /** A department of `size` people: a leaf team if small enough, else a head plus sub-units per `levels`. */
  unit(parent: PlannedDept, name: string, kind: DeptKind, size: number, levels: readonly Level[], opts: UnitOptions = {}): PlannedDept {
    const workPlace = opts.workPlace ?? parent.work_place;
    const level = levels[0];
    const depth = this.depth(parent) + 1;
    if (!level || size <= (opts.leafMax ?? LEAF_MAX)) return this.add(parent, name, kind, size, workPlace, depth >= 2);
    const direct = size > HEAD_ASSISTANT_FROM ? 2 : 1;
    const dept = this.add(parent, name, kind, direct, workPlace, false);
    const rest = size - direct;
    const wanted = Math.max(opts.minChildren ?? 2, Math.round(rest / level.target));
    const count = Math.min(wanted, level.max ?? wanted, rest);
    this.split(rest, count).forEach((part, i) => this.unit(dept, level.name(i), level.kind?.(i) ?? kind, part, levels.slice(1), { workPlace }));
    return dept;
  }

  /** Split `total` into `count` parts of roughly equal size (±20%), each at least 1. */
  split(total: number, count: number): number[] {
    const weights = Array.from({ length: count }, () => 0.8 + 0.4 * this.prng.next());
    const sum = weights.reduce((a, b) => a + b, 0);
    const parts = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
    let diff = total - parts.reduce((a, b) => a + b, 0);
    for (let i = 0; diff > 0; i++, diff--) parts[i % count] = (parts[i % count] ?? 0) + 1;
    while (diff < 0) {
      const largest = parts.indexOf(Math.max(...parts));
      parts[largest] = (parts[largest] ?? 1) - 1;
      diff++;
    }
    return parts;
  }

  private depth(dept: PlannedDept): number {
    let depth = 0;
    let current: PlannedDept | undefined = dept;
    while (current?.parent_id !== undefined) {
      const parentId: number = current.parent_id;
      current = this.depts.find((d) => d.dept_id === parentId);
      depth++;
    }
    return depth;
  }
}

/** Plan departments and direct headcounts for `employees` people (sum of headcounts = employees). */
export function planOrg(employees: number, corpName: string, prng: Prng): OrgPlan {
  const n = employees;
  const exec = Math.min(12, Math.max(2, Math.round(n * 0.005)));
  const hr = Math.max(2, Math.round(n * 0.03));
  const fin = Math.max(2, Math.round(n * 0.02));
  const cs = Math.max(2, Math.round(n * 0.1));
  const tech = Math.max(3, Math.round(n * 0.17));
  const sales = n - exec - hr - fin - cs - tech;
  const salesCenterDirect = n >= 300 ? 2 : 1;
  const support = Math.max(1, Math.round(sales * 0.06));
  const keyAccount = Math.max(2, Math.round(sales * 0.22));
  const smb = sales - salesCenterDirect - support - keyAccount;
  const divisions = Math.max(2, Math.round(smb / 150));

  const p = new Planner(prng);
  const root = p.add(undefined, corpName, 'root', 0, HEAD_OFFICE_CITY, false);
  const execDept = p.unit(root, '总经办', 'exec', exec, []);
  const hrDept = p.unit(root, '人力资源部', 'hr', hr, [
    named(['招聘组', 'HRBP组', '薪酬绩效组', '培训发展组', '员工关系组'], hr / 5, ['hrRecruit', 'hrbp', 'hrComp', 'hrTraining', 'hrRelations']),
    teams(),
  ]);
  p.unit(root, '财务部', 'finance', fin, [
    named(['会计组', '出纳组', '财务分析组', '税务组'], fin / 4, ['finAccounting', 'finCashier', 'finAnalysis', 'finTax']),
    teams(),
  ]);
  const salesCenter = p.add(root, '销售中心', 'salesCenter', salesCenterDirect, HEAD_OFFICE_CITY, false);
  const industries = named(['金融行业部', '制造行业部', '零售消费行业部', '互联网行业部', '政企行业部'], keyAccount / 5);
  p.unit(salesCenter, '大客户部', 'keyAccount', keyAccount, keyAccount > 200 ? [industries, teams()] : [teams()]);
  let demoTeamId = 0;
  p.split(smb, divisions).forEach((part, i) => {
    const division = p.unit(salesCenter, `中小客户${chineseNumber(i + 1)}部`, 'smb', part, [teams()], {
      workPlace: CITIES[i % CITIES.length] ?? HEAD_OFFICE_CITY,
    });
    if (i === 0) demoTeamId = (p.depts.find((d) => d.parent_id === division.dept_id) ?? division).dept_id;
  });
  p.unit(salesCenter, '销售支持部', 'salesSupport', support, [named(['销售运营组', '商务组', '售前支持组', '合同管理组'], support / 4), teams()]);
  const techGroups: DeptKind[] = ['techBackend', 'techFrontend', 'techQa', 'techProduct', 'techOps', 'techData'];
  p.unit(root, '技术部', 'tech', tech, [named(['后端组', '前端组', '测试组', '产品组', '运维组', '数据组'], Math.max(4, tech / 6), techGroups), teams()], {
    leafMax: 2,
  });
  p.unit(root, '客户成功部', 'customerSuccess', cs, [teams()]);
  return { depts: p.depts, execId: execDept.dept_id, hrId: hrDept.dept_id, demoTeamId };
}
