/**
 * The transition guarantee's input for a payout run, from stored data (the calculator's `guaranteeLine` does the rest):
 *
 * - **Month of the ramp**: month 1 is the calendar month in which the person's assignment to the plan began (their
 *   first day on it, walking back over consecutive assignments of the same plan); the run's period is month
 *   `period − that month + 1`. Only months 1 … `rampMonths` are guaranteed.
 * - **Baseline**: the average monthly incentive of the `GUARANTEE_BASELINE_MONTHS` (3) calendar months before the move
 *   month, counting only the months in which the person was on another plan (on the month's last day). A month's
 *   incentive is the plan lines (`origin = plan`: no clawbacks or adjustments, which belong to other months) of the
 *   person's statement in a locked, approved or published run of that month; lacking one, what the old plan version in
 *   force that month pays for their contracts, satisfaction and coordinations of that month (the run's own rules).
 *   The average is the exact sum divided by the number of counted months, rounded once half away from zero to fen.
 * - No counted month (a new hire put straight on the plan): no guarantee.
 */
import { addMonths } from '../talent/portrait';
import { zh } from '../zhText';
import { ratio, roundLine } from './rounding';
import type { GuaranteeInput } from './payoutTypes';

/** How many months before the move the baseline averages. */
export const GUARANTEE_BASELINE_MONTHS = 3;

/** One month of the baseline: what it paid and where the figure came from. */
export interface BaselineMonth {
  period: string;
  amountFen: number;
  /** `statement`: a final run's statement of that month; `recomputed`: the old plan applied to that month's data. */
  from: 'statement' | 'recomputed';
}

const monthIndex = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return y * 12 + m - 1;
};

/** Which month of the ramp `period` is for a stint on the plan that began on `since` (yyyy-mm-dd); 1 = that month. */
export const rampMonthOf = (since: string, period: string): number => monthIndex(period) - monthIndex(since.slice(0, 7)) + 1;

/** The months (oldest first) whose incentive makes the baseline of a move on `since`. */
export function baselinePeriods(since: string): string[] {
  const moveMonth = since.slice(0, 7);
  const out: string[] = [];
  for (let back = GUARANTEE_BASELINE_MONTHS; back >= 1; back--) out.push(addMonths(moveMonth, -back));
  return out;
}

/**
 * The guarantee input of one period from its baseline months (null when none counts): the average rounded once, and
 * a note naming the old plan, the months and where each figure came from.
 */
export function guaranteeInputOf(monthOfRamp: number, previousPlanName: string, months: readonly BaselineMonth[]): GuaranteeInput | null {
  if (months.length === 0) return null;
  const sum = months.reduce((s, m) => s + m.amountFen, 0);
  const baselineFen = roundLine(ratio(BigInt(sum), BigInt(months.length)));
  const span = months.length === 1 ? months[0]!.period : `${months[0]!.period} 至 ${months[months.length - 1]!.period}`;
  const stored = months.filter((m) => m.from === 'statement').length;
  const recomputed = months.length - stored;
  const how = [stored ? zh`${stored} 个月取自已锁定的发放批次` : '', recomputed ? zh`${recomputed} 个月按原方案重算` : ''].filter(Boolean).join('，');
  return {
    monthOfRamp,
    baselineFen,
    baselineNote: zh`原方案“${previousPlanName}”${span}（${months.length} 个月，${how}）月均激励`,
  };
}
