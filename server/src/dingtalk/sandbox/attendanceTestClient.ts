/**
 * HTTP helpers for the sandbox's attendance, leave and dismission tests: raw legacy calls (the attendance answers
 * carry their fields at the top level, not under `result`) and walkers that page the way a client does.
 */
import type { AttendanceResultRow, RawClockRecord } from './attendancePresenter';
import type { LeaveStatusRow } from './attendanceQueries';
import type { SandboxHandle } from './startSandbox';
import { postJson } from './testClient';
import { formatChinaDateTime, parseChinaDateTime } from './workCalendar';

/** A legacy answer: the envelope plus whatever the endpoint adds. */
export type LegacyAnswer<T> = T & { errcode: number; errmsg: string; request_id?: string };

/** POST a legacy endpoint (?access_token=) with a JSON body and return the decoded body. */
export async function legacyPost<T = Record<string, unknown>>(handle: SandboxHandle, token: string, path: string, body: unknown): Promise<LegacyAnswer<T>> {
  return (await postJson<LegacyAnswer<T>>(`${handle.url}${path}?access_token=${encodeURIComponent(token)}`, body)).body;
}

/** Beijing "yyyy-MM-dd HH:mm:ss" to ms (throws on a typo in a test). */
export function chinaMs(text: string): number {
  const ms = parseChinaDateTime(text);
  if (ms === undefined) throw new Error(`not a yyyy-MM-dd HH:mm:ss: ${text}`);
  return ms;
}

/** A whole-days window "from 00:00:00" .. "to 23:59:59", as a syncing client sends it. */
export function dayWindow(fromDate: string, toDate: string): { workDateFrom: string; workDateTo: string } {
  return { workDateFrom: formatChinaDateTime(chinaMs(`${fromDate} 00:00:00`)), workDateTo: formatChinaDateTime(chinaMs(`${toDate} 23:59:59`)) };
}

/** An /attendance/list page. */
export interface AttendancePage {
  hasMore: boolean;
  recordresult: AttendanceResultRow[];
}

/** Every /attendance/list row of a window, paging with `limit`; fails the test on an error answer. */
export async function walkAttendance(
  handle: SandboxHandle,
  token: string,
  userIdList: string[],
  window: { workDateFrom: string; workDateTo: string },
  limit = 50,
): Promise<{ rows: AttendanceResultRow[]; pages: number }> {
  const rows: AttendanceResultRow[] = [];
  for (let offset = 0, pages = 1; ; offset += limit, pages++) {
    const res = await legacyPost<AttendancePage>(handle, token, '/attendance/list', { ...window, userIdList, offset, limit, isI18n: false });
    if (res.errcode !== 0) throw new Error(`/attendance/list failed: ${res.errcode} ${res.errmsg}`);
    rows.push(...res.recordresult);
    if (!res.hasMore) return { rows, pages };
  }
}

/** Every /attendance/list row of consecutive 7-day windows from `fromDate` for `weeks` weeks. */
export async function walkWeeks(handle: SandboxHandle, token: string, userIdList: string[], fromDate: string, weeks: number): Promise<AttendanceResultRow[]> {
  const rows: AttendanceResultRow[] = [];
  const start = chinaMs(`${fromDate} 00:00:00`);
  for (let w = 0; w < weeks; w++) {
    const from = start + w * 7 * 86_400_000;
    const window = { workDateFrom: formatChinaDateTime(from), workDateTo: formatChinaDateTime(from + 7 * 86_400_000 - 1000) };
    for (let i = 0; i < userIdList.length; i += 50) rows.push(...(await walkAttendance(handle, token, userIdList.slice(i, i + 50), window)).rows);
  }
  return rows;
}

/** /attendance/listRecord for a window. */
export async function listRecords(
  handle: SandboxHandle,
  token: string,
  userIds: string[],
  checkDateFrom: string,
  checkDateTo: string,
): Promise<RawClockRecord[]> {
  const res = await legacyPost<{ recordresult: RawClockRecord[] }>(handle, token, '/attendance/listRecord', {
    userIds,
    checkDateFrom,
    checkDateTo,
    isI18n: false,
  });
  if (res.errcode !== 0) throw new Error(`/attendance/listRecord failed: ${res.errcode} ${res.errmsg}`);
  return res.recordresult;
}

/** A getleavestatus answer's result. */
export interface LeaveStatusResult {
  has_more: boolean;
  leave_status: LeaveStatusRow[];
}

/** Every getleavestatus row for ≤100 people over ≤180 days, paging with `size`. */
export async function walkLeaves(
  handle: SandboxHandle,
  token: string,
  userids: string[],
  startMs: number,
  endMs: number,
  size = 100,
): Promise<LeaveStatusRow[]> {
  const rows: LeaveStatusRow[] = [];
  for (let offset = 0; ; offset += size) {
    const res = await legacyPost<{ success: boolean; result: LeaveStatusResult }>(handle, token, '/topapi/attendance/getleavestatus', {
      userid_list: userids.join(','),
      start_time: startMs,
      end_time: endMs,
      offset,
      size,
    });
    if (res.errcode !== 0) throw new Error(`getleavestatus failed: ${res.errcode} ${res.errmsg}`);
    rows.push(...res.result.leave_status);
    if (!res.result.has_more) return rows;
  }
}
