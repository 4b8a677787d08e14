import Router from '@koa/router';
import { zh } from '@liucai/shared';
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

/** What /readyz names, in Chinese, when it is down. */
const CHECK_NAMES = { database: '数据库', redis: 'Redis', dingtalk: '钉钉', schedulers: '定时任务' } as const;

/**
 * /healthz: the process is alive. /readyz: database, Redis, DingTalk and the job schedulers (the nightly syncs, kept in
 * Redis) answer; otherwise 503 naming what is down (`details.down`). It also shows how DingTalk events come in (the
 * Stream connection's state is reported, not required: a lost event is healed by the nightly sync, and the receiver
 * reconnects on its own).
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
      schedulers: await schedulersCheck(deps, redis.ok),
      events: {
        mode: deps.config.events.mode,
        http: deps.callbackCrypto !== null,
        stream: deps.eventStream ? deps.eventStream.status() : { state: 'off' as const },
      },
    };
    const down = (['database', 'redis', 'dingtalk', 'schedulers'] as const).filter((k) => !checks[k].ok);
    ctx.status = down.length === 0 ? 200 : 503;
    ctx.body =
      down.length === 0
        ? { ok: true, data: checks }
        : {
            ok: false,
            error: { id: 'not_ready', message: zh`未就绪：${down.map((k) => CHECK_NAMES[k]).join('、')}不可用`, details: { down, ...checks } },
          };
  });
  return r;
}

/**
 * The job schedulers this process registered, checked in Redis (BullMQ keeps them nowhere else). Missing ones are
 * named; the SchedulerWatch registers them again within SCHEDULER_CHECK_SECONDS. While Redis is down they cannot
 * be checked (nor run), so they count as down too.
 */
async function schedulersCheck(deps: AppDeps, redisOk: boolean): Promise<{ ok: boolean; missing?: string[]; error?: string; mode?: string }> {
  if (!deps.jobs.missingSchedulers) return { ok: true, mode: 'in-process' };
  if (!redisOk) return { ok: false, error: 'not checked: Redis is down (no scheduled job runs meanwhile)' };
  let missing: string[] = [];
  const result = await probe(async () => {
    missing = await deps.jobs.missingSchedulers!();
  });
  if (!result.ok) return result;
  return missing.length === 0 ? { ok: true, missing } : { ok: false, missing, error: `missing in Redis: ${missing.join(', ')}` };
}
