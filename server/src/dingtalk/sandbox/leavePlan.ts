/**
 * Approved leaves of one person, as a pure function of (seed, userid, day): on each working day a leave may start
 * (a few times a year; far more often for a drifter near their horizon), with a type and a length drawn from that
 * day's own stream. A start that falls inside an earlier start's span is dropped, judged on the raw draws only,
 * so answering a window needs the draws of the window plus two leave lengths before it, never the whole history.
 */
import { driftIntensity } from './driftModel';
import type { AttendancePerson } from './attendancePeople';
import { LEAVE_CODES, leaveTypeOf, type LeaveKind } from './leaveCatalogue';
import { instanceIdFor } from './instanceIds';
import { keyedPrng, stableNumericId, unitOf } from './stableIds';
import { chinaTimeOn, isWorkingDay, workingDayAfter } from './workCalendar';

/** Which part of a day a leave covers: the morning (on-duty check), the afternoon (off-duty check) or all of it. */
export type DayPart = 'AM' | 'PM' | 'FULL';

/** One approved leave. */
export interface SandboxLeave {
  userid: string;
  kind: LeaveKind;
  leaveCode: string;
  /** First and last covered working day (day numbers, inclusive). */
  firstDay: number;
  lastDay: number;
  /** AM or PM only for a half day (firstDay === lastDay). */
  part: DayPart;
  startMs: number;
  endMs: number;
  durationUnit: 'percent_day' | 'percent_hour';
  /** Duration × 100: days for percent_day, hours for percent_hour. */
  durationPercent: number;
  /** The approval behind it, as attendance rows reference it. */
  approveId: number;
  procInstId: string;
}

/** Chance a leave starts on a given working day for an average person: ~4.5 leaves a year. */
const BASE_LEAVE_RATE = 0.018;
/** At the drift's peak a drifter starts leaves this many times more often (×6). */
const DRIFT_LEAVE_BOOST = 5;
/** Longest leave, in working days; it spans at most 7 calendar days, so a start can cover 6 days later. */
const MAX_LEAVE_DAYS = 5;
const LOOKBACK_DAYS = 6;
/** Morning ends, afternoon starts (lunch in between), hours. */
const NOON_END = 12;
const AFTERNOON_START = 13;

type Shape = readonly [part: DayPart, workDays: number];
export const SHAPES: Record<'personal' | 'sick' | 'annual' | 'compensatory', readonly (readonly [Shape, number])[]> = {
  personal: [
    [['AM', 1], 3],
    [['PM', 1], 3],
    [['FULL', 1], 3],
    [['FULL', 2], 1],
  ],
  sick: [
    [['AM', 1], 1.5],
    [['PM', 1], 1.5],
    [['FULL', 1], 5],
    [['FULL', 2], 1.5],
    [['FULL', 3], 0.5],
  ],
  annual: [
    [['AM', 1], 0.5],
    [['PM', 1], 0.5],
    [['FULL', 1], 3],
    [['FULL', 2], 2],
    [['FULL', 3], 2],
    [['FULL', MAX_LEAVE_DAYS], 2],
  ],
  compensatory: [
    [['AM', 1], 3],
    [['PM', 1], 3],
    [['FULL', 1], 4],
  ],
};

/** A leave as drawn: what, which part of the day, which working days. */
export interface Draw {
  kind: keyof typeof SHAPES;
  part: DayPart;
  firstDay: number;
  lastDay: number;
  workDays: number;
}

/** The raw draw of `day`: whether a leave would start then, and which (before overlaps and employment). */
function drawOn(seed: number, person: AttendancePerson, day: number): Draw | undefined {
  if (!isWorkingDay(day)) return undefined;
  const x = driftIntensity(person.drift, day);
  // Most days start nothing: one hash decides that, a stream is made only for the few that do.
  if (unitOf([seed, 'leave-start', person.userid, day]) >= BASE_LEAVE_RATE * person.leaveFactor * (1 + DRIFT_LEAVE_BOOST * x)) return undefined;
  const prng = keyedPrng([seed, 'leave', person.userid, day]);
  // Drifting people mostly take 事假 (interviews) and 病假.
  const kind = prng.weighted<Draw['kind']>([
    ['personal', 0.35 + 0.8 * x],
    ['sick', 0.3 + 0.3 * x],
    ['annual', 0.25],
    ['compensatory', 0.1],
  ]);
  const [part, workDays] = prng.weighted(SHAPES[kind]);
  return { kind, part, firstDay: day, lastDay: workingDayAfter(day, workDays - 1), workDays };
}

/** The leave a draw describes (also used for leave requests that were never approved). */
export function toLeave(seed: number, userid: string, d: Draw): SandboxLeave {
  const type = leaveTypeOf(d.kind);
  const hourly = type.leave_view_unit === 'hour';
  const morningHours = NOON_END - 9;
  const afternoonHours = 18 - AFTERNOON_START;
  const percent =
    d.part === 'FULL'
      ? d.workDays * (hourly ? (morningHours + afternoonHours) * 100 : 100)
      : hourly
        ? (d.part === 'AM' ? morningHours : afternoonHours) * 100
        : 50;
  return {
    userid,
    kind: d.kind,
    leaveCode: LEAVE_CODES[d.kind],
    firstDay: d.firstDay,
    lastDay: d.lastDay,
    part: d.part,
    startMs: chinaTimeOn(d.firstDay, d.part === 'PM' ? AFTERNOON_START : 9),
    endMs: chinaTimeOn(d.lastDay, d.part === 'AM' ? NOON_END : 18),
    durationUnit: hourly ? 'percent_hour' : 'percent_day',
    durationPercent: percent,
    approveId: stableNumericId([seed, 'approve', userid, d.firstDay]),
    procInstId: instanceIdFor(seed, userid, d.firstDay, 0),
  };
}

/**
 * The person's approved leaves that cover any day of [fromDay, toDay], oldest first. Only leaves within the
 * employment and starting before `endDay` (the corp's today) exist.
 */
export function leavesOf(seed: number, person: AttendancePerson, fromDay: number, toDay: number, endDay: number): SandboxLeave[] {
  const draws = new Map<number, Draw>();
  for (let day = fromDay - 2 * LOOKBACK_DAYS; day <= toDay; day++) {
    const d = drawOn(seed, person, day);
    if (d) draws.set(day, d);
  }
  const leaves: SandboxLeave[] = [];
  for (let day = fromDay - LOOKBACK_DAYS; day <= toDay; day++) {
    const d = draws.get(day);
    if (!d || d.lastDay < fromDay) continue;
    if (d.firstDay < person.firstDay || d.firstDay >= endDay || (person.lastDay !== undefined && d.lastDay > person.lastDay)) continue;
    let covered = false;
    for (let earlier = day - LOOKBACK_DAYS; earlier < day && !covered; earlier++) covered = (draws.get(earlier)?.lastDay ?? -Infinity) >= day;
    if (!covered) leaves.push(toLeave(seed, person.userid, d));
  }
  return leaves;
}

/** The part of `day` a leave covers, if any. */
export function leavePartOn(leave: SandboxLeave, day: number): DayPart | undefined {
  if (day < leave.firstDay || day > leave.lastDay || !isWorkingDay(day)) return undefined;
  return leave.part;
}
