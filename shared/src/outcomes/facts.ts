/**
 * 转型看板 (HR outcomes dashboard), step one: each person's month as one row of facts, pure. The outcomes job reads
 * people, counting deals, training records, match-score tiers and risk bands in bulk, calls `outcomeFactsOf` per
 * person and stores the rows; the dashboard only adds rows up (dashboard.ts). Definitions in README “转型看板”.
 */
import type { RiskBand } from '../retention/bands';
import type { TalentTier } from '../talent/jobModelTypes';
import { addMonths, monthEnd } from '../talent/portrait';

/** A new hire's verdict, kept on their hire month: met, missed, no score in the window (unknown), or not yet due. */
export type NewHireVerdict = 'met' | 'missed' | 'unknown' | 'pending';

/** One person in one month (yyyy-mm) during which they were employed for at least a day. */
export interface OutcomeFact {
  month: string;
  userid: string;
  deptId: number | null;
  /** The month's tier of the first job model scoring the person (null: no score or 数据不足). */
  tier: TalentTier | null;
  /** Employed on the month's first day. */
  employedStart: boolean;
  /** Still employed after the month's last day. */
  employedEnd: boolean;
  /** Last working day within the month. */
  left: boolean;
  /** Hired within the month. */
  hired: boolean;
  /** Counting deals the person owns, signed in the month: all, and those with big clients. */
  revenueFen: number;
  bigRevenueFen: number;
  /** Training records held at the month's end, and those completed by then. */
  trainingTotal: number;
  trainingDone: number;
  /** The band of the month's last risk week (null: none). */
  band: RiskBand | null;
  /** On the hire month only: whether the person met their targets within 3 months. */
  newHire: NewHireVerdict | null;
}

export interface OutcomePersonInput {
  userid: string;
  deptId: number | null;
  /** yyyy-mm-dd, null when unknown (taken as employed since before the window). */
  hiredOn: string | null;
  /** yyyy-mm-dd, null while employed. */
  lastDay: string | null;
  /** Counting deals the person owns (the talent reader's rule: the customer's segment, else the deal's amount). */
  deals: readonly { signedOn: string; amountFen: number; segment: 'big' | 'small' }[];
  training: readonly { completedOn: string | null }[];
  /** Month → tier (null: 数据不足) of the first job model scoring the person. */
  tiers: ReadonlyMap<string, TalentTier | null>;
  /** Week start (yyyy-mm-dd) → band, the person's stored risk weeks. */
  bands: ReadonlyMap<string, RiskBand | null>;
}

/** Months a new hire has to reach the target tier: the 3 full months after the hire month. */
export const NEW_HIRE_MONTHS = 3;
/** The tier that counts as meeting the job model's targets (weighted match score ≥ 80). */
export const TARGET_TIER: TalentTier = 'move';

/** The months from `first` to `last` (yyyy-mm), inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Whether the person met their targets within 3 months of being hired (`lastMonth`: the newest month with scores). */
export function newHireVerdict(hireMonth: string, tiers: ReadonlyMap<string, TalentTier | null>, lastMonth: string): NewHireVerdict {
  const window = monthsBetween(addMonths(hireMonth, 1), addMonths(hireMonth, NEW_HIRE_MONTHS));
  const seen = window.map((m) => tiers.get(m)).filter((t): t is TalentTier => t !== undefined && t !== null);
  if (seen.includes(TARGET_TIER)) return 'met';
  if (window.at(-1)! > lastMonth) return 'pending';
  return seen.length > 0 ? 'missed' : 'unknown';
}

/** The person's rows for `months` (ascending yyyy-mm); months they were not employed at all have none. */
export function outcomeFactsOf(p: OutcomePersonInput, months: readonly string[]): OutcomeFact[] {
  const out: OutcomeFact[] = [];
  const lastMonth = months.at(-1) ?? '';
  const weeks = [...p.bands.keys()].sort();
  for (const month of months) {
    const first = `${month}-01`;
    const last = monthEnd(month);
    if (p.hiredOn && p.hiredOn > last) continue;
    if (p.lastDay && p.lastDay < first) continue;
    const employedEnd = !p.lastDay || p.lastDay > last;
    const deals = p.deals.filter((d) => d.signedOn >= first && d.signedOn <= last);
    const week = weeks.filter((w) => w >= first && w <= last).at(-1);
    const hired = !!p.hiredOn && p.hiredOn >= first;
    out.push({
      month,
      userid: p.userid,
      deptId: p.deptId,
      tier: p.tiers.get(month) ?? null,
      employedStart: !hired && (!p.hiredOn || p.hiredOn <= first) && (!p.lastDay || p.lastDay >= first),
      employedEnd,
      left: !employedEnd,
      hired,
      revenueFen: deals.reduce((s, d) => s + d.amountFen, 0),
      bigRevenueFen: deals.filter((d) => d.segment === 'big').reduce((s, d) => s + d.amountFen, 0),
      trainingTotal: employedEnd ? p.training.length : 0,
      trainingDone: employedEnd ? p.training.filter((t) => t.completedOn !== null && t.completedOn <= last).length : 0,
      band: week === undefined ? null : (p.bands.get(week) ?? null),
      newHire: hired ? newHireVerdict(month, p.tiers, lastMonth) : null,
    });
  }
  return out;
}
