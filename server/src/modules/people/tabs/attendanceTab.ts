import type { AttendanceMonth, Paged, RecordSource } from '@liucai/shared';
import { isoOf } from '../queries/paging';
import { shanghaiDate } from '../../../util/dates';
import type { PersonTab } from './personTab';

interface MonthTally {
  month: string;
  workDays: number;
  late: number;
  absent: number;
  notSigned: number;
  leaveDayHundredths: number;
  leaveHourHundredths: number;
  sources: Set<RecordSource>;
}

const blank = (month: string): MonthTally => ({
  month,
  workDays: 0,
  late: 0,
  absent: 0,
  notSigned: 0,
  leaveDayHundredths: 0,
  leaveHourHundredths: 0,
  sources: new Set(),
});

/** A row of ATTENDANCE_SQL: a month's checks of one result and source, a month's days, or one approved leave. */
interface AttendanceRow {
  part: 'checks' | 'days' | 'leave';
  month: string | null;
  result: string | null;
  source: RecordSource;
  n: number | string | null;
  start_at: unknown;
  unit: string | null;
  hundredths: number | string | null;
}

// tenancy: every part is read by (corp_id, userid) of a person in the viewer's scope (the route checked it).
// The person's checks by month, result and source; their days with attendance by month (index on corp, person, day);
// their approved leaves (month by the start in Shanghai time, so read whole): one statement, three parts.
const ATTENDANCE_SQL = `SELECT 'checks' AS part, SUBSTR(a.work_date, 1, 7) AS month, a.time_result AS result, a.source AS source, COUNT(*) AS n,
  NULL AS start_at, NULL AS unit, NULL AS hundredths
FROM attendance_results a WHERE a.corp_id = ? AND a.userid = ? GROUP BY SUBSTR(a.work_date, 1, 7), a.time_result, a.source
UNION ALL
SELECT 'days', SUBSTR(a.work_date, 1, 7), NULL, NULL, COUNT(DISTINCT a.work_date), NULL, NULL, NULL
FROM attendance_results a WHERE a.corp_id = ? AND a.userid = ? GROUP BY SUBSTR(a.work_date, 1, 7)
UNION ALL
SELECT 'leave', NULL, NULL, l.source, NULL, l.start_at, l.duration_unit, l.duration_hundredths
FROM leave_records l WHERE l.corp_id = ? AND l.userid = ? AND l.approval_state = 'approved'`;

/**
 * 考勤: one row per month (newest first): days with attendance, checks late (Late and SeriousLate), absent
 * (Absenteeism) and without a clock (NotSigned), and approved leave starting that month; paged by month. One
 * statement (ATTENDANCE_SQL) reads all of it.
 */
export const attendanceTab: PersonTab = {
  key: 'attendance',
  async list({ ds, person, page }): Promise<Paged<AttendanceMonth>> {
    const { corpId, userid } = person;
    const months = new Map<string, MonthTally>();
    const tally = (month: string) => months.get(month) ?? months.set(month, blank(month)).get(month)!;
    const rows = (await ds.query(ATTENDANCE_SQL, [corpId, userid, corpId, userid, corpId, userid])) as AttendanceRow[];
    for (const r of rows) {
      if (r.part === 'checks') {
        const t = tally(String(r.month));
        const n = Number(r.n);
        if (r.result === 'Late' || r.result === 'SeriousLate') t.late += n;
        else if (r.result === 'Absenteeism') t.absent += n;
        else if (r.result === 'NotSigned') t.notSigned += n;
        t.sources.add(r.source);
      } else if (r.part === 'days') {
        tally(String(r.month)).workDays = Number(r.n);
      } else {
        const t = tally(shanghaiDate(new Date(isoOf(r.start_at))).slice(0, 7));
        if (r.unit === 'hour') t.leaveHourHundredths += Number(r.hundredths);
        else t.leaveDayHundredths += Number(r.hundredths);
        t.sources.add(r.source);
      }
    }

    const all = [...months.values()].sort((a, b) => b.month.localeCompare(a.month));
    const items = all.slice((page.page - 1) * page.pageSize, page.page * page.pageSize).map((t) => ({ ...t, sources: [...t.sources].sort() }));
    return { items, total: all.length, page: page.page, pageSize: page.pageSize };
  },
};
