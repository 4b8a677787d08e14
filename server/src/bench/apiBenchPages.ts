import type { DataSource } from 'typeorm';
import { DEMO_USERIDS } from '../dingtalk/sandbox';
import { Department, HrScope, User } from '../entities';
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
  const hrPeople = people.filter((u) => u.mainDeptId !== null && hrDepts.has(u.mainDeptId)).map((u) => u.userid);
  return {
    corpId,
    hrPeople: hrPeople.length ? hrPeople : [DEMO_USERIDS.employee],
    allPeople: people.map((u) => u.userid),
    hrParents: [...hrDepts].filter((id) => parents.has(id)),
  };
}
