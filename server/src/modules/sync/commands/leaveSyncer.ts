import { createHash } from 'node:crypto';
import { Between, In, type DataSource } from 'typeorm';
import { LeaveRecord } from '../../../entities';
import type { LeaveStatusRow } from '../../../dingtalk/attendanceApi';
import { LEAVE_STATUS_MAX_DAYS, LEAVE_STATUS_MAX_USERS } from '../../../dingtalk/wireFacts';
import { addDays, daysBetween, shanghaiDate, shanghaiMidnight, windowEnd } from '../../../util/dates';
import { Semaphore } from '../../../util/semaphore';
import { employedOnOrAfter, peopleWithHistory } from '../queries/peopleWithHistory';
import { callsAvailable, spendCalls } from './callBudget';
import { quotaStopNote, syncAllowance } from './quotaStop';
import { updateWhereIn, writeChangedBySourceId } from './changedRows';
import { readDayCheckpoint, saveCheckpoint } from './checkpoints';
import type { ReportProgress, TrackedOutcome } from './syncRunTracker';

/** The DingTalk call leave sync needs (a subset of AttendanceApi). */
export interface LeaveSource {
  leaveStatus(userIds: string[], fromMs: number, toMs: number, offset: number, size: number): Promise<{ hasMore: boolean; rows: LeaveStatusRow[] }>;
}

export const LEAVE_CHECKPOINT = 'leave';
/** Leaves are approved and revoked after the fact: every run reads this many days before its checkpoint again. */
export const LEAVE_OVERLAP_DAYS = 30;
const PAGE = 100;

const keyOf = (r: LeaveStatusRow) => createHash('sha1').update(`${r.userid}:${r.start_time}:${r.end_time}:${r.leave_code}`).digest('hex');

/**
 * Leave sync from /topapi/attendance/getleavestatus: people in batches of 100, windows of ≤180 days, pages of 100.
 * Re-reads LEAVE_OVERLAP_DAYS before the checkpoint; a leave that vanished from DingTalk inside the re-read window
 * was revoked and is marked cancelled (kept, never deleted). Each window lands with its checkpoint and call count.
 */
export async function syncLeave(
  deps: {
    ds: DataSource;
    source: LeaveSource;
    apiCalls: () => number;
    concurrency: number;
    lookbackDays: number;
    /** The month's metered calls (no budget check when absent), and the share kept for work notifications. */
    monthlyCallLimit?: number;
    notifyShare?: number;
    now?: () => Date;
  },
  corpId: string,
  report: ReportProgress,
): Promise<TrackedOutcome> {
  const now = deps.now ?? (() => new Date());
  const yesterday = addDays(shanghaiDate(now()), -1);
  const checkpoint = await readDayCheckpoint(deps.ds, corpId, LEAVE_CHECKPOINT, yesterday);
  let from = checkpoint ? addDays(checkpoint.through, -LEAVE_OVERLAP_DAYS + 1) : addDays(yesterday, -(deps.lookbackDays - 1));
  // Everyone DingTalk holds leave for, people who left included (before any org sync saw them, too).
  const everyone = await peopleWithHistory(deps.ds, corpId);
  const lanes = new Semaphore(deps.concurrency);
  let changedRows = 0;
  let through = checkpoint?.through ?? null;
  while (daysBetween(from, yesterday) >= 0) {
    const to = windowEnd(from, LEAVE_STATUS_MAX_DAYS, yesterday);
    const fromMs = shanghaiMidnight(from);
    const toMs = shanghaiMidnight(addDays(to, 1)) - 1;
    // People employed at some point of the window: those who left before it have no leave in it.
    const people = everyone.filter((p) => p.inOrg || employedOnOrAfter(p, from)).map((p) => p.userid);
    const batches: string[][] = [];
    for (let i = 0; i < people.length; i += LEAVE_STATUS_MAX_USERS) batches.push(people.slice(i, i + LEAVE_STATUS_MAX_USERS));
    // At least one call per batch of people; a window the month cannot pay for waits for the next run.
    if (deps.monthlyCallLimit !== undefined) {
      const left = await callsAvailable(
        deps.ds,
        corpId,
        'leave',
        syncAllowance({ monthlyCallLimit: deps.monthlyCallLimit, notifyShare: deps.notifyShare }),
        now(),
      );
      if (left < batches.length) {
        return {
          rows: changedRows,
          users: people.length,
          note: `本月计量调用剩余约 ${left} 次，不够读取下一段请假（需约 ${batches.length} 次）：请假已同步到 ${through ?? '（尚无）'}，其余待额度恢复后继续`,
        };
      }
    }
    const callsBefore = deps.apiCalls();
    let done = 0;
    let fetched: LeaveStatusRow[][];
    try {
      fetched = await Promise.all(
        batches.map((batch) =>
          lanes.run(async () => {
            const out: LeaveStatusRow[] = [];
            for (let offset = 0; ; offset += PAGE) {
              const page = await deps.source.leaveStatus(batch, fromMs, toMs, offset, PAGE);
              out.push(...page.rows);
              if (!page.hasMore || page.rows.length === 0) break;
            }
            report('leave', ++done, batches.length);
            return out;
          }),
        ),
      );
    } catch (err) {
      await deps.ds.transaction((em) => spendCalls(em, corpId, 'leave', deps.apiCalls() - callsBefore, now()));
      const stop = await quotaStopNote(deps.ds, corpId, err, `请假已同步到 ${through ?? '（尚无）'}`, now());
      if (stop === null) throw err;
      return { rows: changedRows, users: people.length, note: stop };
    }
    const rows = fetched.flat();
    const importedAt = now();
    const incoming = new Map(
      rows.map((r) => [
        keyOf(r),
        Object.assign(new LeaveRecord(), {
          corpId,
          source: 'dingtalk' as const,
          sourceId: keyOf(r),
          userid: r.userid,
          leaveType: r.leave_code,
          startAt: new Date(Math.floor(r.start_time / 1000) * 1000),
          endAt: new Date(Math.floor(r.end_time / 1000) * 1000),
          durationUnit: r.duration_unit === 'percent_hour' ? ('hour' as const) : ('day' as const),
          durationHundredths: r.duration_percent,
          approvalState: 'approved' as const,
          importedAt,
        }),
      ]),
    );
    await deps.ds.transaction(async (em) => {
      const approvedInWindow = await em.find(LeaveRecord, {
        where: {
          corpId,
          source: 'dingtalk',
          startAt: Between(new Date(fromMs), new Date(toMs)),
          userid: In(people.length ? people : ['']),
          approvalState: 'approved',
        },
        select: { sourceId: true },
      });
      // Compared by id, not by window: DingTalk also lists leaves that began before the window and overlap it.
      // Written only when new or stored in another state (re-approved): who, when and which type make up its key.
      const fresh = await writeChangedBySourceId(em, LeaveRecord, corpId, [...incoming.values()], ['approvalState'], ['approval_state', 'imported_at']);
      const revoked = approvedInWindow.map((e) => e.sourceId).filter((id) => !incoming.has(id));
      await updateWhereIn(em, LeaveRecord, { corpId, source: 'dingtalk' }, 'sourceId', revoked, { approvalState: 'cancelled' });
      changedRows += fresh + revoked.length;
      await saveCheckpoint(em, corpId, LEAVE_CHECKPOINT, { through: to });
      await spendCalls(em, corpId, 'leave', deps.apiCalls() - callsBefore, now());
    });
    through = to;
    from = addDays(to, 1);
  }
  return { rows: changedRows, users: everyone.length };
}
