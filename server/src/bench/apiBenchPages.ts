import { DEMO_USERIDS } from '../dingtalk/sandbox';
import { In, type DataSource } from 'typeorm';
import { AssessmentCycle, Department, HrScope, PulseRound, PulseSurvey, User } from '../entities';
import { descendantsOf } from '../modules/access/policies/scope';

/** Who a page's API is asked as (the sandbox's demo users). */
export type BenchRole = keyof typeof DEMO_USERIDS;

/** Ids the page APIs walk through, read from the bench database before the server starts. */
export interface BenchContext {
  corpId: string;
  /** Active people the demo HR user may see (their main department lies in HR's scope). */
  hrPeople: string[];
  /** Every active person (admins see everyone). */
  allPeople: string[];
  /** Departments with sub-departments inside HR's scope (what HR expands on the org page). */
  hrParents: number[];
  /** The latest assessment cycle, and the latest pulse round HR may read (测评管理 and 脉搏调查 open them from a link); 0 when none. */
  cycleId: number;
  roundId: number;
}

/**
 * One page's API under load. Add yours here and it is measured on both databases, idle and during a sync:
 * `path(ctx, i)` is request number i (vary it to walk through people or departments, as pages do).
 */
export interface PageApi {
  /** The page (or part of one) the API serves. */
  page: string;
  /** The route as README writes it. */
  label: string;
  as: BenchRole;
  path(ctx: BenchContext, i: number): string;
}

const at = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
/** A person HR may see, walked through as HR opens one person after another. */
const person = (c: BenchContext, i: number) => encodeURIComponent(at(c.hrPeople, i * 7919));

/** Every page's API. Keep one entry per API a page loads; engineers adding a page add its APIs here. */
export const PAGE_APIS: PageApi[] = [
  { page: '我的', label: 'GET /me', as: 'employee', path: () => '/api/v1/me' },
  { page: '员工资料', label: 'GET /users/:userid (HR)', as: 'hr', path: (c, i) => `/api/v1/users/${encodeURIComponent(at(c.hrPeople, i * 7919))}` },
  { page: '组织架构', label: 'GET /org/departments', as: 'hr', path: () => '/api/v1/org/departments' },
  { page: '组织架构', label: 'GET /org/departments (admin)', as: 'admin', path: () => '/api/v1/org/departments' },
  { page: '组织架构', label: 'GET /org/departments?parentId= (expand)', as: 'hr', path: (c, i) => `/api/v1/org/departments?parentId=${at(c.hrParents, i)}` },
  {
    page: '组织架构',
    label: 'GET /org/departments?q= (search)',
    as: 'admin',
    path: (c, i) => `/api/v1/org/departments?q=${encodeURIComponent(at(['销售', '一组', '王', '技术部'], i))}`,
  },
  { page: '组织架构', label: 'GET /sync/org', as: 'hr', path: () => '/api/v1/sync/org' },
  { page: '数据', label: 'GET /sync/quality', as: 'hr', path: () => '/api/v1/sync/quality' },
  { page: '数据', label: 'GET /sync/budget', as: 'hr', path: () => '/api/v1/sync/budget' },
  { page: '数据', label: 'GET /sync/:kind', as: 'hr', path: (_c, i) => `/api/v1/sync/${at(['attendance', 'leave', 'departures', 'crm'], i)}` },
  { page: '导入', label: 'GET /imports/runs', as: 'hr', path: () => '/api/v1/imports/runs' },
  { page: '角色设置', label: 'GET /admin/hr-scopes', as: 'admin', path: () => '/api/v1/admin/hr-scopes' },
  { page: '角色设置', label: 'GET /org/departments?all=1 (picker)', as: 'admin', path: () => '/api/v1/org/departments?all=1' },
  {
    page: '角色设置',
    label: 'GET /admin/users?q=',
    as: 'admin',
    path: (_c, i) => `/api/v1/admin/users?q=${encodeURIComponent(at(['张', '李', '王', '刘', '陈'], i))}`,
  },
  // The pages added since (each page's calls on open, as the role the page is for; tabs as they are clicked).
  { page: '(每页)', label: 'GET /notifications/mine/unread', as: 'employee', path: () => '/api/v1/notifications/mine/unread' },
  {
    page: '我的',
    label: 'GET /people?supervisor= (my reports)',
    as: 'supervisor',
    path: () => `/api/v1/people?supervisor=${DEMO_USERIDS.supervisor}&status=active&pageSize=50`,
  },
  { page: '人员', label: 'GET /people', as: 'hr', path: (_c, i) => `/api/v1/people?status=active&page=${1 + (i % 5)}&pageSize=20` },
  {
    page: '人员',
    label: 'GET /people?q=',
    as: 'hr',
    path: (_c, i) => `/api/v1/people?q=${encodeURIComponent(at(['张', '李', '王', '销售'], i))}&status=active&page=1&pageSize=20`,
  },
  { page: '人员', label: 'GET /directory/departments', as: 'hr', path: () => '/api/v1/directory/departments' },
  { page: '员工档案', label: 'GET /people/:userid', as: 'hr', path: (c, i) => `/api/v1/people/${person(c, i)}` },
  ...['attendance', 'leave', 'deals', 'follow-ups', 'collaborations', 'training', 'satisfaction', 'departure', 'risk'].map((tab): PageApi => ({
    page: '员工档案',
    label: `GET /people/:userid/${tab}`,
    as: 'hr',
    path: (c, i) => `/api/v1/people/${person(c, i)}/${tab}?page=1&pageSize=20`,
  })),
  { page: '员工档案 画像', label: 'GET /talent/people/:userid', as: 'hr', path: (c, i) => `/api/v1/talent/people/${person(c, i)}` },
  { page: '员工档案 绩效', label: 'GET /kpi/people/:userid', as: 'hr', path: (c, i) => `/api/v1/kpi/people/${person(c, i)}` },
  { page: '员工档案 激励', label: 'GET /payout-statements/people/:userid', as: 'hr', path: (c, i) => `/api/v1/payout-statements/people/${person(c, i)}` },
  { page: '我的激励', label: 'GET /incentives/mine', as: 'employee', path: () => '/api/v1/incentives/mine' },
  { page: '我的激励', label: 'GET /payout-statements/mine', as: 'employee', path: () => '/api/v1/payout-statements/mine' },
  { page: '我的激励', label: 'GET /payout-disputes/mine', as: 'employee', path: () => '/api/v1/payout-disputes/mine' },
  { page: '我的画像', label: 'GET /talent/people/:me', as: 'employee', path: () => `/api/v1/talent/people/${DEMO_USERIDS.employee}` },
  { page: '测评', label: 'GET /assessments/mine', as: 'employee', path: () => '/api/v1/assessments/mine' },
  { page: '测评', label: 'GET /assessments/people/:me', as: 'employee', path: () => `/api/v1/assessments/people/${DEMO_USERIDS.employee}` },
  { page: '测评', label: 'GET /pulse/mine', as: 'employee', path: () => '/api/v1/pulse/mine' },
  { page: '我的绩效', label: 'GET /kpi/mine', as: 'employee', path: () => '/api/v1/kpi/mine' },
  { page: '我的团队', label: 'GET /talent/review (supervisor)', as: 'supervisor', path: () => '/api/v1/talent/review?excludeSelf=1&pageSize=20' },
  { page: '团队绩效', label: 'GET /kpi/team (supervisor)', as: 'supervisor', path: () => '/api/v1/kpi/team' },
  { page: '团队绩效', label: 'GET /kpi/team (HR)', as: 'hr', path: () => '/api/v1/kpi/team' },
  { page: '团队绩效', label: 'GET /kpi/people', as: 'hr', path: () => '/api/v1/kpi/people' },
  { page: '团队绩效', label: 'GET /kpi/promotions', as: 'hr', path: () => '/api/v1/kpi/promotions' },
  { page: '激励方案', label: 'GET /incentives/plans', as: 'hr', path: () => '/api/v1/incentives/plans' },
  { page: '发放批次', label: 'GET /payout-runs', as: 'hr', path: () => '/api/v1/payout-runs' },
  { page: '发放批次', label: 'GET /payout-disputes?status=open', as: 'hr', path: () => '/api/v1/payout-disputes?status=open' },
  { page: '发放批次', label: 'GET /api-tokens', as: 'hr', path: () => '/api/v1/api-tokens' },
  { page: '申诉', label: 'GET /payout-disputes', as: 'hr', path: () => '/api/v1/payout-disputes' },
  { page: '人才盘点', label: 'GET /talent/review (HR)', as: 'hr', path: () => '/api/v1/talent/review?pageSize=20' },
  // A filtered page as HR narrows the list: a tier, then a search (walked through a few names).
  {
    page: '人才盘点',
    label: 'GET /talent/review?tier= (HR filter)',
    as: 'hr',
    path: (_c, i) => `/api/v1/talent/review?pageSize=20&tier=${at(['move', 'train', 'reassign'], i)}`,
  },
  {
    page: '人才盘点',
    label: 'GET /talent/review?q= (HR search)',
    as: 'hr',
    path: (_c, i) => `/api/v1/talent/review?pageSize=20&q=${encodeURIComponent(at(['王', '李', '张', '销售'], i))}`,
  },
  { page: '人才盘点', label: 'GET /talent/review/departments', as: 'hr', path: () => '/api/v1/talent/review/departments' },
  { page: '人才盘点', label: 'GET /talent/review/nine-box', as: 'hr', path: () => '/api/v1/talent/review/nine-box' },
  // A box opened (its people, 20 a page), walked through the boxes.
  {
    page: '人才盘点',
    label: 'GET /talent/review/nine-box?cell= (a box opened)',
    as: 'hr',
    path: (_c, i) => `/api/v1/talent/review/nine-box?pageSize=20&cell=${at(['train-mid', 'move-high', 'reassign-low'], i)}`,
  },
  { page: '岗位模型', label: 'GET /job-models', as: 'hr', path: () => '/api/v1/job-models' },
  { page: '岗位模型', label: 'GET /talent/metric-references', as: 'hr', path: () => '/api/v1/talent/metric-references' },
  { page: '测评管理', label: 'GET /assessment-cycles', as: 'hr', path: () => '/api/v1/assessment-cycles' },
  { page: '测评管理', label: 'GET /questionnaires', as: 'hr', path: () => '/api/v1/questionnaires' },
  { page: '测评管理', label: 'GET /assessment-cycles/:id', as: 'hr', path: (c) => `/api/v1/assessment-cycles/${c.cycleId}` },
  { page: '审计日志', label: 'GET /audit-log', as: 'admin', path: () => '/api/v1/audit-log?page=1&pageSize=20' },
  { page: '消息', label: 'GET /notifications/mine', as: 'employee', path: () => '/api/v1/notifications/mine' },
  { page: '通知记录', label: 'GET /notifications/log', as: 'hr', path: () => '/api/v1/notifications/log' },
  { page: '通知设置', label: 'GET /notifications/settings', as: 'admin', path: () => '/api/v1/notifications/settings' },
  { page: '留才雷达', label: 'GET /retention/risks (HR)', as: 'hr', path: () => '/api/v1/retention/risks?page=1&pageSize=50' },
  { page: '留才雷达', label: 'GET /retention/risks (supervisor)', as: 'supervisor', path: () => '/api/v1/retention/risks?page=1&pageSize=50' },
  { page: '风险详情', label: 'GET /retention/people/:userid', as: 'hr', path: (c, i) => `/api/v1/retention/people/${person(c, i)}` },
  { page: '转型看板', label: 'GET /outcomes?by=all', as: 'hr', path: () => '/api/v1/outcomes?by=all' },
  { page: '脉搏调查', label: 'GET /pulse-surveys', as: 'hr', path: () => '/api/v1/pulse-surveys' },
  { page: '脉搏调查', label: 'GET /pulse-rounds/:id/results', as: 'hr', path: (c) => `/api/v1/pulse-rounds/${c.roundId}/results` },
];

/** Read the ids the page APIs walk through (one pass over people and departments). */
export async function loadBenchContext(ds: DataSource, corpId: string): Promise<BenchContext> {
  const depts = await ds.getRepository(Department).find({ where: { corpId, active: true }, select: { deptId: true, parentId: true } });
  const scopes = await ds.getRepository(HrScope).findBy({ corpId, userid: DEMO_USERIDS.hr });
  const hrDepts = descendantsOf(
    depts,
    scopes.map((s) => s.deptId),
  );
  const people = await ds
    .getRepository(User)
    .find({ where: { corpId, status: 'active' }, select: { userid: true, mainDeptId: true }, order: { userid: 'ASC' } });
  const parents = new Set(depts.flatMap((d) => (d.parentId !== null ? [d.parentId] : [])));
  const hrSurveys = await ds.getRepository(PulseSurvey).find({ where: { corpId, deptId: In([...hrDepts]) }, select: { id: true } });
  const hrPeople = people.filter((u) => u.mainDeptId !== null && hrDepts.has(u.mainDeptId)).map((u) => u.userid);
  return {
    corpId,
    hrPeople: hrPeople.length ? hrPeople : [DEMO_USERIDS.employee],
    allPeople: people.map((u) => u.userid),
    hrParents: [...hrDepts].filter((id) => parents.has(id)),
    cycleId: (await ds.getRepository(AssessmentCycle).findOne({ where: { corpId }, order: { id: 'DESC' } }))?.id ?? 0,
    // The newest round of a survey on a department HR covers (HR sees no other's results).
    roundId: (await ds.getRepository(PulseRound).findOne({ where: { corpId, surveyId: In(hrSurveys.map((x) => x.id)) }, order: { id: 'DESC' } }))?.id ?? 0,
  };
}
