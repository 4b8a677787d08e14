/** Turns the flat department lists of GET /api/v1/org/departments into a tree, and filters it by a search. */
import type { OrgDepartment } from '@liucai/shared';

export interface DeptNode {
  dept: OrgDepartment;
  depth: number;
  children: DeptNode[];
}

/**
 * Builds the forest: a department whose parent is missing from the list (an HR user's scoped subtree, or the
 * root) becomes a root. Input order is kept among siblings. Parent cycles in bad data cannot loop forever:
 * a department whose parent chain returns to itself is treated as a root.
 */
export function buildDepartmentTree(departments: readonly OrgDepartment[]): DeptNode[] {
  const byId = new Map<number, OrgDepartment>();
  for (const d of departments) if (!byId.has(d.id)) byId.set(d.id, d);

  const inCycle = (d: OrgDepartment): boolean => {
    const seen = new Set<number>([d.id]);
    let p = d.parentId;
    while (p !== null && byId.has(p)) {
      if (seen.has(p)) return true;
      seen.add(p);
      p = byId.get(p)!.parentId;
    }
    return false;
  };

  const childrenOf = new Map<number, OrgDepartment[]>();
  const roots: OrgDepartment[] = [];
  for (const d of byId.values()) {
    if (d.parentId !== null && d.parentId !== d.id && byId.has(d.parentId) && !inCycle(d)) {
      const list = childrenOf.get(d.parentId) ?? [];
      list.push(d);
      childrenOf.set(d.parentId, list);
    } else {
      roots.push(d);
    }
  }
  const toNode = (dept: OrgDepartment, depth: number): DeptNode => ({
    dept,
    depth,
    children: (childrenOf.get(dept.id) ?? []).map((c) => toNode(c, depth + 1)),
  });
  return roots.map((r) => toNode(r, 0));
}

/** The departments of `base` and `more` together, once each (a department in `more` replaces the same one in `base`). */
export function mergeDepartments(base: readonly OrgDepartment[], more: readonly OrgDepartment[]): OrgDepartment[] {
  if (more.length === 0) return [...base];
  const byId = new Map<number, OrgDepartment>();
  for (const d of base) byId.set(d.id, d);
  for (const d of more) byId.set(d.id, d);
  return [...byId.values()];
}

/** True when the department's name or one of its managers' names contains `q` (case-insensitive). */
export function departmentMatches(dept: OrgDepartment, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  return dept.name.toLowerCase().includes(needle) || dept.managers.some((m) => m.name.toLowerCase().includes(needle));
}

/**
 * Keeps matching departments and the path to them; a matching department keeps its whole subtree.
 * An empty query returns the tree unchanged.
 */
export function filterDepartmentTree(nodes: readonly DeptNode[], q: string): DeptNode[] {
  if (!q.trim()) return [...nodes];
  const out: DeptNode[] = [];
  for (const n of nodes) {
    if (departmentMatches(n.dept, q)) out.push(n);
    else {
      const children = filterDepartmentTree(n.children, q);
      if (children.length) out.push({ ...n, children });
    }
  }
  return out;
}

/** Ids of every node in the forest that has children (to expand everything, e.g. while searching). */
export function parentIds(nodes: readonly DeptNode[]): number[] {
  const ids: number[] = [];
  const walk = (list: readonly DeptNode[]) => {
    for (const n of list) {
      if (n.children.length) {
        ids.push(n.dept.id);
        walk(n.children);
      }
    }
  };
  walk(nodes);
  return ids;
}

/** Departments in tree order with their depth (for indented check lists). */
export function flattenTree(nodes: readonly DeptNode[]): DeptNode[] {
  const out: DeptNode[] = [];
  const walk = (list: readonly DeptNode[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}
