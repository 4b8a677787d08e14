/**
 * 转型看板, stored sums: what `outcomeCell` adds up from the rows, kept per month and group (and, by the job, per
 * department) so the dashboard adds a few hundred stored sums instead of every person-month. `outcomeTableFromSums`
 * gives the same table as `outcomeTable` over the rows the sums came from (tested on both). Pure.
 */
import { addMonths } from '../talent/portrait';
import { groupKeysOf, type OutcomeCell, type OutcomeGrouping, type OutcomeRatio, type OutcomeTable } from './dashboard';
import type { OutcomeFact } from './facts';

/** What a group's month adds up (every field a count or a sum of fen, so sums of sums are exact). */
export const OUTCOME_SUM_FIELDS = [
  'rows',
  'headcount',
  'leavers',
  'retained',
  'revenueFen',
  'bigRevenueFen',
  'trainingTotal',
  'trainingDone',
  'newMet',
  'newMissed',
  'newUnknown',
  'newPending',
  'tierMove',
  'tierTrain',
  'tierReassign',
  'tierNone',
  'riskHigh',
  'riskMid',
  'riskLow',
  'riskNone',
  'stayed11',
] as const;
export type OutcomeSumField = (typeof OUTCOME_SUM_FIELDS)[number];
/**
 * rows: person-months; headcount: employed on the first day; leavers; retained: employed on the first day and after
 * the last; tier… and risk…: people employed after the month by tier and by band (risk only of people whose band the
 * viewer may count); stayed11: of those employed on the first day, still employed after the month 11 months later.
 */
export type OutcomeSums = Record<OutcomeSumField, number>;

export const emptySums = (): OutcomeSums => Object.fromEntries(OUTCOME_SUM_FIELDS.map((f) => [f, 0])) as OutcomeSums;

/** `into += sign × add`, field by field. */
export function addSums(into: OutcomeSums, add: Readonly<OutcomeSums>, sign: 1 | -1 = 1): OutcomeSums {
  for (const f of OUTCOME_SUM_FIELDS) into[f] += sign * add[f];
  return into;
}

const TIER_FIELD = { move: 'tierMove', train: 'tierTrain', reassign: 'tierReassign', none: 'tierNone' } as const;
const RISK_FIELD = { 高: 'riskHigh', 中: 'riskMid', 低: 'riskLow', none: 'riskNone' } as const;
const NEW_HIRE_FIELD = { met: 'newMet', missed: 'newMissed', unknown: 'newUnknown', pending: 'newPending' } as const;

/** One stored sum's place: a month, a grouping and one of its groups (`all`, `dept:<id>`, `tier:<key>`). */
export interface OutcomeSumKey {
  month: string;
  grouping: OutcomeGrouping;
  group: string;
}

/**
 * What one person's rows add to each (month, grouping, group): `facts` are all of the person's stored rows (their
 * month 11 months on decides `stayed11`); `countRisk` false leaves their band out (the viewer themself).
 */
export function personSums(facts: readonly OutcomeFact[], countRisk: boolean): { key: OutcomeSumKey; sums: OutcomeSums }[] {
  const byMonth = new Map(facts.map((f) => [f.month, f]));
  const out: { key: OutcomeSumKey; sums: OutcomeSums }[] = [];
  for (const f of facts) {
    const s = emptySums();
    s.rows = 1;
    if (f.employedStart) s.headcount = 1;
    if (f.left) s.leavers = 1;
    if (f.employedStart && f.employedEnd) s.retained = 1;
    s.revenueFen = f.revenueFen;
    s.bigRevenueFen = f.bigRevenueFen;
    s.trainingTotal = f.trainingTotal;
    s.trainingDone = f.trainingDone;
    if (f.newHire) s[NEW_HIRE_FIELD[f.newHire]] = 1;
    if (f.employedEnd) {
      s[TIER_FIELD[f.tier ?? 'none']] = 1;
      if (countRisk) s[RISK_FIELD[f.band ?? 'none']] = 1;
    }
    if (f.employedStart && byMonth.get(addMonths(f.month, 11))?.employedEnd) s.stayed11 = 1;
    for (const grouping of ['all', 'dept', 'tier'] as const) {
      for (const group of groupKeysOf(f, grouping)) if (grouping === 'all' || group !== 'all') out.push({ key: { month: f.month, grouping, group }, sums: s });
    }
  }
  return out;
}

/** Sums by month, then group (the `all` group and the groups of one grouping). */
export type OutcomeSumTable = Map<string, Map<string, OutcomeSums>>;

/** Add `sums` at (month, group) of `table`. */
export function addToSumTable(table: OutcomeSumTable, month: string, group: string, sums: Readonly<OutcomeSums>, sign: 1 | -1 = 1): void {
  let groups = table.get(month);
  if (!groups) table.set(month, (groups = new Map()));
  const at = groups.get(group);
  if (at) addSums(at, sums, sign);
  else groups.set(group, addSums(emptySums(), sums, sign));
}

const ratio = (num: number, den: number): OutcomeRatio => ({ num, den, value: den > 0 ? num / den : null });

/** One cell from the sums: the same numbers `outcomeCell` adds up from the rows. */
export function outcomeCellFromSums(table: OutcomeSumTable, month: string, group: string): OutcomeCell {
  const at = (m: string, g: string) => table.get(m)?.get(g) ?? emptySums();
  const has = (m: string) => at(m, 'all').rows > 0;
  const s = at(month, group);
  const trailing = Array.from({ length: 12 }, (_, i) => addMonths(month, -i)).filter(has);
  let leavers12 = 0;
  let heads12 = 0;
  for (const m of trailing) {
    leavers12 += at(m, group).leavers;
    heads12 += at(m, group).headcount;
  }
  const start = addMonths(month, -11);
  const cohort = at(start, group);
  return {
    headcount: s.headcount,
    turnover: ratio(s.leavers, s.headcount),
    annualTurnover: { ...ratio(12 * leavers12, heads12), months: trailing.length },
    retention: ratio(s.retained, s.headcount),
    retention12: has(start) ? ratio(cohort.stayed11, cohort.headcount) : { num: 0, den: 0, value: null },
    bigShare: ratio(s.bigRevenueFen, s.revenueFen),
    newHireTargets: { ...ratio(s.newMet, s.newMet + s.newMissed), unknown: s.newUnknown, pending: s.newPending },
    training: ratio(s.trainingDone, s.trainingTotal),
    tiers: { move: s.tierMove, train: s.tierTrain, reassign: s.tierReassign, none: s.tierNone },
    risk: { 高: s.riskHigh, 中: s.riskMid, 低: s.riskLow, none: s.riskNone },
  };
}

/** The table `outcomeTable` gives, from sums: `all` and each group with rows in the months shown, sorted. */
export function outcomeTableFromSums(table: OutcomeSumTable, months: readonly string[], by: OutcomeGrouping): OutcomeTable {
  const groups = new Set<string>();
  const prefix = by === 'dept' ? 'dept:' : 'tier:';
  if (by !== 'all') for (const m of months) for (const [g, s] of table.get(m) ?? []) if (g.startsWith(prefix) && s.rows > 0) groups.add(g);
  const ordered = ['all', ...[...groups].sort()];
  const cells: OutcomeTable['cells'] = {};
  for (const g of ordered) {
    cells[g] = {};
    for (const m of months) cells[g][m] = outcomeCellFromSums(table, m, g);
  }
  return { months: [...months], groups: ordered, cells };
}
