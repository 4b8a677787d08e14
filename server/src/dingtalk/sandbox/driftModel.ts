/**
 * "Drifting towards leaving": a fixed ~5% of salespeople whose leave and lateness rise, and whose own follow-ups and
 * help to colleagues fall, over the months before a horizon (their last working day once they have left, otherwise
 * the corp's drift reference date), and half of whom are absent without a leave request at least once in that time.
 * Who drifts is a pure function of the corp seed and the userid, so it survives hires, departures and months
 * passing; the horizon moves to the last working day when a drifter leaves (their history then shows the drift
 * before the departure).
 *
 * The shape: nothing until 15 weeks before the horizon, rising linearly to full withdrawal 5 weeks before it, full
 * from then on. People withdraw before they resign, and in China they resign at least 30 days before their last day
 * (劳动合同法 Art. 37), so by the time the notice is in, the drift is complete: that month is when HR could still talk.
 */
import type { DeptKind } from './corpTypes';
import { unitOf } from './stableIds';
import { dayStartMs, isWorkingDay } from './workCalendar';

/** Days before the horizon at which a drifter's signals start to rise. */
export const DRIFT_DAYS = 105;
/** Days before the horizon from which the drift is full (the notice period and a little more). */
export const DRIFT_FULL_DAYS = 35;
/** Share of salespeople who drift. */
const DRIFT_SHARE = 0.05;
/** Share of drifters who are also absent without a leave request. */
const ABSENTEE_SHARE = 0.5;
/** Departments whose people sell (and clock in at customers' sites). */
const SALES_KINDS: ReadonlySet<DeptKind> = new Set<DeptKind>(['keyAccount', 'smb']);

/** How one drifter drifts. */
export interface DriftProfile {
  /** Day number (China time) the drift peaks at: the last working day, or the corp's drift reference day. */
  horizonDay: number;
  /** The same, as ms epoch (midnight Beijing time). */
  horizonMs: number;
  /** Also absent without a leave request (at least on `absenceDay`, more often as the horizon nears). */
  absentee: boolean;
  /** A working day in the drift period on which an absentee does not turn up (unless on leave that day). */
  absenceDay: number;
}

/** True when people of this department kind are salespeople. */
export function isSalesKind(kind: DeptKind | undefined): boolean {
  return kind !== undefined && SALES_KINDS.has(kind);
}

/** True when this person drifts: a salesperson picked by the seed (never one of the demo accounts). */
export function isDrifter(seed: number, userid: string, mainDeptKind: DeptKind | undefined, demoUserids: readonly string[]): boolean {
  return isSalesKind(mainDeptKind) && !demoUserids.includes(userid) && unitOf([seed, 'drift', userid]) < DRIFT_SHARE;
}

/** The drift of a drifter whose drift peaks on `horizonDay`. */
export function driftProfile(seed: number, userid: string, horizonDay: number): DriftProfile {
  let absenceDay = horizonDay - 5 - Math.floor(unitOf([seed, 'absence-day', userid]) * 40);
  while (!isWorkingDay(absenceDay)) absenceDay += 1;
  return { horizonDay, horizonMs: dayStartMs(horizonDay), absentee: unitOf([seed, 'absentee', userid]) < ABSENTEE_SHARE, absenceDay };
}

/**
 * How far into the drift a day is: 0 before the drift period, rising linearly to 1 at `DRIFT_FULL_DAYS` before the
 * horizon, 1 from then on (and after the horizon).
 */
export function driftIntensity(drift: DriftProfile | undefined, day: number): number {
  if (!drift) return 0;
  const daysLeft = drift.horizonDay - day;
  if (daysLeft <= DRIFT_FULL_DAYS) return 1;
  return Math.max(0, (DRIFT_DAYS - daysLeft) / (DRIFT_DAYS - DRIFT_FULL_DAYS));
}
