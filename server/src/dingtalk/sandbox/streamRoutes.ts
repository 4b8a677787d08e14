/**
 * Stream mode over HTTP: the gateway call that hands out a WebSocket endpoint and a ticket (doc 7.1.1), and the
 * /sandbox/stream/* controls that push an event, ping, ask clients to reconnect or cut them off.
 * The WebSocket itself (`/connect?ticket=`) is the HTTP server's upgrade handler (StreamHub.handleUpgrade).
 */
import type { Context } from 'koa';
import { STREAM_OPEN_BAD_CREDENTIALS, STREAM_OPEN_PATH } from '../wireFacts';
import { optionalString, ParamError, paramsOf, requiredString } from './bodyParams';
import type { SandboxRouteTarget } from './sandboxRoutes';
import type { SandboxState } from './sandboxState';
import { sandboxError, v1Error } from './wire';

type RouteCtx = Context & { params: Record<string, string> };

function subscriptionsOf(value: unknown): { type: string; topic: string }[] {
  if (!Array.isArray(value)) throw new ParamError('subscriptions', 'an array of {type, topic}', value === undefined);
  return value.map((s: unknown) => {
    const o = (typeof s === 'object' && s !== null ? s : {}) as { type?: unknown; topic?: unknown };
    if (typeof o.type !== 'string' || typeof o.topic !== 'string') throw new ParamError('subscriptions', 'an array of {type, topic}', false);
    return { type: o.type, topic: o.topic };
  });
}

/** Run a handler, answering a ParamError in the family's convention. */
function guarded(family: 'v1' | 'sandbox', handler: (ctx: RouteCtx) => void) {
  return (ctx: RouteCtx): void => {
    try {
      handler(ctx);
    } catch (err) {
      if (!(err instanceof ParamError)) throw err;
      if (family === 'v1') v1Error(ctx, 400, 'InvalidParameter', err.message);
      else sandboxError(ctx, 400, 'validation_error', err.message);
    }
  };
}

/** Register the gateway call and the /sandbox/stream controls. */
export function registerStreamRoutes(router: SandboxRouteTarget, state: SandboxState): void {
  router.post(
    STREAM_OPEN_PATH,
    guarded('v1', (ctx) => {
      const p = paramsOf(ctx.request.body);
      const clientId = requiredString(p, 'clientId');
      const clientSecret = requiredString(p, 'clientSecret');
      const issued = state.stream.openTicket(clientId, clientSecret, subscriptionsOf(p.subscriptions));
      if (!issued) return v1Error(ctx, STREAM_OPEN_BAD_CREDENTIALS.status, STREAM_OPEN_BAD_CREDENTIALS.code, '无效的 clientId 或 clientSecret');
      // Where the client reached us is where the WebSocket is (DingTalk answers wss://wss-open-connection…/connect).
      ctx.body = { endpoint: `ws://${ctx.host}/connect`, ticket: issued.ticket };
    }),
  );

  router.get('/sandbox/stream', (ctx) => {
    ctx.body = state.stream.status();
  });

  router.post(
    '/sandbox/stream/events',
    guarded('sandbox', (ctx) => {
      const p = paramsOf(ctx.request.body);
      const corpId = optionalString(p, 'corpId') ?? state.corps.keys().next().value;
      if (corpId === undefined || !state.corps.has(corpId)) return sandboxError(ctx, 404, 'not_found', `no sandbox corp ${corpId ?? '(none)'}`);
      const eventType = requiredString(p, 'eventType');
      const data = p.data ?? {};
      if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ParamError('data', 'a JSON object (the event body)', false);
      const eventId = state.stream.publish(corpId, eventType, data as Record<string, unknown>, optionalString(p, 'eventId'));
      ctx.body = { eventId };
    }),
  );

  router.post('/sandbox/stream/ping', (ctx) => {
    ctx.body = { sent: state.stream.ping(optionalString(paramsOf(ctx.request.body), 'corpId')) };
  });

  router.post('/sandbox/stream/disconnect', (ctx) => {
    const p = paramsOf(ctx.request.body);
    ctx.body = { sent: state.stream.disconnect(optionalString(p, 'reason') ?? 'sandbox request', optionalString(p, 'corpId')) };
  });

  router.post('/sandbox/stream/drop', (ctx) => {
    ctx.body = { dropped: state.stream.drop(optionalString(paramsOf(ctx.request.body), 'corpId')) };
  });

  router.post(
    '/sandbox/corps/:corpId/departments/:deptId/rename',
    guarded('sandbox', (ctx) => {
      const corp = state.corps.get(ctx.params.corpId ?? '');
      const dept = corp?.getDept(Number(ctx.params.deptId));
      if (!corp || !dept) return sandboxError(ctx, 404, 'not_found', `no department ${ctx.params.deptId ?? ''} in ${ctx.params.corpId ?? ''}`);
      ctx.body = { dept_id: dept.dept_id, name: corp.renameDept(dept.dept_id, requiredString(paramsOf(ctx.request.body), 'name')).name };
    }),
  );
}
