import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from '../logger';
import type { AppState } from '../appTypes';

/** Give every request an id (echoed as x-request-id) and a child logger; log one line per request. */
export function requestContext(log: Logger): Middleware<AppState> {
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id');
    const requestId = /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.log = log.child({ requestId });
    ctx.set('x-request-id', requestId);
    const start = Date.now();
    try {
      await next();
    } finally {
      if (ctx.path !== '/healthz') {
        ctx.state.log.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Date.now() - start }, 'request');
      }
    }
  };
}
