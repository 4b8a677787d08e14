/**
 * The three attendance questions the APIs ask, answered for a window from the model (never from stored history):
 * scheduled-check results, raw clock records and approved leaves of a few people. Cost is O(people × days).
 */
import { attendanceDays, type CheckType } from './attendanceDays';
import { AttendancePeople, type AttendanceCorpView, type AttendancePerson } from './attendancePeople';
import { presentRawRecord, presentResultRow, type AttendanceResultRow, type RawClockRecord } from './attendancePresenter';
import { leavesOf, type SandboxLeave } from './leavePlan';
import { chinaDayNumber } from './workCalendar';

/** A getleavestatus row (doc 4.3). */
export interface LeaveStatusRow {
  userid: string;
  start_time: number;
  end_time: number;
  duration_unit: 'percent_day' | 'percent_hour';
  duration_percent: number;
  leave_code: string;
}

const CHECK_ORDER: Record<CheckType, number> = { OnDuty: 0, OffDuty: 1 };
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Known people among `userids` (first occurrence kept, unknown ids dropped), sorted by userid. */
function knownPeople(corp: AttendanceCorpView, userids: readonly string[]): AttendancePerson[] {
  const people = new AttendancePeople(corp);
  return [...new Set(userids)]
    .sort(byCodeUnits)
    .map((id) => people.get(id))
    .filter((p): p is AttendancePerson => p !== undefined);
}

const endDayOf = (corp: AttendanceCorpView): number => chinaDayNumber(corp.asOfMs);

/**
 * /attendance/list rows for the work days from workDateFrom's date to workDateTo's date, ordered by workDate,
 * then userId, then OnDuty before OffDuty (the order offset/limit page over).
 */
export function attendanceResults(corp: AttendanceCorpView, userids: readonly string[], fromMs: number, toMs: number): AttendanceResultRow[] {
  const fromDay = chinaDayNumber(fromMs);
  const toDay = chinaDayNumber(toMs);
  const rows: AttendanceResultRow[] = [];
  for (const person of knownPeople(corp, userids)) {
    for (const outcome of attendanceDays(corp.seed, person, fromDay, toDay, endDayOf(corp))) {
      const context = { corpId: corp.corpId, seed: corp.seed, person, day: outcome.day };
      for (const check of outcome.checks) rows.push(presentResultRow(context, check));
    }
  }
  return rows.sort((a, b) => a.workDate - b.workDate || byCodeUnits(a.userId, b.userId) || CHECK_ORDER[a.checkType] - CHECK_ORDER[b.checkType]);
}

/** /attendance/listRecord: every actual clock with userCheckTime in [fromMs, toMs], in the same order. */
export function clockRecords(corp: AttendanceCorpView, userids: readonly string[], fromMs: number, toMs: number): RawClockRecord[] {
  const records: RawClockRecord[] = [];
  for (const person of knownPeople(corp, userids)) {
    for (const outcome of attendanceDays(corp.seed, person, chinaDayNumber(fromMs), chinaDayNumber(toMs), endDayOf(corp))) {
      const context = { corpId: corp.corpId, seed: corp.seed, person, day: outcome.day };
      for (const check of outcome.checks) {
        const record = presentRawRecord(context, check);
        if (record && record.userCheckTime >= fromMs && record.userCheckTime <= toMs) records.push(record);
      }
    }
  }
  return records.sort((a, b) => a.workDate - b.workDate || byCodeUnits(a.userId, b.userId) || CHECK_ORDER[a.checkType] - CHECK_ORDER[b.checkType]);
}

/** Approved leaves overlapping [startMs, endMs], by userid, then start time. */
export function approvedLeaves(corp: AttendanceCorpView, userids: readonly string[], startMs: number, endMs: number): SandboxLeave[] {
  return knownPeople(corp, userids).flatMap((person) =>
    leavesOf(corp.seed, person, chinaDayNumber(startMs), chinaDayNumber(endMs), endDayOf(corp)).filter((l) => l.startMs <= endMs && l.endMs >= startMs),
  );
}

/** A leave as getleavestatus sends it. */
export function presentLeaveStatus(leave: SandboxLeave): LeaveStatusRow {
  return {
    userid: leave.userid,
    start_time: leave.startMs,
    end_time: leave.endMs,
    duration_unit: leave.durationUnit,
    duration_percent: leave.durationPercent,
    leave_code: leave.leaveCode,
  };
}
