/**
 * The tier distribution of a talent review by department (each person counted once, in their main department),
 * departments ordered by path; people without a department come last under “未分配部门”.
 */
import type { TalentTier } from './jobModelTypes';
import type { DepartmentRef } from '../api';

export type TierCounts = Record<TalentTier | 'insufficient', number>;

export interface DepartmentTierRow {
  departmentId: number | null;
  path: string;
  counts: TierCounts;
  total: number;
}

export const NO_DEPARTMENT = '未分配部门';

/** How many people per tier; `insufficient`: 数据不足 (no score). */
export function tierDistribution(people: readonly { tier: TalentTier | null }[]): TierCounts {
  const counts: TierCounts = { move: 0, train: 0, reassign: 0, insufficient: 0 };
  for (const p of people) counts[p.tier ?? 'insufficient']++;
  return counts;
}

export function tierCountsByDepartment(people: readonly { department: DepartmentRef | null; tier: TalentTier | null }[]): DepartmentTierRow[] {
  const rows = new Map<number | null, { department: DepartmentRef | null; tier: TalentTier | null }[]>();
  for (const p of people) {
    const id = p.department?.id ?? null;
    const list = rows.get(id);
    if (list) list.push(p);
    else rows.set(id, [p]);
  }
  return [...rows.entries()]
    .map(([id, ps]): DepartmentTierRow => ({
      departmentId: id,
      path: ps[0]!.department?.path ?? NO_DEPARTMENT,
      counts: tierDistribution(ps),
      total: ps.length,
    }))
    .sort((a, b) => (a.departmentId === null ? 1 : 0) - (b.departmentId === null ? 1 : 0) || a.path.localeCompare(b.path, 'zh'));
}
