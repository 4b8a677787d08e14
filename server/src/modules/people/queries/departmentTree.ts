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
