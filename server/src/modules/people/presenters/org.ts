import { In, type DataSource } from 'typeorm';
import type { OrgDepartment, OrgTree } from '@liucai/shared';
import { Department, DepartmentHeadcount, User } from '../../../entities';
import { notFound } from '../../../errors';
import { refreshDepartmentHeadcounts } from '../commands/departmentHeadcountRefresher';
import { departmentMatchesQuery, orderDepartments, type DeptSkeleton } from '../queries/departmentTree';

/** Which part of the tree an answer holds (GET /api/v1/org/departments). */
export type OrgView = { kind: 'roots' } | { kind: 'children'; parentId: number } | { kind: 'search'; q: string } | { kind: 'all' };

/** Search answers at most this many matching departments (with their paths). */
export const ORG_SEARCH_LIMIT = 50;

/** The corp's active departments without counts: ids, parents, names, order and manager ids (one indexed read). */
async function skeleton(ds: DataSource, corpId: string): Promise<DeptSkeleton[]> {
  const rows = await ds
    .getRepository(Department)
    .find({ where: { corpId, active: true }, select: { deptId: true, parentId: true, name: true, sortOrder: true, managerUserids: true } });
  return orderDepartments(rows.map((d) => ({ id: Number(d.deptId), parentId: d.parentId === null ? null : Number(d.parentId), name: d.name, order: d.sortOrder, managerUserids: d.managerUserids })));
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
  const all = (await skeleton(ds, corpId)).filter((d) => visible.has(d.id));
  const byId = new Map(all.map((d) => [d.id, d]));
  const parentOf = (d: DeptSkeleton) => (d.parentId !== null && d.parentId !== d.id && byId.has(d.parentId) ? d.parentId : null);
  const roots = all.filter((d) => parentOf(d) === null);
  const childCount = new Map<number, number>();
  for (const d of all) {
    const p = parentOf(d);
    if (p !== null) childCount.set(p, (childCount.get(p) ?? 0) + 1);
  }
  let picked: DeptSkeleton[];
  let truncated = false;
  if (view.kind === 'all') picked = all;
  else if (view.kind === 'roots') {
    const rootIds = new Set(roots.map((r) => r.id));
    picked = all.filter((d) => rootIds.has(d.id) || rootIds.has(parentOf(d) ?? -1));
  } else if (view.kind === 'children') {
    if (!byId.has(view.parentId)) throw notFound('部门');
    picked = all.filter((d) => parentOf(d) === view.parentId);
  } else {
    const managerNames = await namesOf(ds, corpId, [...new Set(all.flatMap((d) => d.managerUserids))]);
    const matches = all.filter((d) => departmentMatchesQuery(d.name, d.managerUserids.map((id) => managerNames.get(id)?.name ?? ''), view.q));
    truncated = matches.length > ORG_SEARCH_LIMIT;
    const ids = new Set<number>();
    for (const m of matches.slice(0, ORG_SEARCH_LIMIT)) {
      // The path from the visible root down to each match (a cycle in bad data stops at a department seen before).
      for (let d: DeptSkeleton | undefined = m; d && !ids.has(d.id); d = byId.get(parentOf(d) ?? -1)) ids.add(d.id);
    }
    picked = all.filter((d) => ids.has(d.id));
  }
  const counts = await headcountsOf(ds, corpId, picked.map((d) => d.id).concat(roots.map((r) => r.id)));
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

/** Headcounts of these departments; recounted once when some are missing (a new department, an empty table). */
async function headcountsOf(ds: DataSource, corpId: string, ids: number[]): Promise<Map<number, DepartmentHeadcount>> {
  const wanted = [...new Set(ids)];
  const read = async () => {
    const out = new Map<number, DepartmentHeadcount>();
    for (let i = 0; i < wanted.length; i += 500) {
      for (const r of await ds.getRepository(DepartmentHeadcount).findBy({ corpId, deptId: In(wanted.slice(i, i + 500)) })) out.set(Number(r.deptId), r);
    }
    return out;
  };
  const found = await read();
  if (found.size === wanted.length) return found;
  await refreshDepartmentHeadcounts(ds, corpId);
  return read();
}

/** Active people by userid (for manager names). */
async function namesOf(ds: DataSource, corpId: string, userids: string[]): Promise<Map<string, Pick<User, 'userid' | 'name' | 'title'>>> {
  const out = new Map<string, Pick<User, 'userid' | 'name' | 'title'>>();
  for (let i = 0; i < userids.length; i += 500) {
    const rows = await ds
      .getRepository(User)
      .find({ where: { corpId, status: 'active', userid: In(userids.slice(i, i + 500)) }, select: { userid: true, name: true, title: true } });
    for (const u of rows) out.set(u.userid, u);
  }
  return out;
}

/** Users by id, for presenting references. */
export async function userRefs(ds: DataSource, corpId: string, userids: string[]) {
  if (userids.length === 0) return new Map<string, User>();
  const users = await ds.getRepository(User).findBy({ corpId, userid: In(userids) });
  return new Map(users.map((u) => [u.userid, u]));
}
