import type { DataSource } from 'typeorm';
import { departmentPathLabels, type DepartmentRef } from '@liucai/shared';
import { corpDepartments, derivedFrom, type DepartmentRow } from './corpDepartments';
import { descendantsOf } from '../../access/policies/scope';

export type { DepartmentRow } from './corpDepartments';

/**
 * A corp's departments (about 560 rows at 10,000 people, kept per org version: `loadDepartmentIndex`): each one's path for
 * naming it (the shared rule, so the three 一组 are told apart) and subtrees for filters and scopes. Removed
 * departments are kept: people who left may still name them.
 */
export class DepartmentIndex {
  private readonly labels: Map<number, string>;
  private readonly byId: Map<number, DepartmentRow>;

  constructor(readonly departments: readonly DepartmentRow[]) {
    this.byId = new Map(departments.map((d) => [d.deptId, d]));
    this.labels = departmentPathLabels(departments.map((d) => ({ id: d.deptId, parentId: d.parentId, name: d.name })));
  }

  /** The department as the API names it (with its path), or null when unknown. */
  ref(deptId: number | null | undefined): DepartmentRef | null {
    if (deptId === null || deptId === undefined) return null;
    const d = this.byId.get(deptId);
    return d ? { id: d.deptId, name: d.name, path: this.labels.get(d.deptId) ?? d.name } : null;
  }

  /** The path shown for a department id (its id when unknown, which only broken data would give). */
  path(deptId: number): string {
    return this.labels.get(deptId) ?? `#${deptId}`;
  }

  /** The given departments and everything below them. */
  subtree(deptIds: readonly number[]): Set<number> {
    return descendantsOf([...this.departments], [...deptIds]);
  }

  /** The given departments less those below another of them: the same subtrees, named by fewer ids. */
  topmost(deptIds: readonly number[]): number[] {
    const within = this.subtree(deptIds);
    return deptIds.filter((id) => {
      const parent = this.byId.get(id)?.parentId ?? null;
      return parent === null || !within.has(parent);
    });
  }

  /**
   * Active departments among `ids` in tree order (parents before children, siblings by DingTalk's order), each named
   * with its path: the choices of a department filter.
   */
  listInTreeOrder(ids: ReadonlySet<number>): DepartmentRef[] {
    const children = new Map<number | null, DepartmentRow[]>();
    for (const d of this.departments) {
      const parent = d.parentId !== null && this.byId.has(d.parentId) ? d.parentId : null;
      children.set(parent, [...(children.get(parent) ?? []), d]);
    }
    const out: DepartmentRef[] = [];
    const seen = new Set<number>();
    const walk = (parent: number | null) => {
      for (const d of children.get(parent) ?? []) {
        if (seen.has(d.deptId)) continue;
        seen.add(d.deptId);
        if (d.active && ids.has(d.deptId)) out.push(this.ref(d.deptId)!);
        walk(d.deptId);
      }
    };
    walk(null);
    return out;
  }

  /** Departments whose name contains `needle` (case-insensitive), for searching people by department. */
  matching(needle: string): number[] {
    const n = needle.toLowerCase();
    return this.departments.filter((d) => d.name.toLowerCase().includes(n)).map((d) => d.deptId);
  }
}

/**
 * A corp's `DepartmentIndex`: built once per org version from the departments the process keeps (`corpDepartments`:
 * one read by key per request while no department changed), shared by the requests.
 */
export async function loadDepartmentIndex(ds: DataSource, corpId: string, knownOrgVersion?: number): Promise<DepartmentIndex> {
  return derivedFrom(await corpDepartments(ds, corpId, knownOrgVersion), 'departmentIndex', (rows) => new DepartmentIndex(rows));
}
