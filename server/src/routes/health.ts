import Router from '@koa/router';
import type { AppDeps, AppState } from '../appTypes';

/** Probe each dependency with a time limit; the answer names each one. */
async function probe(fn: () => Promise<unknown>, ms = 3000): Promise<{ ok: boolean; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([fn(), new Promise((_, rej) => (timer = setTimeout(() => rej(new Error(`no answer within ${ms} ms`)), ms)))]);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * /healthz: the process is alive. /readyz: database, Redis and DingTalk answer (503 naming what does not); it also
 * shows how DingTalk events come in (the Stream connection's state is reported, not required: a lost event is healed
 * by the nightly sync, and the receiver reconnects on its own).
 */
export function healthRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>();
  r.get('/healthz', (ctx) => {
    ctx.body = { ok: true, data: { status: 'alive' } };
  });
  r.get('/readyz', async (ctx) => {
    const [database, redis, dingtalk] = await Promise.all([
      probe(() => deps.ds.query('SELECT 1')),
      deps.redis ? probe(() => deps.redis!.ping()) : Promise.resolve({ ok: true, mode: 'not configured (in-process jobs)' }),
      probe(() => deps.dingtalk.ping()),
    ]);
    const checks = {
      database: { ...database, kind: deps.config.database.kind },
      redis,
      dingtalk: { ...dingtalk, mode: deps.config.dingtalk.mode },
      events: {
        mode: deps.config.events.mode,
        http: deps.callbackCrypto !== null,
        stream: deps.eventStream ? deps.eventStream.status() : { state: 'off' as const },
      },
    };
    const ready = database.ok && redis.ok && dingtalk.ok;
    ctx.status = ready ? 200 : 503;
    ctx.body = ready ? { ok: true, data: checks } : { ok: false, error: { id: 'not_ready', message: 'not ready', details: checks } };
  });
  return r;
}
