import type { DataSource, EntityManager } from 'typeorm';
import { Departure, User } from '../../../entities';
import type { DismissionRow } from '../../../dingtalk/attendanceApi';
import { DISMISSION_MAX_USERS } from '../../../dingtalk/wireFacts';
import { shanghaiDate } from '../../../util/dates';
import { spendCalls } from './callBudget';
import { updateWhereIn, writeChangedBySourceId } from './changedRows';
import { saveCheckpoint } from './checkpoints';
import type { ReportProgress, TrackedOutcome } from './syncRunTracker';
import { refreshDepartmentHeadcounts } from '../../people/commands/departmentHeadcountRefresher';

/** The DingTalk calls departure sync needs (a subset of AttendanceApi). */
export interface DepartureSource {
  departedUserids(offset: number, size: number): Promise<{ userids: string[]; nextCursor: number | undefined }>;
  dismissionDetails(userIds: string[]): Promise<DismissionRow[]>;
}

export const DEPARTURE_CHECKPOINT = 'departures';

/** A departure is written again only when one of these changed (the name and import time follow along). */
const COMPARED: (keyof Departure)[] = ['lastDay', 'reasonType', 'reason', 'mainDeptId'];

/** Mark people left on their last day: one update per distinct day (and 500 people), not one per person. */
async function markLeft(em: EntityManager, corpId: string, leftOn: Map<string, string>): Promise<void> {
  const byDay = new Map<string, string[]>();
  for (const [userid, day] of leftOn) byDay.set(day, [...(byDay.get(day) ?? []), userid]);
  for (const [day, userids] of byDay) await updateWhereIn(em, User, { corpId }, 'userid', userids, { status: 'left', leftOn: day });
}

/**
 * Departures from the hrm dismission APIs: page every departed userid, read details 50 at a time, write the
 * departures that are new or changed, and mark those people left with DingTalk's last working day.
 */
export async function syncDepartures(
  deps: { ds: DataSource; source: DepartureSource; apiCalls: () => number; now?: () => Date },
  corpId: string,
  report: ReportProgress,
): Promise<TrackedOutcome> {
  const now = deps.now ?? (() => new Date());
  const callsBefore = deps.apiCalls();
  const userids: string[] = [];
  for (let offset: number | undefined = 0; offset !== undefined;) {
    const page = await deps.source.departedUserids(offset, DISMISSION_MAX_USERS);
    userids.push(...page.userids);
    offset = page.userids.length === 0 ? undefined : page.nextCursor;
  }
  const details: DismissionRow[] = [];
  for (let i = 0; i < userids.length; i += DISMISSION_MAX_USERS) {
    details.push(...(await deps.source.dismissionDetails(userids.slice(i, i + DISMISSION_MAX_USERS))));
    report('departures', Math.min(i + DISMISSION_MAX_USERS, userids.length), userids.length);
  }
  let changed = 0;
  let marked = 0;
  await deps.ds.transaction(async (em) => {
    const users = new Map(
      (await em.find(User, { where: { corpId }, select: { userid: true, name: true, status: true, leftOn: true } })).map((u) => [u.userid, u]),
    );
    const importedAt = now();
    const rows: Departure[] = [];
    /** Who to mark left, with their last day (a later detail for the same person wins, as DingTalk listed it). */
    const leftOn = new Map<string, string>();
    for (const d of details) {
      const lastDay = shanghaiDate(d.last_work_day);
      rows.push(
        Object.assign(new Departure(), {
          corpId,
          source: 'dingtalk' as const,
          sourceId: d.userid,
          userid: d.userid,
          name: users.get(d.userid)?.name ?? null,
          lastDay,
          reasonType: d.reason_type ?? null,
          reason: d.reason_memo ? d.reason_memo.slice(0, 500) : null,
          mainDeptId: d.main_dept_id ?? null,
          importedAt,
        }),
      );
      const user = users.get(d.userid);
      // Someone still 待离职 (status 1) works until the last day; only people who have left are marked.
      if (user && d.status !== 1 && (user.status !== 'left' || user.leftOn !== lastDay)) {
        leftOn.set(d.userid, lastDay);
        marked++;
      }
    }
    changed = await writeChangedBySourceId(em, Departure, corpId, rows, COMPARED, ['name', 'last_day', 'reason_type', 'reason', 'main_dept_id', 'imported_at']);
    await markLeft(em, corpId, leftOn);
    if (leftOn.size > 0) await refreshDepartmentHeadcounts(em, corpId);
    await saveCheckpoint(em, corpId, DEPARTURE_CHECKPOINT, { departed: userids.length, at: now().toISOString() });
    // The hrm 离职信息 APIs are exempt (doc 8.1), so this adds nothing unless that changes (wireFacts.isMeteredApi).
    await spendCalls(em, corpId, 'departures', deps.apiCalls() - callsBefore, now());
  });
  return { rows: changed, left: marked };
}
