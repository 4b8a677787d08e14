import type { DingTalkClient } from './dingTalkClient';
import type { LegacyEnvelope } from './legacyTypes';

/** One row of POST /attendance/list (doc 4.1): one scheduled check of one person. */
export interface AttendanceListRow {
  id: number | string;
  recordId?: number | string;
  workDate: number;
  userId: string;
  checkType: 'OnDuty' | 'OffDuty';
  timeResult: 'Normal' | 'Early' | 'Late' | 'SeriousLate' | 'Absenteeism' | 'NotSigned';
  locationResult?: string;
  sourceType?: string;
  baseCheckTime?: number;
  userCheckTime?: number;
  approveId?: number | string;
  procInstId?: string;
}
interface AttendanceListResponse extends LegacyEnvelope {
  hasMore: boolean;
  recordresult: AttendanceListRow[];
}

/** One leave of POST /topapi/attendance/getleavestatus (doc 4.3). duration_percent is duration × 100. */
export interface LeaveStatusRow {
  userid: string;
  start_time: number;
  end_time: number;
  duration_unit: 'percent_day' | 'percent_hour';
  duration_percent: number;
  leave_code: string;
}
interface LeaveStatusResponse extends LegacyEnvelope {
  result: { has_more: boolean; leave_status: LeaveStatusRow[] };
}

/** One person of POST /topapi/smartwork/hrm/employee/listdimission (doc 11.2). */
export interface DismissionRow {
  userid: string;
  last_work_day: number;
  main_dept_id?: number;
  main_dept_name?: string;
  reason_type?: number;
  reason_memo?: string;
  /** 1 待离职 (leaving), 2 已离职 (left). */
  status?: number;
}
interface QueryDismissionResponse extends LegacyEnvelope {
  result: { data_list: string[]; next_cursor?: number };
}
interface ListDismissionResponse extends LegacyEnvelope {
  result: DismissionRow[];
}

/** "yyyy-MM-dd HH:mm:ss" in Asia/Shanghai, the form /attendance/* expects. */
export function shanghaiDateTime(ms: number): string {
  return new Date(ms + 8 * 3600 * 1000).toISOString().replace('T', ' ').slice(0, 19);
}

/** Typed calls for the attendance, leave and dismission endpoints (all legacy, all metered). */
export class AttendanceApi {
  constructor(private readonly client: DingTalkClient) {}

  /** One page of clock results for ≤50 users over a window of ≤7 days. */
  async listResults(userIds: string[], fromMs: number, toMs: number, offset: number, limit: number): Promise<{ hasMore: boolean; rows: AttendanceListRow[] }> {
    const res = await this.client.callLegacy<AttendanceListResponse>('/attendance/list', {
      workDateFrom: shanghaiDateTime(fromMs),
      workDateTo: shanghaiDateTime(toMs),
      userIdList: userIds,
      offset,
      limit,
      isI18n: false,
    });
    return { hasMore: res.hasMore === true, rows: res.recordresult ?? [] };
  }

  /** One page of approved leaves for ≤100 users over ≤180 days. */
  async leaveStatus(userIds: string[], fromMs: number, toMs: number, offset: number, size: number): Promise<{ hasMore: boolean; rows: LeaveStatusRow[] }> {
    const res = await this.client.callLegacy<LeaveStatusResponse>('/topapi/attendance/getleavestatus', {
      userid_list: userIds.join(','),
      start_time: fromMs,
      end_time: toMs,
      offset,
      size,
    });
    return { hasMore: res.result?.has_more === true, rows: res.result?.leave_status ?? [] };
  }

  /** One page of userids of people who left. */
  async departedUserids(offset: number, size: number): Promise<{ userids: string[]; nextCursor: number | undefined }> {
    const res = await this.client.callLegacy<QueryDismissionResponse>('/topapi/smartwork/hrm/employee/querydimission', { offset, size });
    return { userids: res.result?.data_list ?? [], nextCursor: res.result?.next_cursor };
  }

  /** Departure details for ≤50 people. */
  async dismissionDetails(userIds: string[]): Promise<DismissionRow[]> {
    const res = await this.client.callLegacy<ListDismissionResponse>('/topapi/smartwork/hrm/employee/listdimission', { userid_list: userIds.join(',') });
    return res.result ?? [];
  }
}
