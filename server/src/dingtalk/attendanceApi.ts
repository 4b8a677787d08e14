// Deep import: the package root loads all 117 modules (doc 9.1).
import Workflow, * as $Workflow from '@alicloud/dingtalk/dist/workflow_1_0/client';
import type { DingTalkClient } from './dingTalkClient';
import type { LegacyEnvelope } from './legacyTypes';
import { v1Headers } from './v1Client';

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

/** One raw clock of POST /attendance/listRecord (doc 4.2); the fields Liucai keeps. */
export interface ClockRecordRow {
  id: number | string;
  userId: string;
  workDate?: number;
  checkType?: string;
  sourceType?: string;
  timeResult?: string;
  locationResult?: string;
  locationMethod?: string;
  baseCheckTime?: number;
  userCheckTime: number;
  userAddress?: string;
  deviceId?: string;
  outsideRemark?: string;
}
interface ListRecordResponse extends LegacyEnvelope {
  recordresult: ClockRecordRow[];
}

/** GET /v1.0/workflow/processInstances `result` (doc 4.4): the fields Liucai reads. */
export interface ApprovalInstance {
  processInstanceId: string;
  originatorUserId: string;
  status: string;
  result: string;
  createTime?: string;
  finishTime?: string;
  formComponentValues: { componentType?: string; name?: string; value?: string; extValue?: string }[];
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

/** Typed calls for the attendance, leave, approval and dismission endpoints (all metered; approvals are v1.0). */
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

  /** Every raw clock of ≤50 users over ≤7 days (no paging). */
  async listClockRecords(userIds: string[], fromMs: number, toMs: number): Promise<ClockRecordRow[]> {
    const res = await this.client.callLegacy<ListRecordResponse>('/attendance/listRecord', {
      userIds,
      checkDateFrom: shanghaiDateTime(fromMs),
      checkDateTo: shanghaiDateTime(toMs),
      isI18n: false,
    });
    return res.recordresult ?? [];
  }

  /** One page (≤20) of ids of a form's approval instances created in a window of ≤120 days. */
  async listApprovalIds(
    processCode: string,
    fromMs: number,
    toMs: number,
    nextToken: number,
    maxResults: number,
  ): Promise<{ ids: string[]; nextToken: number | undefined }> {
    const api = '/v1.0/workflow/processes/instanceIds/query';
    const body = await this.client.v1.call(api, async (token, runtime) => {
      const request = new $Workflow.ListProcessInstanceIdsRequest({ processCode, startTime: fromMs, endTime: toMs, nextToken, maxResults });
      return (
        await this.client.v1.sdk(Workflow).listProcessInstanceIdsWithOptions(request, new $Workflow.ListProcessInstanceIdsHeaders(v1Headers(token)), runtime)
      ).body;
    });
    const next = body?.result?.nextToken;
    return { ids: body?.result?.list ?? [], nextToken: next === undefined || next === null || next === '' ? undefined : Number(next) };
  }

  /** One approval instance. */
  async getApproval(processInstanceId: string): Promise<ApprovalInstance> {
    const api = '/v1.0/workflow/processInstances';
    const body = await this.client.v1.call(api, async (token, runtime) => {
      const request = new $Workflow.GetProcessInstanceRequest({ processInstanceId });
      return (await this.client.v1.sdk(Workflow).getProcessInstanceWithOptions(request, new $Workflow.GetProcessInstanceHeaders(v1Headers(token)), runtime))
        .body;
    });
    const r = body?.result;
    return {
      processInstanceId,
      originatorUserId: r?.originatorUserId ?? '',
      status: r?.status ?? '',
      result: r?.result ?? '',
      createTime: r?.createTime,
      finishTime: r?.finishTime,
      formComponentValues: (r?.formComponentValues ?? []).map((f) => ({ componentType: f.componentType, name: f.name, value: f.value, extValue: f.extValue })),
    };
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
