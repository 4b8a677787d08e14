import type { DataSource } from 'typeorm';
import { corpDepartments, derivedFrom } from '../../people/queries/corpDepartments';
import type { Actor } from '../../../appTypes';

/** Whose departments an actor may see on HR pages: every one (admin), some subtrees (HR), none (everyone else). */
export type DeptScope = { kind: 'all' } | { kind: 'subtrees'; roots: readonly number[] } | { kind: 'none' };

/** An actor's department scope. Scope is explicit (granted by an admin), never implied by the reporting line. */
export function deptScopeOf(actor: Pick<Actor, 'roles' | 'hrDeptIds'>): DeptScope {
  if (actor.roles.includes('admin')) return { kind: 'all' };
  if (actor.roles.includes('hr')) return { kind: 'subtrees', roots: actor.hrDeptIds };
  return { kind: 'none' };
}

/** The departments of `depts` (the corp's, each with its parent) that `scope` lets one see. */
export function visibleAmong(depts: { deptId: number; parentId: number | null }[], scope: DeptScope): Set<number> {
  if (scope.kind === 'all') return new Set(depts.map((d) => d.deptId));
  if (scope.kind === 'none') return new Set();
  return descendantsOf(depts, scope.roots);
}

/**
 * Department ids an actor may see on HR pages: every one for an admin, the granted departments and everything
 * below them for HR, none otherwise.
 */
export async function visibleDepartmentIds(ds: DataSource, actor: Actor): Promise<Set<number>> {
  const scope = deptScopeOf(actor);
  if (scope.kind === 'none') return new Set();
  // The corp's departments as the process keeps them (one read of the org version while no department changed), and
  // each scope's departments worked out once per org version; a copy, as callers may change their set.
  const depts = await corpDepartments(ds, actor.corpId, actor.orgVersion);
  const key = scope.kind === 'all' ? 'visible:all' : `visible:${[...scope.roots].sort((a, b) => a - b).join(',')}`;
  return new Set(derivedFrom(depts, key, (rows) => visibleAmong([...rows], scope)));
}

/** The given departments plus everything below them. */
export function descendantsOf(depts: { deptId: number; parentId: number | null }[], roots: readonly number[]): Set<number> {
  const children = new Map<number, number[]>();
  for (const d of depts) {
    if (d.parentId === null) continue;
    const list = children.get(d.parentId) ?? [];
    list.push(d.deptId);
    children.set(d.parentId, list);
  }
  const out = new Set<number>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
