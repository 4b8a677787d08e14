import type { Middleware } from 'koa';
import { QueryFailedError } from 'typeorm';
import { AppError } from '../errors';
import { DingTalkError } from '../dingtalk/errors';
import { dependencyDownOf, dependencyUnavailable } from '../dependencyDown';
import type { AppState } from '../appTypes';

/** The one place that decides every error response: `{ ok: false, error: { id, message, details } }`. */
export function errorHandler(): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api/')) {
        throw new AppError('not_found', `没有这个接口: ${ctx.method} ${ctx.path}`, 404);
      }
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
        // koa-bodyparser and friends: malformed JSON, too large bodies.
        appErr = new AppError(err.status === 413 ? 'payload_too_large' : 'bad_request', err.expose ? err.message : '请求格式有误', err.status);
      } else {
        appErr = new AppError('internal_error', '服务器内部错误，请稍后再试', 500);
      }
      const log = ctx.state.log;
      if (down) log?.warn({ dependency: down, reason: err instanceof Error ? err.message : String(err) }, 'dependency down');
      else if (appErr.status >= 500) log?.error({ err: err instanceof QueryFailedError ? { message: err.message } : err, id: appErr.id }, 'request failed');
      else log?.info({ id: appErr.id, status: appErr.status }, 'request refused');
      ctx.status = appErr.status;
      ctx.body = { ok: false, error: { id: appErr.id, message: appErr.message, details: appErr.details ?? null, requestId: ctx.state.requestId } };
    }
  };
}

function isHttpError(err: unknown): err is { status: number; expose: boolean; message: string } {
  return typeof err === 'object' && err !== null && typeof (err as { status?: unknown }).status === 'number' && (err as { status: number }).status < 500;
}
