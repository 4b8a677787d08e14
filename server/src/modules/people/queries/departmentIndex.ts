import type { DataSource } from 'typeorm';
import { departmentPathLabels, type DepartmentRef } from '@liucai/shared';
import { Department } from '../../../entities';

/** What the index keeps of a department. */
export interface DepartmentRow {
  deptId: number;
  parentId: number | null;
  name: string;
  active: boolean;
  sortOrder: number;
}
import { descendantsOf } from '../../access/policies/scope';

/**
 * A corp's departments read once for a request (one query, about 560 rows at 10,000 people): each one's path for
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

/** Read a corp's departments (id, parent, name, active, order) into a `DepartmentIndex`: one raw query, no entities. */
export async function loadDepartmentIndex(ds: DataSource, corpId: string): Promise<DepartmentIndex> {
  const rows = await ds
    .getRepository(Department)
    .createQueryBuilder('d')
    .select('d.dept_id', 'deptId')
    .addSelect('d.parent_id', 'parentId')
    .addSelect('d.name', 'name')
    .addSelect('d.active', 'active')
    .addSelect('d.sort_order', 'sortOrder')
    .where('d.corp_id = :corpId', { corpId })
    .orderBy('d.sort_order', 'ASC')
    .addOrderBy('d.dept_id', 'ASC')
    .getRawMany<{ deptId: number | string; parentId: number | string | null; name: string; active: number | boolean; sortOrder: number }>();
  return new DepartmentIndex(
    rows.map((r) => ({
      deptId: Number(r.deptId),
      parentId: r.parentId === null ? null : Number(r.parentId),
      name: r.name,
      active: Boolean(Number(r.active)),
      sortOrder: Number(r.sortOrder),
    })),
  );
}
