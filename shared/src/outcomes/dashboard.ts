/**
 * 转型看板, step two: the numbers, added up from stored person-month rows (facts.ts) by month and group, and the
 * people behind each number (drill-down). Every ratio keeps its numerator and denominator; a ratio with nothing to
 * divide by is `null` (数据不足), never 0. Pure; definitions in README “转型看板”.
 */
import { addMonths } from '../talent/portrait';
import type { OutcomeFact } from './facts';

export type OutcomeGrouping = 'all' | 'dept' | 'tier';

/** A ratio with what it is made of; `value` null: 数据不足 (nothing to divide by). */
export interface OutcomeRatio {
  num: number;
  den: number;
  value: number | null;
}

export const TIER_KEYS = ['move', 'train', 'reassign', 'none'] as const;
export const BAND_KEYS = ['高', '中', '低', 'none'] as const;

export interface OutcomeCell {
  /** People employed on the month's first day. */
  headcount: number;
  turnover: OutcomeRatio;
  /** 12 × leavers ÷ start headcounts over the trailing 12 months (those stored); `months` says how many. */
  annualTurnover: OutcomeRatio & { months: number };
  retention: OutcomeRatio;
  /** Of the people employed on the first day of the month 11 months earlier, still employed after this month. */
  retention12: OutcomeRatio;
  bigShare: OutcomeRatio;
  /** New hires of this month who met their targets within 3 months; `unknown`: no score in their window. */
  newHireTargets: OutcomeRatio & { unknown: number; pending: number };
  training: OutcomeRatio;
  tiers: Record<(typeof TIER_KEYS)[number], number>;
  /** Band counts of the people whose risk the viewer may see. */
  risk: Record<(typeof BAND_KEYS)[number], number>;
}

/** The numbers a person can be listed behind (the drill-down's `metric`). */
export const OUTCOME_METRICS = [
  'headcount',
  'turnover',
  'annualTurnover',
  'retention',
  'retention12',
  'bigShare',
  'newHireTargets',
  'training',
  'tier',
  'risk',
] as const;
export type OutcomeMetric = (typeof OUTCOME_METRICS)[number];

const ratio = (num: number, den: number): OutcomeRatio => ({ num, den, value: den > 0 ? num / den : null });

/** The group keys of a row: always `all`, plus its department (`dept:<id>` / `dept:none`) or tier (`tier:<key>`). */
export function groupKeysOf(f: OutcomeFact, by: OutcomeGrouping): string[] {
  if (by === 'dept') return ['all', `dept:${f.deptId ?? 'none'}`];
  if (by === 'tier') return ['all', `tier:${f.tier ?? 'none'}`];
  return ['all'];
}

const inGroup = (f: OutcomeFact, group: string) => group === 'all' || groupKeysOf(f, group.startsWith('tier:') ? 'tier' : 'dept').includes(group);

/** Rows per month, in one pass. */
function byMonth(facts: readonly OutcomeFact[]): Map<string, OutcomeFact[]> {
  const out = new Map<string, OutcomeFact[]>();
  for (const f of facts) {
    // Push, not copy: copying the month's array per row made this quadratic (130,000 rows at 10,000 people).
    const rows = out.get(f.month);
    if (rows) rows.push(f);
    else out.set(f.month, [f]);
  }
  return out;
}

/**
 * One cell: the rows of `month` in `group`. `riskVisible` says whose band the viewer may see (HR: its people, never
 * itself); the others are left out of the risk counts entirely.
 */
export function outcomeCell(
  monthRows: ReadonlyMap<string, readonly OutcomeFact[]>,
  month: string,
  group: string,
  riskVisible: (userid: string) => boolean,
): OutcomeCell {
  const rows = (monthRows.get(month) ?? []).filter((f) => inGroup(f, group));
  const count = (pred: (f: OutcomeFact) => boolean) => rows.filter(pred).length;
  const sum = (pick: (f: OutcomeFact) => number) => rows.reduce((s, f) => s + pick(f), 0);
  const headcount = count((f) => f.employedStart);
  const trailing = Array.from({ length: 12 }, (_, i) => addMonths(month, -i)).filter((m) => monthRows.has(m));
  let leavers12 = 0;
  let heads12 = 0;
  for (const m of trailing) {
    for (const f of monthRows.get(m)!) {
      if (!inGroup(f, group)) continue;
      if (f.left) leavers12 += 1;
      if (f.employedStart) heads12 += 1;
    }
  }
  const cohort = retention12Cohort(monthRows, month, group);
  const tiers = { move: 0, train: 0, reassign: 0, none: 0 };
  const risk = { 高: 0, 中: 0, 低: 0, none: 0 };
  for (const f of rows) {
    if (!f.employedEnd) continue;
    tiers[f.tier ?? 'none'] += 1;
    if (riskVisible(f.userid)) risk[f.band ?? 'none'] += 1;
  }
  const met = count((f) => f.newHire === 'met');
  const missed = count((f) => f.newHire === 'missed');
  return {
    headcount,
    turnover: ratio(
      count((f) => f.left),
      headcount,
    ),
    annualTurnover: { ...ratio(12 * leavers12, heads12), months: trailing.length },
    retention: ratio(
      count((f) => f.employedStart && f.employedEnd),
      headcount,
    ),
    retention12: cohort ? ratio(cohort.stayed.length, cohort.members.length) : { num: 0, den: 0, value: null },
    bigShare: ratio(
      sum((f) => f.bigRevenueFen),
      sum((f) => f.revenueFen),
    ),
    newHireTargets: { ...ratio(met, met + missed), unknown: count((f) => f.newHire === 'unknown'), pending: count((f) => f.newHire === 'pending') },
    training: ratio(
      sum((f) => f.trainingDone),
      sum((f) => f.trainingTotal),
    ),
    tiers,
    risk,
  };
}

/** The 12-month retention cohort: people in `group` employed on the first day 11 months before; null before the data. */
function retention12Cohort(monthRows: ReadonlyMap<string, readonly OutcomeFact[]>, month: string, group: string) {
  const start = monthRows.get(addMonths(month, -11));
  if (!start) return null;
  const members = start.filter((f) => f.employedStart && inGroup(f, group)).map((f) => f.userid);
  const stillThere = new Set((monthRows.get(month) ?? []).filter((f) => f.employedEnd).map((f) => f.userid));
  return { members, stayed: members.filter((u) => stillThere.has(u)) };
}

export interface OutcomeTable {
  months: string[];
  groups: string[];
  /** cells[group][month]. */
  cells: Record<string, Record<string, OutcomeCell>>;
}

/** Every cell of `months` for `all` and each group the rows of those months fall in (sorted; `all` first). */
export function outcomeTable(
  facts: readonly OutcomeFact[],
  months: readonly string[],
  by: OutcomeGrouping,
  riskVisible: (userid: string) => boolean,
): OutcomeTable {
  const monthRows = byMonth(facts);
  const groups = new Set<string>(['all']);
  for (const m of months) for (const f of monthRows.get(m) ?? []) for (const g of groupKeysOf(f, by)) groups.add(g);
  const ordered = ['all', ...[...groups].filter((g) => g !== 'all').sort()];
  const cells: OutcomeTable['cells'] = {};
  for (const g of ordered) {
    cells[g] = {};
    for (const m of months) cells[g][m] = outcomeCell(monthRows, m, g, riskVisible);
  }
  return { months: [...months], groups: ordered, cells };
}

/** One person behind a number: `counted` when in the numerator (a leaver, a big-client deal, a completed course …). */
export interface OutcomePersonLine {
  userid: string;
  counted: boolean;
  /** What the person adds, e.g. revenue in fen, courses done / held, the tier or band. */
  value: string | null;
}

/**
 * The people behind one number: the denominator's people, each marked when in the numerator (`tier` / `risk`: the
 * people of that tier or band, `key`). The same rows and rules as `outcomeCell`, so the list adds up to the number.
 */
export function outcomePeople(
  facts: readonly OutcomeFact[],
  metric: OutcomeMetric,
  month: string,
  group: string,
  riskVisible: (userid: string) => boolean,
  key?: string,
): OutcomePersonLine[] {
  const monthRows = byMonth(facts);
  const rows = (monthRows.get(month) ?? []).filter((f) => inGroup(f, group));
  const line = (f: OutcomeFact, counted: boolean, value: string | null = null): OutcomePersonLine => ({ userid: f.userid, counted, value });
  switch (metric) {
    case 'headcount':
      return rows.filter((f) => f.employedStart).map((f) => line(f, true));
    case 'turnover':
      return rows.filter((f) => f.employedStart || f.left).map((f) => line(f, f.left));
    case 'retention':
      return rows.filter((f) => f.employedStart).map((f) => line(f, f.employedEnd));
    case 'annualTurnover': {
      const seen = new Map<string, OutcomePersonLine>();
      for (let i = 11; i >= 0; i--) {
        for (const f of monthRows.get(addMonths(month, -i)) ?? []) {
          if (!inGroup(f, group) || !(f.employedStart || f.left)) continue;
          const prior = seen.get(f.userid);
          seen.set(f.userid, line(f, f.left || !!prior?.counted, f.left ? f.month : (prior?.value ?? null)));
        }
      }
      return [...seen.values()];
    }
    case 'retention12': {
      const cohort = retention12Cohort(monthRows, month, group);
      if (!cohort) return [];
      const stayed = new Set(cohort.stayed);
      return cohort.members.map((userid) => ({ userid, counted: stayed.has(userid), value: null }));
    }
    case 'bigShare':
      return rows.filter((f) => f.revenueFen > 0).map((f) => line(f, f.bigRevenueFen > 0, `${f.bigRevenueFen}/${f.revenueFen}`));
    case 'newHireTargets':
      return rows.filter((f) => f.newHire !== null).map((f) => line(f, f.newHire === 'met', f.newHire));
    case 'training':
      return rows.filter((f) => f.trainingTotal > 0).map((f) => line(f, f.trainingDone === f.trainingTotal, `${f.trainingDone}/${f.trainingTotal}`));
    case 'tier':
      return rows.filter((f) => f.employedEnd && (key === undefined || (f.tier ?? 'none') === key)).map((f) => line(f, true, f.tier ?? 'none'));
    case 'risk':
      return rows
        .filter((f) => f.employedEnd && riskVisible(f.userid) && (key === undefined || (f.band ?? 'none') === key))
        .map((f) => line(f, true, f.band ?? 'none'));
  }
}

/** The articles' targets: turnover 35% → 25% a year, big-client share of revenue 10% → 30%. */
export const OUTCOME_TARGETS = {
  annualTurnover: { before: 0.35, target: 0.25 },
  bigShare: { before: 0.1, target: 0.3 },
} as const;

/** A ratio as shown: “12.5%”, or “数据不足”. */
export function formatOutcomeRatio(r: Pick<OutcomeRatio, 'value'>, digits = 1): string {
  if (r.value === null) return '数据不足';
  return `${(Math.round(r.value * 100 * 10 ** digits) / 10 ** digits).toFixed(digits).replace(/\.0+$/, '')}%`;
}
