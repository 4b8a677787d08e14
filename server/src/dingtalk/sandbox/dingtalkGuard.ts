/**
 * Wraps every emulated DingTalk endpoint: counts the call, adds latency, throttles, injects failures, and
 * turns parameter errors into each family's answer. /sandbox/* routes do not pass through here.
 */
import type { Context, Next } from 'koa';
import { logger } from '../../logger';
import { LegacyErr, monthlyQuotaMessage, V1_MONTHLY_QUOTA_CODE, V1_MONTHLY_QUOTA_STATUS, V1Err } from '../wireFacts';
import { ParamError } from './bodyParams';
import { presentedToken } from './callerAuth';
import type { SandboxState } from './sandboxState';
import { badGateway, legacyError, newRequestId, v1Error } from './wire';

/** How one endpoint is guarded. */
export interface GuardOptions {
  family: 'legacy' | 'v1';
  /** Path as counted in stats, e.g. '/topapi/v2/user/list'. */
  path: string;
  /** Token endpoints are throttled but never failure-injected. */
  failable: boolean;
  /** Which corp the call counts against; default: the corp of the presented token. */
  corpKey?: (ctx: Context, state: SandboxState) => string | undefined;
}

/** Middleware applying faults and stats to one DingTalk endpoint. */
export function dingtalkGuard(state: SandboxState, opts: GuardOptions): (ctx: Context, next: Next) => Promise<void> {
  return async (ctx, next) => {
    await state.faults.delay();
    const corpKey = (opts.corpKey ? opts.corpKey(ctx, state) : state.tokens.corpOfAnyToken(presentedToken(ctx))) ?? '(unknown)';
    // The token is left out of the request's identity: a retry after a token refresh is the same request.
    const requestKey = `${ctx.method} ${ctx.querystring.replace(/(^|&)access_token=[^&]*/, '')} ${ctx.request.rawBody ?? ''}`;
    const verdict = state.faults.decide(opts.path, corpKey, opts.failable, requestKey);
    if (verdict.kind === 'throttled') {
      logger.debug({ path: opts.path, corpKey }, 'sandbox: throttled');
      const limit = state.faults.current.throttleQps ?? 0;
      if (opts.family === 'legacy') {
        ctx.status = 200;
        ctx.body = {
          errcode: LegacyErr.corpAppApiPerSecond,
          errmsg: `接口调用超过限制, apiPath(${opts.path}), 每个企业的每个应用调用单个接口的频率不可超过${limit}次/秒`,
          request_id: newRequestId(),
        };
      } else {
        v1Error(ctx, V1Err.qpsLimitStatus, V1Err.qpsLimit, `api调用过于频繁, 当前接口QPS上限为${limit}`);
      }
      return;
    }
    if (verdict.kind === 'overQuota') {
      // Doc 8.1: legacy errcode 90020 with the organisation's count and quota; v1.0 HTTP 403 ApiCountLimitForOrg.
      logger.debug({ path: opts.path, corpKey }, 'sandbox: over the monthly quota');
      const message = monthlyQuotaMessage(verdict.used + 1, verdict.quota);
      if (opts.family === 'legacy') {
        ctx.status = 200;
        ctx.body = { errcode: LegacyErr.monthlyQuota, errmsg: message, request_id: newRequestId() };
      } else {
        v1Error(ctx, V1_MONTHLY_QUOTA_STATUS, V1_MONTHLY_QUOTA_CODE, message);
      }
      return;
    }
    if (verdict.kind === 'fail') {
      logger.debug({ path: opts.path, mode: verdict.mode }, 'sandbox: injected failure');
      if (verdict.mode === '5xx') badGateway(ctx);
      else if (opts.family === 'legacy') legacyError(ctx, LegacyErr.systemBusy);
      else v1Error(ctx, 500, V1Err.systemError, '系统繁忙');
      return;
    }
    try {
      await next();
    } catch (err) {
      if (!(err instanceof ParamError)) throw err;
      if (opts.family === 'legacy') legacyError(ctx, LegacyErr.invalidParam, err.param);
      else v1Error(ctx, 400, err.missing ? `Missing${err.param}` : 'InvalidParameter', err.message);
    }
  };
}

/** A route handler of an emulated endpoint. */
export type DingTalkHandler = (ctx: Context) => void | Promise<void>;

/** Something routes can be registered on (a @koa/router Router). */
export interface RouteTarget {
  get(path: string, ...middleware: ((ctx: Context, next: Next) => unknown)[]): unknown;
  post(path: string, ...middleware: ((ctx: Context, next: Next) => unknown)[]): unknown;
}

/** Register `handler` for `method path` behind the guard (stats, latency, throttling, failures). */
export function dingtalkRoute(
  router: RouteTarget,
  state: SandboxState,
  method: 'get' | 'post',
  path: string,
  handler: DingTalkHandler,
  opts: Partial<Omit<GuardOptions, 'path'>> = {},
): void {
  const guard = dingtalkGuard(state, { family: path.startsWith('/v1.0/') ? 'v1' : 'legacy', failable: true, ...opts, path });
  router[method](path, guard, async (ctx: Context) => {
    await handler(ctx);
  });
}
