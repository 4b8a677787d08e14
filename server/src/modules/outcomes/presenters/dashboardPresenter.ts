/** The 转型看板 as the API answers it, for one HR scope: stored rows added up by month and group (shared/src/outcomes). */
import type { DataSource } from 'typeorm';
import { OUTCOME_TARGETS, TIER_LABELS, outcomeTable, type OutcomeFact, type OutcomeGrouping, type OutcomesDashboard, type TalentTier } from '@liucai/shared';
import type { OutcomesScope } from '../policies/outcomesScope';
import { departmentNames, outcomeFactsInScope, storedMonths } from '../queries/outcomeFacts';
import { atmosphereViews } from '../../pulse/queries/atmosphereViews';

/** Months shown: the stored ones, the last 12 (the 13th is only read for 12-month retention). */
export const SHOWN_MONTHS = 12;

/** A group's label: 全部, a department's name, a tier's label. */
export function groupLabel(key: string, deptName: ReadonlyMap<number, string>): string {
  if (key === 'all') return '全部';
  if (key === 'dept:none') return '未分配部门';
  if (key.startsWith('dept:')) return deptName.get(Number(key.slice(5))) ?? `部门 ${key.slice(5)}`;
  if (key === 'tier:none') return '未评分';
  return TIER_LABELS[key.slice(5) as TalentTier] ?? key;
}

export interface ScopedFacts {
  facts: OutcomeFact[];
  months: string[];
  computedAt: Date | null;
}

/** The scope's stored rows (all stored months: the trailing windows read the earlier ones). */
export async function scopedFacts(ds: DataSource, os: OutcomesScope): Promise<ScopedFacts> {
  const stored = await storedMonths(ds, os.scope.corpId);
  return { facts: await outcomeFactsInScope(ds, os.scope, stored.months), months: stored.months.slice(-SHOWN_MONTHS), computedAt: stored.computedAt };
}

export async function presentDashboard(ds: DataSource, os: OutcomesScope, sf: ScopedFacts, by: OutcomeGrouping): Promise<OutcomesDashboard> {
  const table = outcomeTable(sf.facts, sf.months, by, os.riskVisible);
  const deptIds = table.groups.filter((g) => g.startsWith('dept:') && g !== 'dept:none').map((g) => Number(g.slice(5)));
  const names = await departmentNames(ds, os.scope.corpId, deptIds);
  return {
    months: table.months,
    by,
    groups: table.groups.map((key) => ({ key, label: groupLabel(key, names) })),
    cells: table.cells,
    computedAt: sf.computedAt ? sf.computedAt.toISOString() : null,
    targets: { annualTurnover: { ...OUTCOME_TARGETS.annualTurnover }, bigShare: { ...OUTCOME_TARGETS.bigShare } },
    atmosphere: await atmosphereViews(ds, os.scope.corpId, os.scope.deptIds),
  };
}
