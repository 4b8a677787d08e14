/**
 * Legacy contacts endpoints (doc 3.1-3.4): department listsub/get and user list/get, with DingTalk's cursor
 * pagination, 400002 for bad parameters, 60003 for unknown departments and 60121 for unknown or departed users.
 */
import type { Context } from 'koa';
import { LegacyErr, USER_LIST_MAX_SIZE } from '../wireFacts';
import { optionalBool, optionalInt, optionalString, ParamError, paramsOf, requiredInt, requiredString } from './bodyParams';
import { legacyCaller } from './callerAuth';
import type { SandboxUser } from './corpTypes';
import { dingtalkRoute, type RouteTarget } from './dingtalkGuard';
import { presentDeptDetail, presentSubDept, presentUserDetail, presentUserListItem } from './orgPresenter';
import type { SandboxState } from './sandboxState';
import { legacyError, legacyOk } from './wire';

const ORDER_FIELDS = ['entry_asc', 'entry_desc', 'modify_asc', 'modify_desc', 'custom'] as const;
type OrderField = (typeof ORDER_FIELDS)[number];

const isOrderField = (value: string): value is OrderField => (ORDER_FIELDS as readonly string[]).includes(value);

/** Members of a department sorted by `order_field`; ties keep the custom (dept_order) order so pages are stable. */
function sortMembers(members: SandboxUser[], orderField: OrderField): SandboxUser[] {
  const byKey = (key: (u: SandboxUser) => number, sign: 1 | -1): SandboxUser[] =>
    members
      .map((u, i) => ({ u, i }))
      .sort((a, b) => sign * (key(a.u) - key(b.u)) || a.i - b.i)
      .map((x) => x.u);
  switch (orderField) {
    case 'entry_asc':
      return byKey((u) => u.hired_date, 1);
    case 'entry_desc':
      return byKey((u) => u.hired_date, -1);
    case 'modify_asc':
      return byKey((u) => u.modified_seq, 1);
    case 'modify_desc':
      return byKey((u) => u.modified_seq, -1);
    case 'custom':
      return members;
  }
}

/** Register the contacts endpoints. */
export function registerContactRoutes(router: RouteTarget, state: SandboxState): void {
  dingtalkRoute(router, state, 'post', '/topapi/v2/department/listsub', (ctx: Context) => {
    const corp = legacyCaller(ctx, state);
    if (!corp) return;
    const p = paramsOf(ctx.request.body);
    optionalString(p, 'language');
    const deptId = optionalInt(p, 'dept_id') ?? 1;
    if (!corp.getDept(deptId)) return legacyError(ctx, LegacyErr.deptNotFound);
    legacyOk(ctx, { result: corp.childDepts(deptId).map(presentSubDept) });
  });

  dingtalkRoute(router, state, 'post', '/topapi/v2/department/get', (ctx: Context) => {
    const corp = legacyCaller(ctx, state);
    if (!corp) return;
    const dept = corp.getDept(requiredInt(paramsOf(ctx.request.body), 'dept_id'));
    if (!dept) return legacyError(ctx, LegacyErr.deptNotFound);
    legacyOk(ctx, { result: presentDeptDetail(corp, dept) });
  });

  dingtalkRoute(router, state, 'post', '/topapi/v2/user/list', (ctx: Context) => {
    const corp = legacyCaller(ctx, state);
    if (!corp) return;
    const p = paramsOf(ctx.request.body);
    const deptId = requiredInt(p, 'dept_id');
    const cursor = requiredInt(p, 'cursor');
    const size = requiredInt(p, 'size');
    if (cursor < 0) throw new ParamError('cursor', 'a non-negative integer', false);
    if (size < 1 || size > USER_LIST_MAX_SIZE) throw new ParamError('size', `1..${USER_LIST_MAX_SIZE}`, false);
    const orderField = optionalString(p, 'order_field') ?? 'custom';
    if (!isOrderField(orderField)) throw new ParamError('order_field', ORDER_FIELDS.join('|'), false);
    optionalBool(p, 'contain_access_limit');
    optionalString(p, 'language');
    if (!corp.getDept(deptId)) return legacyError(ctx, LegacyErr.deptNotFound);
    const members = sortMembers(corp.deptMembers(deptId), orderField);
    const page = members.slice(cursor, cursor + size);
    const hasMore = cursor + size < members.length;
    // next_cursor is sent on the last page too (the doc lists it unconditionally); clients stop on has_more.
    legacyOk(ctx, {
      result: { has_more: hasMore, next_cursor: cursor + page.length, list: page.map((u) => presentUserListItem(corp, u, deptId)) },
    });
  });

  dingtalkRoute(router, state, 'post', '/topapi/v2/user/get', (ctx: Context) => {
    const corp = legacyCaller(ctx, state);
    if (!corp) return;
    const p = paramsOf(ctx.request.body);
    optionalString(p, 'language');
    const user = corp.getUser(requiredString(p, 'userid'));
    if (!user) return legacyError(ctx, LegacyErr.notFound);
    legacyOk(ctx, { result: presentUserDetail(corp, user) });
  });
}
