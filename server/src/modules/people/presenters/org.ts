import { In, type DataSource } from 'typeorm';
import type { OrgDepartment, OrgTree } from '@liucai/shared';
import { Department, DepartmentHeadcount, User } from '../../../entities';
import { notFound } from '../../../errors';
import { refreshDepartmentHeadcounts } from '../commands/departmentHeadcountRefresher';
import { orderDepartments, type DeptSkeleton } from '../queries/departmentTree';
import { visibleAmong, type DeptScope } from '../../access/policies/scope';
import { corpDepartments, derivedFrom } from '../queries/corpDepartments';

/** Which part of the tree an answer holds (GET /api/v1/org/departments). */
export type OrgView = { kind: 'roots' } | { kind: 'children'; parentId: number } | { kind: 'search'; q: string } | { kind: 'all' };

/** Search answers at most this many matching departments (with their paths). */
export const ORG_SEARCH_LIMIT = 50;

type Raw = Record<string, unknown>;
const num = (v: unknown) => Number(v);
const managerIds = (v: unknown): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : Array.isArray(v) ? (v as string[]) : []);

interface DeptRow extends DeptSkeleton {
  active: boolean;
}

/**
 * The corp's departments, active or not (scope is worked out over the whole tree, as `visibleDepartmentIds` does):
 * ids, parents and whether active (`skeleton`), with names and order too (`names`), both from the departments the
 * web process keeps (read once per org version), or with managers as well (`full`: one indexed read, no entities).
 */
async function departmentsOf(ds: DataSource, corpId: string, detail: 'skeleton' | 'names' | 'full'): Promise<DeptRow[]> {
  if (detail !== 'full') {
    const kept = await corpDepartments(ds, corpId);
    return derivedFrom(kept, `org-${detail}`, (rows) =>
      rows.map((d) => ({
        id: d.deptId,
        parentId: d.parentId,
        active: d.active,
        name: detail === 'names' ? d.name : '',
        order: detail === 'names' ? d.sortOrder : 0,
        managerUserids: [],
      })),
    );
  }
  const columns = [
    'd.dept_id AS id',
    'd.parent_id AS parentId',
    'd.active AS active',
    'd.name AS name',
    'd.sort_order AS sortOrder',
    'd.manager_userids AS managers',
  ];
  const rows: Raw[] = await ds.getRepository(Department).createQueryBuilder('d').select(columns).where('d.corp_id = :corpId', { corpId }).getRawMany();
  return rows.map((r) => ({
    id: num(r.id),
    parentId: r.parentId === null ? null : num(r.parentId),
    active: r.active === true || Number(r.active) === 1,
    name: String(r.name),
    order: num(r.sortOrder),
    managerUserids: managerIds(r.managers),
  }));
}

/** Names, order and managers of some active departments. */
async function detailsOf(ds: DataSource, corpId: string, ids: number[]): Promise<Map<number, DeptSkeleton>> {
  const out = new Map<number, DeptSkeleton>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows: Raw[] = await ds
      .getRepository(Department)
      .createQueryBuilder('d')
      .select(['d.dept_id AS id', 'd.parent_id AS parentId', 'd.name AS name', 'd.sort_order AS sortOrder', 'd.manager_userids AS managers'])
      .where('d.corp_id = :corpId AND d.active = :active AND d.dept_id IN (:...ids)', { corpId, active: true, ids: ids.slice(i, i + 500) })
      .getRawMany();
    for (const r of rows) {
      out.set(num(r.id), {
        id: num(r.id),
        parentId: r.parentId === null ? null : num(r.parentId),
        name: String(r.name),
        order: num(r.sortOrder),
        managerUserids: managerIds(r.managers),
      });
    }
  }
  return out;
}

/**
 * One view of the department tree within `scope` (an actor's, or a set of visible department ids), with precomputed headcounts and managers:
 * - `roots`: the visible roots (a visible department whose parent is hidden is a root) and their children;
 * - `children`: the sub-departments of one visible department (404 outside scope);
 * - `search`: departments whose name or a manager's name contains the words, with the path down to each;
 * - `all`: every visible department (pickers such as 角色设置's department list; the API's picker asks without
 *   managers, `opts.managers: false`, and gets `managers: []`).
 * `totals` always covers the whole visible tree, so the page can say how many departments and people it holds.
 */
export async function presentOrg(
  ds: DataSource,
  corpId: string,
  scope: DeptScope | Set<number>,
  view: OrgView = { kind: 'all' },
  opts: { managers?: boolean } = {},
): Promise<OrgTree> {
  // The whole view and search read the departments once with their details; the others read ids and parents first.
  // A picker (`managers: false`) names departments only: everything it needs is kept in the web process.
  const withManagers = opts.managers !== false;
  const corpDepts = await departmentsOf(ds, corpId, view.kind === 'all' || view.kind === 'search' ? (withManagers ? 'full' : 'names') : 'skeleton');
  const visible =
    scope instanceof Set
      ? scope
      : visibleAmong(
          corpDepts.map((d) => ({ deptId: d.id, parentId: d.parentId })),
          scope,
        );
  const all = corpDepts.filter((d) => d.active && visible.has(d.id));
  const byId = new Map(all.map((d) => [d.id, d]));
  const parentOf = (d: { id: number; parentId: number | null }) => (d.parentId !== null && d.parentId !== d.id && byId.has(d.parentId) ? d.parentId : null);
  const roots = all.filter((d) => parentOf(d) === null);
  const childCount = new Map<number, number>();
  for (const d of all) {
    const p = parentOf(d);
    if (p !== null) childCount.set(p, (childCount.get(p) ?? 0) + 1);
  }
  let ids: number[];
  let details: Map<number, DeptSkeleton>;
  let truncated = false;
  if (view.kind === 'search') {
    const matches = orderDepartments(await searchMatches(ds, corpId, all, view.q));
    truncated = matches.length > ORG_SEARCH_LIMIT;
    const on = new Set<number>();
    for (const m of matches.slice(0, ORG_SEARCH_LIMIT)) {
      // The path from the visible root down to each match (a cycle in bad data stops at a department seen before).
      for (let d = byId.get(m.id); d && !on.has(d.id); d = byId.get(parentOf(d) ?? -1)) on.add(d.id);
    }
    ids = [...on];
    details = byId;
  } else {
    if (view.kind === 'children' && !byId.has(view.parentId)) throw notFound('部门');
    const rootIds = new Set(roots.map((r) => r.id));
    const keep = (d: { id: number; parentId: number | null }) =>
      view.kind === 'all' || (view.kind === 'roots' ? rootIds.has(d.id) || rootIds.has(parentOf(d) ?? -1) : parentOf(d) === view.parentId);
    ids = all.filter(keep).map((d) => d.id);
    details = view.kind === 'all' ? byId : await detailsOf(ds, corpId, ids);
  }
  const picked = orderDepartments(ids.flatMap((id) => details.get(id) ?? []));
  const counts = await headcountsOf(ds, corpId, picked.map((d) => d.id).concat(roots.map((r) => r.id)), view.kind === 'all');
  const managers = await namesOf(ds, corpId, [...new Set(picked.flatMap((d) => d.managerUserids))]);
  const departments: OrgDepartment[] = picked.map((d) => {
    const c = counts.get(d.id);
    return {
      id: d.id,
      parentId: parentOf(d),
      name: d.name,
      headcount: c?.headcount ?? 0,
      totalHeadcount: c?.totalHeadcount ?? 0,
      childCount: childCount.get(d.id) ?? 0,
      managers: d.managerUserids.flatMap((id) => {
        const u = managers.get(id);
        return u ? [{ userid: u.userid, name: u.name, title: u.title }] : [];
      }),
    };
  });
  return {
    view: view.kind,
    departments,
    totals: { departments: all.length, headcount: roots.reduce((n, r) => n + (counts.get(r.id)?.totalHeadcount ?? 0), 0) },
    truncated,
  };
}

/**
 * The departments of `depts` whose name, or one of whose managers' names, contains `q`: department names compared
 * here (case-insensitive), managers' names by the database (LIKE, as the people search does) among those managers only.
 */
async function searchMatches(ds: DataSource, corpId: string, depts: DeptSkeleton[], q: string): Promise<DeptSkeleton[]> {
  const needle = q.toLowerCase();
  const out = new Map(depts.filter((d) => d.name.toLowerCase().includes(needle)).map((d) => [d.id, d]));
  const like = `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  const managers = [...new Set(depts.flatMap((d) => d.managerUserids))];
  const who = new Set<string>();
  for (let i = 0; i < managers.length; i += 500) {
    const rows: Raw[] = await ds
      .getRepository(User)
      .createQueryBuilder('u')
      .select(['u.userid AS userid', 'u.status AS status'])
      // No status in SQL (see namesOf): the key (corp, userid) reads just these managers.
      .where("u.corp_id = :corpId AND u.userid IN (:...ids) AND u.name LIKE :like ESCAPE '!'", { corpId, ids: managers.slice(i, i + 500), like })
      .getRawMany();
    for (const r of rows) if (r.status === 'active') who.add(String(r.userid));
  }
  for (const d of depts) if (!out.has(d.id) && d.managerUserids.some((id) => who.has(id))) out.set(d.id, d);
  return [...out.values()];
}

/** Headcounts of these departments; recounted once when some are missing (a new department, an empty table). */
async function headcountsOf(
  ds: DataSource,
  corpId: string,
  ids: number[],
  wholeCorp: boolean,
): Promise<Map<number, { headcount: number; totalHeadcount: number }>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const read = async () => {
    const out = new Map<number, { headcount: number; totalHeadcount: number }>();
    const slices = wholeCorp ? [null] : Array.from({ length: Math.ceil(wanted.length / 500) }, (_, i) => wanted.slice(i * 500, i * 500 + 500));
    for (const slice of slices) {
      const qb = ds
        .getRepository(DepartmentHeadcount)
        .createQueryBuilder('h')
        .select(['h.dept_id AS id', 'h.headcount AS headcount', 'h.total_headcount AS total'])
        .where('h.corp_id = :corpId', { corpId });
      if (slice) qb.andWhere('h.dept_id IN (:...ids)', { ids: slice });
      for (const r of (await qb.getRawMany()) as Raw[]) out.set(num(r.id), { headcount: num(r.headcount), totalHeadcount: num(r.total) });
    }
    return out;
  };
  const found = await read();
  if (wanted.every((id) => found.has(id))) return found;
  await refreshDepartmentHeadcounts(ds, corpId);
  return read();
}

/** Active people by userid (for manager names). */
async function namesOf(ds: DataSource, corpId: string, userids: string[]): Promise<Map<string, { userid: string; name: string; title: string | null }>> {
  const out = new Map<string, { userid: string; name: string; title: string | null }>();
  for (let i = 0; i < userids.length; i += 500) {
    const rows: Raw[] = await ds
      .getRepository(User)
      .createQueryBuilder('u')
      .select(['u.userid AS userid', 'u.name AS name', 'u.title AS title', 'u.status AS status'])
      // No status in SQL: with it SQLite walks the (corp, status) index over every active person instead of the key.
      .where('u.corp_id = :corpId AND u.userid IN (:...ids)', { corpId, ids: userids.slice(i, i + 500) })
      .getRawMany();
    for (const u of rows)
      if (u.status === 'active')
        out.set(String(u.userid), { userid: String(u.userid), name: String(u.name), title: u.title === null ? null : String(u.title) });
  }
  return out;
}

/** Users by id, for presenting references. */
export async function userRefs(ds: DataSource, corpId: string, userids: string[]) {
  if (userids.length === 0) return new Map<string, User>();
  const users = await ds.getRepository(User).findBy({ corpId, userid: In(userids) });
  return new Map(users.map((u) => [u.userid, u]));
}
