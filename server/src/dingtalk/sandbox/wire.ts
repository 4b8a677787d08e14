/**
 * DingTalk's two response conventions. Legacy (oapi): always HTTP 200, `{errcode, errmsg, request_id}`.
 * v1.0 (api): errors as HTTP 4xx/5xx `{code, message, requestid}` — a JSON body, since a non-JSON error body
 * makes the SDK throw a bare SyntaxError.
 */
import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { LegacyErr } from '../wireFacts';

/** Which convention a path follows. */
export type ApiFamily = 'legacy' | 'v1' | 'sandbox';

/** errmsg texts as DingTalk words them (doc 1.3, 2.2, 3.x, 8). */
export const LEGACY_MESSAGES: Record<number, string> = {
  [LegacyErr.systemBusy]: '系统繁忙',
  [LegacyErr.invalidToken]: '不合法的access_token',
  [LegacyErr.invalidAuthCode]: '不存在的临时授权码',
  [LegacyErr.invalidAppCredentials]: '不合法的appKey或appSecret',
  [LegacyErr.deptNotFound]: '部门不存在',
  [LegacyErr.notFound]: '找不到该用户',
  [LegacyErr.invalidParam]: '无效的参数',
};

/** The family a request path belongs to. */
export function familyOf(path: string): ApiFamily {
  if (path.startsWith('/v1.0/')) return 'v1';
  if (path === '/sandbox' || path.startsWith('/sandbox/')) return 'sandbox';
  return 'legacy';
}

/** A DingTalk-looking request id. */
export function newRequestId(): string {
  return randomBytes(8).toString('hex');
}

/** Answer a legacy success: `{errcode: 0, errmsg: 'ok', ...fields, request_id}`. */
export function legacyOk(ctx: Context, fields: Record<string, unknown>, withRequestId = true): void {
  ctx.status = 200;
  ctx.body = { errcode: LegacyErr.ok, errmsg: 'ok', ...fields, ...(withRequestId ? { request_id: newRequestId() } : {}) };
}

/** Answer a legacy error (HTTP 200 with a non-zero errcode). */
export function legacyError(ctx: Context, errcode: number, detail?: string): void {
  const base = LEGACY_MESSAGES[errcode] ?? 'error';
  ctx.status = 200;
  ctx.body = { errcode, errmsg: detail ? `${base}: ${detail}` : base, request_id: newRequestId() };
}

/** Answer a v1.0 error: HTTP `status` with `{code, message, requestid}`. */
export function v1Error(ctx: Context, status: number, code: string, message: string): void {
  ctx.status = status;
  ctx.body = { code, message, requestid: newRequestId() };
}

/** Answer a gateway failure (HTTP 502): the same JSON for both families, since the gateway, not the API, answers. */
export function badGateway(ctx: Context): void {
  ctx.status = 502;
  ctx.body = { code: 'BadGateway', message: '502 Bad Gateway', requestid: newRequestId() };
}

/** Answer a /sandbox/* error: `{error, message}` with a stable id. */
export function sandboxError(ctx: Context, status: number, error: string, message: string): void {
  ctx.status = status;
  ctx.body = { error, message };
}

/** A single query-string value (the first when repeated). */
export function queryValue(ctx: Context, key: string): string | undefined {
  const value = ctx.query[key];
  return Array.isArray(value) ? value[0] : value;
}
