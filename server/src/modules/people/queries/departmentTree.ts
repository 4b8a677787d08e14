/** A department as the org views need it before counts: id, parent, name, DingTalk's order and manager ids. */
export interface DeptSkeleton {
  id: number;
  parentId: number | null;
  name: string;
  order: number;
  managerUserids: string[];
}

/** Siblings in DingTalk's order, then by id (the order the org page shows). */
export function orderDepartments<T extends { id: number; order: number }>(depts: T[]): T[] {
  return [...depts].sort((a, b) => a.order - b.order || a.id - b.id);
}

/** Does a department match a search: its name or one of its managers' names contains the words (case-insensitive)? */
export function departmentMatchesQuery(name: string, managerNames: readonly string[], q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  return name.toLowerCase().includes(needle) || managerNames.some((m) => m.toLowerCase().includes(needle));
}
