import { zh } from '@liucai/shared';
import type { Context, Middleware } from 'koa';
import { QueryFailedError } from 'typeorm';
import { AppError } from '../errors';
import { DingTalkError } from '../dingtalk/errors';
import { dependencyDownOf, dependencyUnavailable } from '../dependencyDown';
import type { AppState } from '../appTypes';

/**
 * The one place that decides every error response: `{ ok: false, error: { id, message, details } }`. With
 * `opts.explainInternal` (test runs only) a 500 also carries the thrown error's message as `error.cause`, so a test
 * that meets an unexpected 500 says why in its own failure output; never in development or production.
 */
export function errorHandler(opts: { explainInternal?: boolean } = {}): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next();
      const unanswered = unansweredStatus(ctx);
      if (unanswered) throw unanswered;
    } catch (err) {
      let appErr: AppError;
      const down = dependencyDownOf(err);
      if (err instanceof AppError) appErr = err;
      else if (down) {
        // The database or Redis is down: a fast 503 the client may retry, never a 500 or a hang.
        appErr = dependencyUnavailable(down);
        ctx.set('Retry-After', '10');
      } else if (err instanceof DingTalkError) {
        appErr = new AppError('dingtalk_error', `钉钉接口调用失败 (${err.api}: ${String(err.code)})`, 502, { api: err.api, code: err.code });
      } else if (isHttpError(err)) {
        appErr = fromHttpError(err);
      } else {
        appErr = new AppError('internal_error', '服务器内部错误，请稍后再试', 500);
      }
      const log = ctx.state.log;
      if (down) log?.warn({ dependency: down, reason: err instanceof Error ? err.message : String(err) }, 'dependency down');
      else if (appErr.status >= 500) log?.error({ err: err instanceof QueryFailedError ? { message: err.message } : err, id: appErr.id }, 'request failed');
      else log?.info({ id: appErr.id, status: appErr.status }, 'request refused');
      ctx.status = appErr.status;
      const cause = opts.explainInternal && appErr.id === 'internal_error' ? { cause: err instanceof Error ? `${err.name}: ${err.message}` : String(err) } : {};
      ctx.body = { ok: false, error: { id: appErr.id, message: appErr.message, details: appErr.details ?? null, requestId: ctx.state.requestId, ...cause } };
    }
  };
}

/**
 * A status set by the router or Koa without a body (no route, a method the route lacks) would go out as plain
 * English text ("Method Not Allowed"); it becomes an error in the envelope instead.
 */
function unansweredStatus(ctx: Context): AppError | null {
  if (ctx.body !== undefined && ctx.body !== null) return null;
  if (ctx.status === 404) {
    return new AppError('not_found', ctx.path.startsWith('/api/') ? `没有这个接口: ${ctx.method} ${ctx.path}` : `没有这个页面: ${ctx.path}`, 404);
  }
  if (ctx.status === 405) {
    const allowed = ctx.response.get('Allow');
    return new AppError('method_not_allowed', zh`该接口不支持 ${ctx.method} 请求${allowed ? `（支持 ${allowed.split(/,\s*/).join('、')}）` : ''}`, 405, {
      allowed: allowed ? allowed.split(/,\s*/) : [],
    });
  }
  if (ctx.status === 501) return new AppError('not_implemented', `不支持的请求方法 ${ctx.method}`, 501);
  return null;
}

interface HttpError {
  status: number;
  type?: string;
  limit?: number;
}

/** Errors thrown by Koa's body parser and friends (http-errors), told in Chinese: never their English message. */
function fromHttpError(err: HttpError): AppError {
  if (err.status === 413) {
    const limit = typeof err.limit === 'number' ? `：最多 ${Math.round(err.limit / 1024)} KB` : '';
    return new AppError('payload_too_large', zh`请求内容太大${limit}`, 413);
  }
  if (err.status === 415) return new AppError('unsupported_media_type', '不支持的请求格式或字符编码：请以 UTF-8 JSON 发送', 415);
  if (err instanceof SyntaxError || err.type === 'entity.parse.failed') return new AppError('bad_request', '请求内容不是有效的 JSON', 400);
  if (err.status === 400) return new AppError('bad_request', '请求格式有误', 400);
  if (err.status === 401) return new AppError('unauthenticated', '请先登录', 401);
  if (err.status === 403) return new AppError('forbidden', '无权访问', 403);
  if (err.status === 404) return new AppError('not_found', '请求的内容不存在', 404);
  return new AppError('bad_request', `请求有误（HTTP ${err.status}）`, err.status);
}

function isHttpError(err: unknown): err is HttpError {
  return typeof err === 'object' && err !== null && typeof (err as { status?: unknown }).status === 'number' && (err as { status: number }).status < 500;
}
