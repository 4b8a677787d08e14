/** The 转型看板 as the API answers it, for one HR scope: stored sums added up by month and group (shared/src/outcomes). */
import type { DataSource } from 'typeorm';
import {
  ATMOSPHERE_PAGE_SIZE,
  OUTCOME_TARGETS,
  TIER_LABELS,
  outcomeTable,
  outcomeTableFromSums,
  type OutcomeFact,
  type OutcomeGrouping,
  type OutcomesDashboard,
  type OutcomeTable,
  type TalentTier,
} from '@liucai/shared';
import type { OutcomesScope } from '../policies/outcomesScope';
import { departmentNames, outcomeFactsInScope, storedMonths } from '../queries/outcomeFacts';
import { atmosphereViews } from '../../pulse/queries/atmosphereViews';
import { scopeSumTable, storedSumMonths } from '../queries/outcomeGroups';

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

/**
 * The dashboard for one HR scope, from the stored sums (a few thousand rows summed in SQL at 10,000 people); before the
 * job has built them (an upgrade, before its first run), from the stored person-months as before: the same numbers.
 */
export async function presentDashboard(ds: DataSource, os: OutcomesScope, by: OutcomeGrouping): Promise<OutcomesDashboard> {
  const stored = await storedSumMonths(ds, os.scope.corpId);
  let table: OutcomeTable;
  let computedAt: Date | null;
  if (stored.months.length > 0) {
    table = outcomeTableFromSums(await scopeSumTable(ds, os, stored.months, by), stored.months.slice(-SHOWN_MONTHS), by);
    computedAt = stored.computedAt;
  } else {
    const sf = await scopedFacts(ds, os);
    table = outcomeTable(sf.facts, sf.months, by, os.riskVisible);
    computedAt = sf.computedAt;
  }
  const deptIds = table.groups.filter((g) => g.startsWith('dept:') && g !== 'dept:none').map((g) => Number(g.slice(5)));
  const names = await departmentNames(ds, os.scope.corpId, deptIds);
  const atmosphere = await atmosphereViews(ds, os.scope.corpId, os.scope.deptIds, { page: 1, pageSize: ATMOSPHERE_PAGE_SIZE });
  return {
    months: table.months,
    by,
    groups: table.groups.map((key) => ({ key, label: groupLabel(key, names) })),
    cells: table.cells,
    computedAt: computedAt ? computedAt.toISOString() : null,
    targets: { annualTurnover: { ...OUTCOME_TARGETS.annualTurnover }, bigShare: { ...OUTCOME_TARGETS.bigShare } },
    atmosphere: atmosphere.items,
    atmosphereTotal: atmosphere.total,
  };
}
