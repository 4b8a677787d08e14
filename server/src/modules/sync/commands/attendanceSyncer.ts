import { createHash } from 'node:crypto';
import { Between, In, type DataSource, type EntityManager } from 'typeorm';
import { AttendanceResult, ClockRecord } from '../../../entities';
import type { AttendanceListRow, ClockRecordRow } from '../../../dingtalk/attendanceApi';
import { ATTENDANCE_MAX_DAYS, ATTENDANCE_MAX_USERS } from '../../../dingtalk/wireFacts';
import { addDays, daysBetween, shanghaiDate, shanghaiMidnight, windowEnd } from '../../../util/dates';
import { Semaphore } from '../../../util/semaphore';
import { employedOnOrAfter, peopleWithHistory } from '../queries/peopleWithHistory';
import { writeChangedRows } from './changedRows';
import { callsAvailable, spendCalls } from './callBudget';
import { quotaStopNote, syncAllowance } from './quotaStop';
import { readDayCheckpoint, saveCheckpoint } from './checkpoints';
import type { ReportProgress, TrackedOutcome } from './syncRunTracker';

/** The DingTalk calls attendance sync needs (a subset of AttendanceApi). */
export interface AttendanceSource {
  listResults(userIds: string[], fromMs: number, toMs: number, offset: number, limit: number): Promise<{ hasMore: boolean; rows: AttendanceListRow[] }>;
  listClockRecords(userIds: string[], fromMs: number, toMs: number): Promise<ClockRecordRow[]>;
}

export interface AttendanceSyncDeps {
  ds: DataSource;
  source: AttendanceSource;
  apiCalls: () => number;
  concurrency: number;
  /** Metered calls DingTalk allows per month (config.budget.apiCalls). */
  monthlyCallLimit: number;
  /** Share of the month's calls kept for work notifications (0 when absent). */
  notifyShare?: number;
  /** First sync: how many days back to start. */
  lookbackDays: number;
  now?: () => Date;
}

export const ATTENDANCE_CHECKPOINT = 'attendance';
const PAGE = 50;

/** A window of whole days [from, to] (yyyy-mm-dd, inclusive). */
export interface DayWindow {
  from: string;
  to: string;
}

/** Split [from, to] into windows of at most ATTENDANCE_MAX_DAYS days (DingTalk's limit for /attendance/list). */
export function planWindows(from: string, to: string): DayWindow[] {
  const out: DayWindow[] = [];
  for (let start = from; daysBetween(start, to) >= 0; start = addDays(start, ATTENDANCE_MAX_DAYS)) {
    out.push({ from: start, to: windowEnd(start, ATTENDANCE_MAX_DAYS, to) });
  }
  return out;
}

/**
 * Upper estimate of calls for one window: two checks per working day per person, 50 rows a page, plus one
 * /attendance/listRecord call per group of ≤50 people (raw clocks come unpaged).
 */
export function estimateWindowCalls(people: number, window: DayWindow): number {
  let workdays = 0;
  for (let d = window.from; daysBetween(d, window.to) >= 0; d = addDays(d, 1)) {
    const dow = new Date(shanghaiMidnight(d) + 8 * 3600 * 1000).getUTCDay();
    if (dow !== 0 && dow !== 6) workdays++;
  }
  let calls = 0;
  for (let i = 0; i < people; i += ATTENDANCE_MAX_USERS) {
    const group = Math.min(ATTENDANCE_MAX_USERS, people - i);
    calls += Math.max(1, Math.ceil((group * workdays * 2) / PAGE)) + 1;
  }
  return calls;
}

const sourceIdOf = (row: AttendanceListRow) =>
  String(row.id ?? createHash('sha1').update(`${row.userId}:${row.workDate}:${row.checkType}`).digest('hex')).slice(0, 64);

function toEntity(corpId: string, row: AttendanceListRow, importedAt: Date): AttendanceResult {
  return Object.assign(new AttendanceResult(), {
    corpId,
    source: 'dingtalk' as const,
    sourceId: sourceIdOf(row),
    userid: row.userId,
    workDate: shanghaiDate(row.workDate),
    checkType: row.checkType,
    timeResult: row.timeResult,
    locationResult: row.locationResult ?? null,
    baseCheckAt: row.baseCheckTime ? new Date(Math.floor(row.baseCheckTime / 1000) * 1000) : null,
    userCheckAt: row.userCheckTime ? new Date(Math.floor(row.userCheckTime / 1000) * 1000) : null,
    approveId: row.approveId !== undefined && row.approveId !== null ? String(row.approveId) : null,
    importedAt,
  });
}

const cut = (text: string | undefined, n: number): string | null => (text ? text.slice(0, n) : null);

function toClockEntity(corpId: string, row: ClockRecordRow, importedAt: Date): ClockRecord {
  return Object.assign(new ClockRecord(), {
    corpId,
    source: 'dingtalk' as const,
    sourceId: String(row.id).slice(0, 64),
    userid: row.userId,
    workDate: shanghaiDate(row.workDate ?? row.userCheckTime),
    checkAt: new Date(Math.floor(row.userCheckTime / 1000) * 1000),
    checkType: cut(row.checkType, 16),
    sourceType: cut(row.sourceType, 16),
    timeResult: cut(row.timeResult, 16),
    locationResult: cut(row.locationResult, 16),
    locationMethod: cut(row.locationMethod, 16),
    address: cut(row.userAddress, 255),
    deviceId: cut(row.deviceId, 64),
    outsideRemark: cut(row.outsideRemark, 255),
    importedAt,
  });
}

const CLOCK_COMPARED: (keyof ClockRecord)[] = [
  'userid',
  'workDate',
  'checkAt',
  'checkType',
  'sourceType',
  'timeResult',
  'locationResult',
  'locationMethod',
  'address',
  'deviceId',
  'outsideRemark',
];

const COMPARED: (keyof AttendanceResult)[] = ['userid', 'workDate', 'checkType', 'timeResult', 'locationResult', 'baseCheckAt', 'userCheckAt', 'approveId'];

/** What DingTalk answered for some people over whole days [from, to]. */
export interface FetchedAttendance {
  results: AttendanceListRow[];
  clocks: ClockRecordRow[];
}

/** Read results (paged) and raw clocks (one call) of ≤50 people over ≤7 whole days. */
export async function fetchAttendance(source: AttendanceSource, userids: string[], window: DayWindow): Promise<FetchedAttendance> {
  const fromMs = shanghaiMidnight(window.from);
  const toMs = shanghaiMidnight(addDays(window.to, 1)) - 1000;
  const results: AttendanceListRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await source.listResults(userids, fromMs, toMs, offset, PAGE);
    results.push(...page.rows);
    if (!page.hasMore || page.rows.length === 0) break;
  }
  const clocks = await source.listClockRecords(userids, fromMs, toMs);
  return { results, clocks };
}

/**
 * Write what was read for `userids` over [from, to]: only rows that are new or changed (results and raw clocks),
 * so re-reading a window changes nothing. Returns how many rows changed.
 */
export async function writeAttendance(
  em: EntityManager,
  corpId: string,
  userids: string[],
  window: DayWindow,
  fetched: FetchedAttendance,
  importedAt: Date,
): Promise<number> {
  if (userids.length === 0) return 0;
  const results = fetched.results.map((r) => toEntity(corpId, r, importedAt));
  const storedResults = await em.find(AttendanceResult, {
    where: { corpId, source: 'dingtalk', workDate: Between(window.from, window.to), userid: In(userids) },
  });
  const resultsChanged = await writeChangedRows(em, AttendanceResult, results, storedResults, COMPARED, [
    'userid',
    'work_date',
    'check_type',
    'time_result',
    'location_result',
    'base_check_at',
    'user_check_at',
    'approve_id',
    'imported_at',
  ]);
  const clocks = fetched.clocks.filter((c) => typeof c.userCheckTime === 'number').map((c) => toClockEntity(corpId, c, importedAt));
  const storedClocks = await em.find(ClockRecord, {
    where: {
      corpId,
      source: 'dingtalk',
      checkAt: Between(new Date(shanghaiMidnight(window.from)), new Date(shanghaiMidnight(addDays(window.to, 1)) - 1000)),
      userid: In(userids),
    },
  });
  const clocksChanged = await writeChangedRows(em, ClockRecord, clocks, storedClocks, CLOCK_COMPARED, [
    'userid',
    'work_date',
    'check_at',
    'check_type',
    'source_type',
    'time_result',
    'location_result',
    'location_method',
    'address',
    'device_id',
    'outside_remark',
    'imported_at',
  ]);
  return resultsChanged + clocksChanged;
}

/**
 * Incremental attendance sync: from the day after the checkpoint (or `lookbackDays` ago) to yesterday, in 7-day
 * windows of ≤50 people, paging 50 rows at a time, plus one unpaged /attendance/listRecord call per group for the
 * raw clocks (same people, same window, same checkpoint: a separate sync would plan the same groups again). Each window is written (only rows that changed) together with
 * its checkpoint and the calls it spent, so a crash loses at most the window in flight, and re-running it changes
 * nothing. Windows are planned against the month's metered-call budget; when the budget cannot cover them all the
 * run takes the oldest that fit and says so in its note.
 */
export async function syncAttendance(deps: AttendanceSyncDeps, corpId: string, report: ReportProgress): Promise<TrackedOutcome> {
  const now = deps.now ?? (() => new Date());
  const yesterday = addDays(shanghaiDate(now()), -1);
  const checkpoint = await readDayCheckpoint(deps.ds, corpId, ATTENDANCE_CHECKPOINT, yesterday);
  const from = checkpoint ? addDays(checkpoint.through, 1) : addDays(yesterday, -(deps.lookbackDays - 1));
  if (daysBetween(from, yesterday) < 0) return { rows: 0, note: '考勤已是最新' };

  // People who left are read too, up to their last day: DingTalk keeps their records, and their last months are
  // what retention learns from. That includes those who left before any org sync saw them (departures only).
  const people = await peopleWithHistory(deps.ds, corpId);
  const windows = planWindows(from, yesterday);
  const remaining = await callsAvailable(deps.ds, corpId, 'attendance', syncAllowance(deps), now());
  const planned: { window: DayWindow; userids: string[] }[] = [];
  let estimate = 0;
  let needed = 0;
  let budgetReached = false;
  for (const window of windows) {
    // People who left before the window have nothing in it.
    const userids = people.filter((p) => employedOnOrAfter(p, window.from)).map((p) => p.userid);
    const calls = estimateWindowCalls(userids.length, window);
    needed += calls;
    // Windows stay contiguous from the checkpoint: once one does not fit, later ones wait too.
    if (budgetReached || estimate + calls > remaining) {
      budgetReached = true;
      continue;
    }
    planned.push({ window, userids });
    estimate += calls;
  }
  const note =
    planned.length < windows.length
      ? `本月计量调用剩余约 ${Math.max(0, remaining)} 次，同步 ${from} 至 ${yesterday} 需约 ${needed} 次：已同步到 ${planned.at(-1)?.window.to ?? addDays(from, -1)}，其余待下月预算恢复后继续`
      : null;

  const lanes = new Semaphore(deps.concurrency);
  const totalGroups = planned.reduce((n, p) => n + Math.ceil(p.userids.length / ATTENDANCE_MAX_USERS), 0);
  let groupsDone = 0;
  let rowsChanged = 0;
  let through = checkpoint?.through ?? null;
  for (const { window, userids } of planned) {
    const callsBefore = deps.apiCalls();
    const groups: string[][] = [];
    for (let i = 0; i < userids.length; i += ATTENDANCE_MAX_USERS) groups.push(userids.slice(i, i + ATTENDANCE_MAX_USERS));
    let fetched: FetchedAttendance[];
    try {
      fetched = await Promise.all(
        groups.map((group) =>
          lanes.run(async () => {
            const got = await fetchAttendance(deps.source, group, window);
            report('attendance', ++groupsDone, totalGroups);
            return got;
          }),
        ),
      );
    } catch (err) {
      // Calls made before the refusal were still spent; the window is read again next time.
      await deps.ds.transaction((em) => spendCalls(em, corpId, 'attendance', deps.apiCalls() - callsBefore, now()));
      const stop = await quotaStopNote(deps.ds, corpId, err, `考勤已同步到 ${through ?? '（尚无）'}`, now());
      if (stop === null) throw err;
      return { rows: rowsChanged, users: people.length, note: stop };
    }
    const importedAt = now();
    const all: FetchedAttendance = { results: fetched.flatMap((f) => f.results), clocks: fetched.flatMap((f) => f.clocks) };
    await deps.ds.transaction(async (em) => {
      rowsChanged += await writeAttendance(em, corpId, userids, window, all, importedAt);
      await saveCheckpoint(em, corpId, ATTENDANCE_CHECKPOINT, { through: window.to });
      await spendCalls(em, corpId, 'attendance', deps.apiCalls() - callsBefore, now());
    });
    through = window.to;
  }
  return { rows: rowsChanged, users: people.length, note };
}
