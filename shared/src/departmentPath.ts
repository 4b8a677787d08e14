/**
 * Department paths: the sandbox (and real companies) have several departments called 一组, so wherever a department
 * is named the product shows where it sits, e.g. “销售中心 / 中小客户一部 / 一组”. One rule, used by the server's
 * presenters and by the micro-app alike.
 */

/** What a path needs of a department. */
export interface DepartmentNodeLike {
  id: number;
  parentId: number | null;
  name: string;
}

/** Separator between the levels of a path as shown. */
export const DEPARTMENT_PATH_SEPARATOR = ' / ';

/**
 * Names from the top to each department. The company's root department (no parent) is left out of everyone's
 * path but its own: it is the company itself, and every path would start with it. A department whose parent is not
 * in the list (an HR user's scoped subtree) starts its path there. A parent chain that loops stops at the repeat.
 */
export function departmentPaths(depts: readonly DepartmentNodeLike[]): Map<number, string[]> {
  const byId = new Map<number, DepartmentNodeLike>();
  for (const d of depts) if (!byId.has(d.id)) byId.set(d.id, d);
  const memo = new Map<number, string[]>();
  // What a department's children start their paths with: nothing below the company root, else its own path.
  const prefixOf = (d: DepartmentNodeLike, own: string[]): string[] => (d.parentId === null ? [] : own);
  const pathOf = (start: DepartmentNodeLike): void => {
    if (memo.has(start.id)) return;
    // Walk up to a known path, the root or the edge of the list, then fill the memo on the way back down.
    const chain: DepartmentNodeLike[] = [];
    const seen = new Set<number>();
    let d: DepartmentNodeLike | undefined = start;
    let base: string[] = [];
    while (d && !seen.has(d.id)) {
      const known = memo.get(d.id);
      if (known) {
        base = prefixOf(d, known);
        break;
      }
      seen.add(d.id);
      chain.push(d);
      d = d.parentId !== null ? byId.get(d.parentId) : undefined;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = chain[i]!;
      const own = node.parentId === null ? [node.name] : [...base, node.name];
      memo.set(node.id, own);
      base = prefixOf(node, own);
    }
  };
  for (const d of byId.values()) pathOf(d);
  return memo;
}

/** A path as shown: “销售中心 / 中小客户一部 / 一组”. */
export function formatDepartmentPath(names: readonly string[]): string {
  return names.join(DEPARTMENT_PATH_SEPARATOR);
}

/** Each department's path as shown, by id. */
export function departmentPathLabels(depts: readonly DepartmentNodeLike[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const [id, names] of departmentPaths(depts)) out.set(id, formatDepartmentPath(names));
  return out;
}
