import type { DataSource } from 'typeorm';
import { addDays } from '@liucai/shared';
import { AbsenceWithoutLeave, AttendanceResult, LeaveRecord } from '../../../entities';
import { shanghaiMidnight } from '../../../util/dates';
import { notifyAbsencesWithoutLeave } from './absenceNotifier';

/** Days re-examined on each run (a late sync or approval within this window still counts). */
export const ABSENCE_LOOKBACK_DAYS = 30;
/** Only absences this recent are told to the supervisor and HR (a first run does not send a month of history). */
export const ABSENCE_NOTIFY_DAYS = 7;

/** Standing absences still re-checked against leaves that arrive late (older ones stay as they are). */
export const OPEN_DAYS = 90;

const ABSENT = "('Absenteeism', 'NotSigned')";

export interface AbsenceRunResult {
  flagged: { userid: string; workDate: string }[];
  cleared: { userid: string; workDate: string; leave: string }[];
  notified: number;
}

interface LeaveSpan {
  userid: string;
  sourceId: string;
  start: number;
  end: number;
}

/** The approved leave of `userid` overlapping day `day` (any part of it: a request exists), if any. */
function coveringLeave(spans: readonly LeaveSpan[], day: string): LeaveSpan | undefined {
  const from = shanghaiMidnight(day);
  const to = shanghaiMidnight(addDays(day, 1));
  return spans.find((s) => s.start < to && s.end > from);
}

async function approvedLeaves(ds: DataSource, corpId: string, fromDay: string, toDay: string): Promise<Map<string, LeaveSpan[]>> {
  // tenancy: leaves of this corp only.
  const rows = await ds
    .getRepository(LeaveRecord)
    .createQueryBuilder('l')
    .select(['l.userid', 'l.sourceId', 'l.startAt', 'l.endAt'])
    .where('l.corp_id = :corpId', { corpId })
    .andWhere("l.approval_state = 'approved'")
    .andWhere('l.start_at < :to AND l.end_at > :from', { from: new Date(shanghaiMidnight(fromDay)), to: new Date(shanghaiMidnight(addDays(toDay, 1))) })
    .getMany();
  const by = new Map<string, LeaveSpan[]>();
  for (const r of rows) {
    const list = by.get(r.userid) ?? [];
    list.push({ userid: r.userid, sourceId: r.sourceId, start: r.startAt.getTime(), end: r.endAt.getTime() });
    by.set(r.userid, list);
  }
  return by;
}

/**
 * 未填请假单不来上班, up to `through` (the last day attendance and leave are both synced, so a leave approved late
 * but synced is seen before anyone is flagged): a scheduled work day whose on-duty check is absent or missing with no
 * clock at all that day (no check with a clock time, no raw clock record), no approval attached by DingTalk, and no
 * approved leave overlapping the day. Each person-day is flagged once (its key); a flag whose day a covering
 * approved leave now overlaps is cleared. Recent new flags are told to the supervisor and HR (digest).
 */
export async function findAbsencesWithoutLeave(
  ds: DataSource,
  corpId: string,
  opts: { through: string; now?: () => Date; lookbackDays?: number },
): Promise<AbsenceRunResult> {
  const now = opts.now ?? (() => new Date());
  const from = addDays(opts.through, -(opts.lookbackDays ?? ABSENCE_LOOKBACK_DAYS) + 1);
  // tenancy: attendance, clocks and flags of this corp only (the subqueries repeat the corp of the outer row).
  const candidates = await ds
    .getRepository(AttendanceResult)
    .createQueryBuilder('a')
    .select('a.userid', 'userid')
    .addSelect('a.work_date', 'workDate')
    .where('a.corp_id = :corpId', { corpId })
    .andWhere('a.work_date >= :from AND a.work_date <= :through', { from, through: opts.through })
    .andWhere(`a.check_type = 'OnDuty' AND a.time_result IN ${ABSENT} AND a.user_check_at IS NULL AND a.approve_id IS NULL`)
    .andWhere(
      'NOT EXISTS (SELECT 1 FROM attendance_results b WHERE b.corp_id = a.corp_id AND b.userid = a.userid AND b.work_date = a.work_date AND (b.user_check_at IS NOT NULL OR b.approve_id IS NOT NULL))',
    )
    .andWhere('NOT EXISTS (SELECT 1 FROM clock_records k WHERE k.corp_id = a.corp_id AND k.userid = a.userid AND k.work_date = a.work_date)')
    .andWhere('NOT EXISTS (SELECT 1 FROM absences_without_leave w WHERE w.corp_id = a.corp_id AND w.userid = a.userid AND w.work_date = a.work_date)')
    .groupBy('a.userid')
    .addGroupBy('a.work_date')
    .getRawMany<{ userid: string; workDate: string }>();

  const open = await ds
    .getRepository(AbsenceWithoutLeave)
    .createQueryBuilder('w')
    .where('w.corp_id = :corpId AND w.cleared_at IS NULL AND w.work_date >= :since', { corpId, since: addDays(opts.through, -OPEN_DAYS) })
    .getMany();
  const days = [...candidates.map((c) => c.workDate), ...open.map((o) => o.workDate)].sort();
  const leaves = days.length ? await approvedLeaves(ds, corpId, days[0]!, days[days.length - 1]!) : new Map<string, LeaveSpan[]>();

  const at = now();
  const flagged = candidates.filter((c) => !coveringLeave(leaves.get(c.userid) ?? [], c.workDate));
  const cleared: AbsenceRunResult['cleared'] = [];
  for (const o of open) {
    const leave = coveringLeave(leaves.get(o.userid) ?? [], o.workDate);
    if (leave) cleared.push({ userid: o.userid, workDate: o.workDate, leave: leave.sourceId });
  }

  let notified = 0;
  await ds.transaction(async (em) => {
    for (let i = 0; i < flagged.length; i += 500) {
      await em
        .createQueryBuilder()
        .insert()
        .into(AbsenceWithoutLeave)
        .values(
          flagged.slice(i, i + 500).map((f) => ({ corpId, userid: f.userid, workDate: f.workDate, flaggedAt: at, clearedAt: null, clearedByLeave: null })),
        )
        .orIgnore()
        .execute();
    }
    for (const c of cleared) {
      await em.getRepository(AbsenceWithoutLeave).update({ corpId, userid: c.userid, workDate: c.workDate }, { clearedAt: at, clearedByLeave: c.leave });
    }
    const recent = flagged.filter((f) => f.workDate >= addDays(opts.through, -ABSENCE_NOTIFY_DAYS + 1));
    notified = await notifyAbsencesWithoutLeave(em, ds, corpId, recent, at);
  });
  return { flagged, cleared, notified };
}
