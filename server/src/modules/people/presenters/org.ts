import { In, type DataSource } from 'typeorm';
import type { OrgDepartment, OrgTree } from '@liucai/shared';
import { Department, DepartmentHeadcount, User } from '../../../entities';
import { notFound } from '../../../errors';
import { refreshDepartmentHeadcounts } from '../commands/departmentHeadcountRefresher';
import { orderDepartments, type DeptSkeleton } from '../queries/departmentTree';

/** Which part of the tree an answer holds (GET /api/v1/org/departments). */
export type OrgView = { kind: 'roots' } | { kind: 'children'; parentId: number } | { kind: 'search'; q: string } | { kind: 'all' };

/** Search answers at most this many matching departments (with their paths). */
export const ORG_SEARCH_LIMIT = 50;

type Raw = Record<string, unknown>;
const num = (v: unknown) => Number(v);
const managerIds = (v: unknown): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : Array.isArray(v) ? (v as string[]) : []);

/** The corp's active departments as ids and parents only (one indexed read of two columns, no entities). */
async function treeOf(ds: DataSource, corpId: string): Promise<{ id: number; parentId: number | null }[]> {
  const rows: Raw[] = await ds
    .getRepository(Department)
    .createQueryBuilder('d')
    .select(['d.dept_id AS id', 'd.parent_id AS parentId'])
    .where('d.corp_id = :corpId AND d.active = :active', { corpId, active: true })
    .getRawMany();
  return rows.map((r) => ({ id: num(r.id), parentId: r.parentId === null ? null : num(r.parentId) }));
}

/** Names, order and managers of some departments (or, without ids, of every active one: search). */
async function detailsOf(ds: DataSource, corpId: string, ids: number[] | null): Promise<Map<number, DeptSkeleton>> {
  const out = new Map<number, DeptSkeleton>();
  const read = async (slice: number[] | null) => {
    const qb = ds
      .getRepository(Department)
      .createQueryBuilder('d')
      .select(['d.dept_id AS id', 'd.parent_id AS parentId', 'd.name AS name', 'd.sort_order AS sortOrder', 'd.manager_userids AS managers'])
      .where('d.corp_id = :corpId AND d.active = :active', { corpId, active: true });
    if (slice) qb.andWhere('d.dept_id IN (:...ids)', { ids: slice });
    for (const r of (await qb.getRawMany()) as Raw[]) {
      out.set(num(r.id), {
        id: num(r.id),
        parentId: r.parentId === null ? null : num(r.parentId),
        name: String(r.name),
        order: num(r.sortOrder),
        managerUserids: managerIds(r.managers),
      });
    }
  };
  if (ids === null) await read(null);
  else for (let i = 0; i < ids.length; i += 500) if (ids.length) await read(ids.slice(i, i + 500));
  return out;
}

/**
 * One view of the department tree within `visible`, with precomputed headcounts and managers:
 * - `roots`: the visible roots (a visible department whose parent is hidden is a root) and their children;
 * - `children`: the sub-departments of one visible department (404 outside scope);
 * - `search`: departments whose name or a manager's name contains the words, with the path down to each;
 * - `all`: every visible department (pickers such as 角色设置's department list).
 * `totals` always covers the whole visible tree, so the page can say how many departments and people it holds.
 */
export async function presentOrg(ds: DataSource, corpId: string, visible: Set<number>, view: OrgView = { kind: 'all' }): Promise<OrgTree> {
  const all = (await treeOf(ds, corpId)).filter((d) => visible.has(d.id));
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
    const matches = orderDepartments([...(await searchMatches(ds, corpId, view.q)).values()].filter((d) => byId.has(d.id)));
    truncated = matches.length > ORG_SEARCH_LIMIT;
    const on = new Set<number>();
    for (const m of matches.slice(0, ORG_SEARCH_LIMIT)) {
      // The path from the visible root down to each match (a cycle in bad data stops at a department seen before).
      for (let d = byId.get(m.id); d && !on.has(d.id); d = byId.get(parentOf(d) ?? -1)) on.add(d.id);
    }
    ids = [...on];
    details = await detailsOf(ds, corpId, ids);
  } else {
    if (view.kind === 'children' && !byId.has(view.parentId)) throw notFound('部门');
    const rootIds = new Set(roots.map((r) => r.id));
    const keep = (d: { id: number; parentId: number | null }) =>
      view.kind === 'all' || (view.kind === 'roots' ? rootIds.has(d.id) || rootIds.has(parentOf(d) ?? -1) : parentOf(d) === view.parentId);
    ids = all.filter(keep).map((d) => d.id);
    details = await detailsOf(ds, corpId, view.kind === 'all' ? null : ids);
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
 * Active departments whose name, or one of whose managers' names, contains `q` (the database compares, case-insensitive
 * as LIKE is on both): matching names in SQL, then the departments those people manage.
 */
async function searchMatches(ds: DataSource, corpId: string, q: string): Promise<Map<number, { id: number; order: number }>> {
  const like = `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  const out = new Map<number, { id: number; order: number }>();
  const named: Raw[] = await ds
    .getRepository(Department)
    .createQueryBuilder('d')
    .select(['d.dept_id AS id', 'd.sort_order AS sortOrder'])
    .where("d.corp_id = :corpId AND d.active = :active AND d.name LIKE :like ESCAPE '!'", { corpId, active: true, like })
    .getRawMany();
  for (const r of named) out.set(num(r.id), { id: num(r.id), order: num(r.sortOrder) });
  const people: Raw[] = await ds
    .getRepository(User)
    .createQueryBuilder('u')
    .select('u.userid AS userid')
    .where("u.corp_id = :corpId AND u.status = :status AND u.name LIKE :like ESCAPE '!'", { corpId, status: 'active', like })
    .getRawMany();
  if (people.length === 0) return out;
  const who = new Set(people.map((p) => String(p.userid)));
  const managed: Raw[] = await ds
    .getRepository(Department)
    .createQueryBuilder('d')
    .select(['d.dept_id AS id', 'd.sort_order AS sortOrder', 'd.manager_userids AS managers'])
    .where('d.corp_id = :corpId AND d.active = :active', { corpId, active: true })
    .getRawMany();
  for (const r of managed) if (managerIds(r.managers).some((id) => who.has(id))) out.set(num(r.id), { id: num(r.id), order: num(r.sortOrder) });
  return out;
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
