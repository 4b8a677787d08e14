/**
 * Attendance endpoints (doc 4.1-4.3): /attendance/list (legacy, no /topapi, camelCase, offset/limit paging),
 * /attendance/listRecord (raw clocks, no paging) and /topapi/attendance/getleavestatus (offset/size paging).
 * Limits come from wireFacts; breaking one answers errcode 400002 with an errmsg naming the limit. Unknown
 * userids are simply absent from the answers.
 */
import type { Context } from 'koa';
import {
  ATTENDANCE_MAX_DAYS,
  ATTENDANCE_MAX_USERS,
  ATTENDANCE_PAGE_MAX,
  LEAVE_STATUS_MAX_DAYS,
  LEAVE_STATUS_MAX_USERS,
  LEAVE_STATUS_PAGE_MAX,
  LegacyErr,
} from '../wireFacts';
import { optionalBool, paramsOf, requiredInt } from './bodyParams';
import { legacyCaller } from './callerAuth';
import { approvedLeaves, attendanceResults, clockRecords, presentLeaveStatus } from './attendanceQueries';
import { dingtalkRoute, type RouteTarget } from './dingtalkGuard';
import { chinaDateTimeParam, countProblem, idListParam, pageProblem, windowProblem } from './listParams';
import type { SandboxState } from './sandboxState';
import { legacyError, legacyOk } from './wire';

/** Register the attendance endpoints. */
export function registerAttendanceRoutes(router: RouteTarget, state: SandboxState): void {
  dingtalkRoute(router, state, 'post', '/attendance/list', (ctx: Context) => {
    const corp = legacyCaller(ctx, state);
    if (!corp) return;
    const p = paramsOf(ctx.request.body);
    const fromMs = chinaDateTimeParam(p, 'workDateFrom');
    const toMs = chinaDateTimeParam(p, 'workDateTo');
    const userIds = idListParam(p, 'userIdList');
    const offset = requiredInt(p, 'offset');
    const limit = requiredInt(p, 'limit');
    optionalBool(p, 'isI18n');
    const problem =
      windowProblem('workDateFrom', 'workDateTo', fromMs, toMs, ATTENDANCE_MAX_DAYS) ??
      countProblem('userIdList', userIds.length, ATTENDANCE_MAX_USERS) ??
      pageProblem('offset', offset, 'limit', limit, ATTENDANCE_PAGE_MAX);
    if (problem) return legacyError(ctx, LegacyErr.invalidParam, problem);
    const rows = attendanceResults(corp, userIds, fromMs, toMs);
    legacyOk(ctx, { hasMore: offset + limit < rows.length, recordresult: rows.slice(offset, offset + limit) });
  });

  dingtalkRoute(router, state, 'post', '/attendance/listRecord', (ctx: Context) => {
    const corp = legacyCaller(ctx, state);
    if (!corp) return;
    const p = paramsOf(ctx.request.body);
    const fromMs = chinaDateTimeParam(p, 'checkDateFrom');
    const toMs = chinaDateTimeParam(p, 'checkDateTo');
    const userIds = idListParam(p, 'userIds');
    optionalBool(p, 'isI18n');
    const problem =
      windowProblem('checkDateFrom', 'checkDateTo', fromMs, toMs, ATTENDANCE_MAX_DAYS) ?? countProblem('userIds', userIds.length, ATTENDANCE_MAX_USERS);
    if (problem) return legacyError(ctx, LegacyErr.invalidParam, problem);
    legacyOk(ctx, { recordresult: clockRecords(corp, userIds, fromMs, toMs) });
  });

  dingtalkRoute(router, state, 'post', '/topapi/attendance/getleavestatus', (ctx: Context) => {
    const corp = legacyCaller(ctx, state);
    if (!corp) return;
    const p = paramsOf(ctx.request.body);
    const userids = idListParam(p, 'userid_list');
    const startMs = requiredInt(p, 'start_time');
    const endMs = requiredInt(p, 'end_time');
    const offset = requiredInt(p, 'offset');
    const size = requiredInt(p, 'size');
    const problem =
      countProblem('userid_list', userids.length, LEAVE_STATUS_MAX_USERS) ??
      windowProblem('start_time', 'end_time', startMs, endMs, LEAVE_STATUS_MAX_DAYS) ??
      pageProblem('offset', offset, 'size', size, LEAVE_STATUS_PAGE_MAX);
    if (problem) return legacyError(ctx, LegacyErr.invalidParam, problem);
    const leaves = approvedLeaves(corp, userids, startMs, endMs);
    legacyOk(ctx, {
      success: true,
      result: { has_more: offset + size < leaves.length, leave_status: leaves.slice(offset, offset + size).map(presentLeaveStatus) },
    });
  });
}
