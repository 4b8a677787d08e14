/**
 * Workflow (审批) endpoints of v1.0 (doc 4.4): POST /v1.0/workflow/processes/instanceIds/query (ids of a form's
 * instances created in a window, paged by a numeric nextToken) and GET /v1.0/workflow/processInstances (one
 * instance). Only the 请假 form has instances; any other process code lists none. Limits come from wireFacts;
 * breaking one answers HTTP 400 InvalidParameter naming it.
 */
import type { Context } from 'koa';
import { ONE_DAY_MS } from './corpClock';
import { WORKFLOW_LIST_MAX_DAYS, WORKFLOW_LIST_MAX_RESULTS, WORKFLOW_STATUSES } from '../wireFacts';
import { optionalInt, ParamError, paramsOf, requiredInt, requiredString, type Params } from './bodyParams';
import { v1Caller } from './callerAuth';
import { dingtalkRoute, type RouteTarget } from './dingtalkGuard';
import { findLeaveInstance, leaveInstances, presentLeaveInstance, SANDBOX_LEAVE_PROCESS_CODE, type InstanceCorpFacts } from './leaveApprovals';
import type { SandboxCorp } from './SandboxCorp';
import type { SandboxState } from './sandboxState';
import { queryValue, v1Error } from './wire';

/** An optional list of strings (JSON array). */
function optionalStringList(p: Params, key: string): string[] | undefined {
  const value = p[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new ParamError(key, 'a list of strings', false);
  return value as string[];
}

/** Names, supervisors and departments of active and departed people. */
function factsOf(corp: SandboxCorp): InstanceCorpFacts {
  const userOf = (userid: string) => corp.getUser(userid) ?? corp.getDeparture(userid)?.user;
  return {
    nameOf: (userid) => userOf(userid)?.name ?? userid,
    approverOf: (userid) => {
      const user = userOf(userid);
      return (user && corp.supervisorOf(user)) ?? corp.demoUsers.admin;
    },
    deptOf: (userid) => {
      const id = userOf(userid)?.dept_id_list[0] ?? 1;
      return { id, name: corp.getDept(id)?.name ?? '' };
    },
  };
}

/** Register the workflow endpoints. */
export function registerWorkflowRoutes(router: RouteTarget, state: SandboxState): void {
  dingtalkRoute(router, state, 'post', '/v1.0/workflow/processes/instanceIds/query', (ctx: Context) => {
    const corp = v1Caller(ctx, state);
    if (!corp) return;
    const p = paramsOf(ctx.request.body);
    const processCode = requiredString(p, 'processCode');
    const startTime = requiredInt(p, 'startTime');
    const endTime = optionalInt(p, 'endTime') ?? corp.asOfMs;
    const nextToken = requiredInt(p, 'nextToken');
    const maxResults = requiredInt(p, 'maxResults');
    const userIds = optionalStringList(p, 'userIds');
    const statuses = optionalStringList(p, 'statuses');
    const problem =
      endTime < startTime
        ? 'endTime must not be before startTime'
        : endTime - startTime > WORKFLOW_LIST_MAX_DAYS * ONE_DAY_MS
          ? `startTime..endTime spans more than ${WORKFLOW_LIST_MAX_DAYS} days`
          : maxResults < 1 || maxResults > WORKFLOW_LIST_MAX_RESULTS
            ? `maxResults must be 1..${WORKFLOW_LIST_MAX_RESULTS}`
            : nextToken < 0
              ? 'nextToken must not be negative'
              : statuses?.find((s) => !(WORKFLOW_STATUSES as readonly string[]).includes(s))
                ? `statuses may only hold ${WORKFLOW_STATUSES.join(', ')}`
                : undefined;
    if (problem) return v1Error(ctx, 400, 'InvalidParameter', problem);
    const all = processCode === SANDBOX_LEAVE_PROCESS_CODE ? leaveInstances(corp, { fromMs: startTime, toMs: endTime, userids: userIds, statuses }) : [];
    const page = all.slice(nextToken, nextToken + maxResults).map((i) => i.processInstanceId);
    const result: Record<string, unknown> = { list: page };
    if (nextToken + maxResults < all.length) result.nextToken = String(nextToken + maxResults);
    ctx.body = { success: true, result };
  });

  dingtalkRoute(router, state, 'get', '/v1.0/workflow/processInstances', (ctx: Context) => {
    const corp = v1Caller(ctx, state);
    if (!corp) return;
    const id = queryValue(ctx, 'processInstanceId');
    if (!id) throw new ParamError('processInstanceId', 'an approval instance id', true);
    const instance = findLeaveInstance(corp, id);
    if (!instance) return v1Error(ctx, 400, 'InvalidProcessInstanceId', `审批实例不存在: ${id}`);
    ctx.body = { success: true, result: presentLeaveInstance(corp, factsOf(corp), instance) };
  });
}
