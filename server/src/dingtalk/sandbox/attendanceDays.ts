/**
 * What happened at each scheduled check of one person: 09:00 on-duty and 18:00 off-duty Beijing time on every
 * working day of their employment before the corp's today. Checks covered by an approved leave are settled by
 * the approval (sourceType APPROVE, Normal); otherwise the day's own stream decides: mostly Normal, a few % Late
 * or Early, rarely SeriousLate, Absenteeism (旷工迟到) or a forgotten clock (NotSigned), and very rarely a day
 * not turned up at all without a leave request. Drifters get all of these more often as their horizon nears.
 */
import type { AttendancePerson } from './attendancePeople';
import { driftIntensity } from './driftModel';
import { leavePartOn, leavesOf, type SandboxLeave } from './leavePlan';
import type { Prng } from './prng';
import { keyedPrng } from './stableIds';
import { chinaTimeOn, isWorkingDay } from './workCalendar';

/** DingTalk's timeResult values. */
export type TimeResult = 'Normal' | 'Early' | 'Late' | 'SeriousLate' | 'Absenteeism' | 'NotSigned';
/** DingTalk's locationResult values. */
export type LocationResult = 'Normal' | 'Outside' | 'NotSigned';
/** The sourceType values the sandbox produces: phone app, attendance machine, approval, system (no clock). */
export type SourceType = 'USER' | 'ATM' | 'APPROVE' | 'SYSTEM';
/** DingTalk's checkType values. */
export type CheckType = 'OnDuty' | 'OffDuty';

/** One scheduled check. */
export interface CheckOutcome {
  checkType: CheckType;
  baseMs: number;
  timeResult: TimeResult;
  locationResult: LocationResult;
  sourceType: SourceType;
  /** When the person clocked (for APPROVE: the scheduled time); absent for NotSigned. */
  userCheckMs?: number;
  /** The approved leave covering this check. */
  leave?: SandboxLeave;
}

/** The two checks of one working day. */
export interface DayOutcome {
  day: number;
  checks: readonly [CheckOutcome, CheckOutcome];
  /** Did not turn up and had no leave that day ("absence without a leave request"). */
  absent: boolean;
}

const ON_DUTY_HOUR = 9;
const OFF_DUTY_HOUR = 18;
/** Per on-duty check for an average person. */
const ON_RATES = { notSigned: 0.006, absenteeism: 0.0015, seriousLate: 0.004, late: 0.035 };
/** Per off-duty check for an average person. */
const OFF_RATES = { notSigned: 0.008, early: 0.02 };
/** Whole days not turned up without a leave request, per working day. */
const NO_SHOW_RATE = 0.001;
/** At the drift's peak lateness and missed clocks are this much more frequent (×5), early leaving ×4. */
const DRIFT_LATE_BOOST = 4;
const DRIFT_EARLY_BOOST = 3;
/** An absentee drifter's extra no-show chance per working day at the drift's peak. */
const ABSENTEE_PEAK_RATE = 0.06;
/** Share of clocks made at customers' sites, for salespeople and for everyone else. */
const OUTSIDE_SALES = 0.15;
const OUTSIDE_OTHER = 0.01;
/** Share of office clocks made on the attendance machine rather than the phone. */
const ATM_SHARE = 0.2;

const seconds = (prng: Prng, fromMinutes: number, toMinutes: number): number => prng.int(fromMinutes * 60, toMinutes * 60) * 1000;

function clocked(prng: Prng, person: AttendancePerson, checkType: CheckType, baseMs: number, timeResult: TimeResult, userCheckMs: number): CheckOutcome {
  const outside = prng.chance(person.sales ? OUTSIDE_SALES : OUTSIDE_OTHER);
  const sourceType: SourceType = !outside && prng.chance(ATM_SHARE) ? 'ATM' : 'USER';
  return { checkType, baseMs, timeResult, locationResult: outside ? 'Outside' : 'Normal', sourceType, userCheckMs };
}

const notSigned = (checkType: CheckType, baseMs: number): CheckOutcome => ({
  checkType,
  baseMs,
  timeResult: 'NotSigned',
  locationResult: 'NotSigned',
  sourceType: 'SYSTEM',
});

const approved = (checkType: CheckType, baseMs: number, leave: SandboxLeave): CheckOutcome => ({
  checkType,
  baseMs,
  timeResult: 'Normal',
  locationResult: 'Normal',
  sourceType: 'APPROVE',
  userCheckMs: baseMs,
  leave,
});

function onDuty(prng: Prng, person: AttendancePerson, baseMs: number, x: number): CheckOutcome {
  const m = person.latenessFactor * (1 + DRIFT_LATE_BOOST * x);
  const roll = prng.next();
  const notSignedUpTo = ON_RATES.notSigned * (1 + DRIFT_LATE_BOOST * x);
  const absenteeismUpTo = notSignedUpTo + ON_RATES.absenteeism * m;
  const seriousLateUpTo = absenteeismUpTo + ON_RATES.seriousLate * m;
  const lateUpTo = seriousLateUpTo + ON_RATES.late * m;
  if (roll < notSignedUpTo) return notSigned('OnDuty', baseMs);
  if (roll < absenteeismUpTo) return clocked(prng, person, 'OnDuty', baseMs, 'Absenteeism', baseMs + seconds(prng, 121, 240));
  if (roll < seriousLateUpTo) return clocked(prng, person, 'OnDuty', baseMs, 'SeriousLate', baseMs + seconds(prng, 31, 120));
  if (roll < lateUpTo) return clocked(prng, person, 'OnDuty', baseMs, 'Late', baseMs + seconds(prng, 1, 30));
  // Arrivals bunch up just before nine.
  return clocked(prng, person, 'OnDuty', baseMs, 'Normal', baseMs - Math.floor(prng.next() ** 2 * 45 * 60) * 1000);
}

function offDuty(prng: Prng, person: AttendancePerson, baseMs: number, x: number): CheckOutcome {
  const roll = prng.next();
  const notSignedUpTo = OFF_RATES.notSigned * (1 + DRIFT_LATE_BOOST * x);
  const earlyUpTo = notSignedUpTo + OFF_RATES.early * person.latenessFactor * (1 + DRIFT_EARLY_BOOST * x);
  if (roll < notSignedUpTo) return notSigned('OffDuty', baseMs);
  if (roll < earlyUpTo) return clocked(prng, person, 'OffDuty', baseMs, 'Early', baseMs - seconds(prng, 1, 90));
  // Most leave within half an hour; a few stay late.
  return clocked(prng, person, 'OffDuty', baseMs, 'Normal', baseMs + Math.floor(prng.next() ** 2 * 150 * 60) * 1000);
}

/** True when the person is employed and expected at work on `day` (and the day is before `endDay`). */
export function isScheduled(person: AttendancePerson, day: number, endDay: number): boolean {
  return isWorkingDay(day) && day >= person.firstDay && day < endDay && (person.lastDay === undefined || day <= person.lastDay);
}

/**
 * The day an absentee drifter surely does not turn up: their drift's `absenceDay`, or when they are on leave that
 * day (more likely as leave rises with the drift), the next scheduled day without leave. A pure function of the
 * person, so every window of days agrees on it.
 */
function absenceDayOf(seed: number, person: AttendancePerson, endDay: number): number | undefined {
  const from = person.drift!.absenceDay;
  const leaves = leavesOf(seed, person, from, from + 30, endDay);
  for (let day = from; day <= from + 30; day++) {
    if (!isScheduled(person, day, endDay)) continue;
    if (!leaves.some((l) => leavePartOn(l, day) !== undefined)) return day;
  }
  return undefined;
}

/** The person's scheduled days in [fromDay, toDay] (before `endDay`) with both checks, oldest first. */
export function attendanceDays(seed: number, person: AttendancePerson, fromDay: number, toDay: number, endDay: number): DayOutcome[] {
  const leaves = leavesOf(seed, person, fromDay, toDay, endDay);
  const owedAbsence = person.drift?.absentee ? absenceDayOf(seed, person, endDay) : undefined;
  const out: DayOutcome[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    if (!isScheduled(person, day, endDay)) continue;
    let morning: SandboxLeave | undefined;
    let afternoon: SandboxLeave | undefined;
    for (const leave of leaves) {
      const part = leavePartOn(leave, day);
      if (part === 'AM' || part === 'FULL') morning ??= leave;
      if (part === 'PM' || part === 'FULL') afternoon ??= leave;
    }
    const onBase = chinaTimeOn(day, ON_DUTY_HOUR);
    const offBase = chinaTimeOn(day, OFF_DUTY_HOUR);
    const x = driftIntensity(person.drift, day);
    const prng = keyedPrng([seed, 'day', person.userid, day]);
    const drift = person.drift;
    const noShowRoll = prng.next();
    const absentee = drift?.absentee === true;
    const absent = !morning && !afternoon && (noShowRoll < NO_SHOW_RATE + (absentee ? ABSENTEE_PEAK_RATE * x : 0) || day === owedAbsence);
    if (absent) {
      out.push({ day, checks: [notSigned('OnDuty', onBase), notSigned('OffDuty', offBase)], absent });
      continue;
    }
    const on = morning ? approved('OnDuty', onBase, morning) : onDuty(prng, person, onBase, x);
    const off = afternoon ? approved('OffDuty', offBase, afternoon) : offDuty(prng, person, offBase, x);
    out.push({ day, checks: [on, off], absent });
  }
  return out;
}
