import type { DataSource } from 'typeorm';
import { ATTENDANCE_MAX_USERS } from '../../../dingtalk/wireFacts';
import { isMonthlyQuotaError } from '../../../dingtalk/errors';
import { recordQuotaRefusal, spendCalls } from './callBudget';
import { fetchAttendance, writeAttendance, type AttendanceSource } from './attendanceSyncer';
import { leaveOfInstance, writeApprovalLeaves, type LeaveApprovalSource } from './leaveApprovalSyncer';

interface ResyncDeps<S> {
  ds: DataSource;
  source: S;
  apiCalls: () => number;
  now?: () => Date;
}

/** One person's work day named by a check-in event. */
export interface CheckDay {
  userid: string;
  /** yyyy-mm-dd, Asia/Shanghai. */
  workDate: string;
}

/**
 * After attendance_check_record: re-read just those people's results and raw clocks for just those days (one
 * results page and one listRecord call per ≤50 people per day), writing only what changed. Metered like the sync.
 */
export async function resyncAttendanceDays(deps: ResyncDeps<AttendanceSource>, corpId: string, checks: CheckDay[]): Promise<number> {
  const now = deps.now ?? (() => new Date());
  const byDay = new Map<string, Set<string>>();
  for (const c of checks) byDay.set(c.workDate, (byDay.get(c.workDate) ?? new Set()).add(c.userid));
  let changed = 0;
  for (const [day, people] of [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const userids = [...people].sort();
    for (let i = 0; i < userids.length; i += ATTENDANCE_MAX_USERS) {
      const group = userids.slice(i, i + ATTENDANCE_MAX_USERS);
      const callsBefore = deps.apiCalls();
      const window = { from: day, to: day };
      let fetched: Awaited<ReturnType<typeof fetchAttendance>>;
      try {
        fetched = await fetchAttendance(deps.source, group, window);
      } catch (err) {
        await deps.ds.transaction((em) => spendCalls(em, corpId, 'attendance', deps.apiCalls() - callsBefore, now()));
        // Over the monthly quota: retrying cannot help this month; the nightly sync reads the day once there is quota.
        if (!isMonthlyQuotaError(err)) throw err;
        await recordQuotaRefusal(deps.ds, corpId, err.detail, now());
        return changed;
      }
      await deps.ds.transaction(async (em) => {
        changed += await writeAttendance(em, corpId, group, window, fetched, now());
        await spendCalls(em, corpId, 'attendance', deps.apiCalls() - callsBefore, now());
      });
    }
  }
  return changed;
}

/** After bpms_instance_change for the leave form: fetch that one instance and upsert its leave. */
export async function resyncLeaveInstance(deps: ResyncDeps<LeaveApprovalSource>, corpId: string, processInstanceId: string): Promise<number> {
  const now = deps.now ?? (() => new Date());
  const callsBefore = deps.apiCalls();
  let instance: Awaited<ReturnType<LeaveApprovalSource['getApproval']>>;
  try {
    instance = await deps.source.getApproval(processInstanceId);
  } catch (err) {
    await deps.ds.transaction((em) => spendCalls(em, corpId, 'leave', deps.apiCalls() - callsBefore, now()));
    if (!isMonthlyQuotaError(err)) throw err;
    await recordQuotaRefusal(deps.ds, corpId, err.detail, now());
    return 0;
  }
  const leave = leaveOfInstance(corpId, instance, now());
  return deps.ds.transaction(async (em) => {
    const changed = leave ? await writeApprovalLeaves(em, corpId, [leave]) : 0;
    await spendCalls(em, corpId, 'leave', deps.apiCalls() - callsBefore, now());
    return changed;
  });
}
