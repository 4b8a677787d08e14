/**
 * The tier distribution of a talent review by department (each person counted once, in their main department),
 * departments ordered by path; people without a department come last under “未分配部门”.
 */
import type { TalentTier } from './jobModelTypes';
import { compareZh } from '../zhText';
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
  return tierRowsOf(people.map((p) => ({ department: p.department, tier: p.tier, people: 1 })));
}

/**
 * The same rows from counts already grouped (department × tier, e.g. by the database): one row per department,
 * ordered by path, people without a department last.
 */
export function tierRowsOf(groups: readonly { department: DepartmentRef | null; tier: TalentTier | null; people: number }[]): DepartmentTierRow[] {
  const rows = new Map<number | null, DepartmentTierRow>();
  for (const g of groups) {
    const id = g.department?.id ?? null;
    let row = rows.get(id);
    if (!row) {
      row = { departmentId: id, path: g.department?.path ?? NO_DEPARTMENT, counts: tierDistribution([]), total: 0 };
      rows.set(id, row);
    }
    row.counts[g.tier ?? 'insufficient'] += g.people;
    row.total += g.people;
  }
  return [...rows.values()].sort((a, b) => (a.departmentId === null ? 1 : 0) - (b.departmentId === null ? 1 : 0) || compareZh(a.path, b.path));
}
