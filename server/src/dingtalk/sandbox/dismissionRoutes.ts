/**
 * hrm dismission endpoints (legacy, doc 11.1-11.2): querydimission pages the userids of people who left (oldest
 * departure first), listdimission details up to 50 of them. Both answer from SandboxCorp.departures; a userid
 * that never left (or was hired again) returns nothing.
 */
import type { Context } from 'koa';
import { DISMISSION_MAX_USERS, LegacyErr } from '../wireFacts';
import { paramsOf, requiredInt } from './bodyParams';
import { legacyCaller } from './callerAuth';
import type { SandboxDeparture } from './corpTypes';
import { dingtalkRoute, type RouteTarget } from './dingtalkGuard';
import { presentDismission, presentDismissionPage } from './dismissionPresenter';
import { countProblem, idListParam, pageProblem } from './listParams';
import type { SandboxCorp } from './SandboxCorp';
import type { SandboxState } from './sandboxState';
import { legacyError, legacyOk } from './wire';

/** Each departed person's latest departure, oldest first; people active again are left out. */
function latestDepartures(corp: SandboxCorp): Map<string, SandboxDeparture> {
  const latest = new Map<string, SandboxDeparture>();
  for (const d of corp.departures) {
    latest.delete(d.userid);
    if (!corp.users.has(d.userid)) latest.set(d.userid, d);
  }
  return latest;
}

/** Register the hrm dismission endpoints. */
export function registerDismissionRoutes(router: RouteTarget, state: SandboxState): void {
  dingtalkRoute(router, state, 'post', '/topapi/smartwork/hrm/employee/querydimission', (ctx: Context) => {
    const corp = legacyCaller(ctx, state);
    if (!corp) return;
    const p = paramsOf(ctx.request.body);
    const offset = requiredInt(p, 'offset');
    const size = requiredInt(p, 'size');
    const problem = pageProblem('offset', offset, 'size', size, DISMISSION_MAX_USERS);
    if (problem) return legacyError(ctx, LegacyErr.invalidParam, problem);
    legacyOk(ctx, { success: true, result: presentDismissionPage([...latestDepartures(corp).keys()], offset, size) });
  });

  dingtalkRoute(router, state, 'post', '/topapi/smartwork/hrm/employee/listdimission', (ctx: Context) => {
    const corp = legacyCaller(ctx, state);
    if (!corp) return;
    const userids = idListParam(paramsOf(ctx.request.body), 'userid_list');
    const problem = countProblem('userid_list', userids.length, DISMISSION_MAX_USERS);
    if (problem) return legacyError(ctx, LegacyErr.invalidParam, problem);
    const latest = latestDepartures(corp);
    const found = [...new Set(userids)].flatMap((id) => latest.get(id) ?? []);
    legacyOk(ctx, { success: true, result: found.map(presentDismission) });
  });
}
