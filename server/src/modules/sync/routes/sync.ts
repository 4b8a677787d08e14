import Router from '@koa/router';
import { z } from 'zod';
import type { SyncKind } from '@liucai/shared';
import { SyncRun } from '../../../entities';
import { assertHrOrAdmin } from '../../access/policies/admin';
import { validate } from '../../../middleware/validate';
import { bySignedInUser, rateLimit } from '../../../middleware/rateLimit';
import { presentSyncRun } from '../presenters/syncRun';
import { createSyncRun } from '../commands/orgSyncRunCreator';
import { presentDataQualityFor } from '../presenters/dataQuality';
import { presentBudget } from '../presenters/budget';
import { storedDataQuality } from '../commands/dataQualityRefresher';
import { dataSyncJobId, orgSyncJobId } from '../jobs/orgSyncJob';
import type { AppDeps, AppState } from '../../../appTypes';

const KindSchema = z.object({
  kind: z.enum(['org', 'attendance', 'leave', 'departures', 'crm'], { message: '应为 org、attendance、leave、departures 或 crm 之一' }),
});

/** Sync status and "sync now" for each DingTalk source, the 数据 page, and the month's metered quota (HR and admins). */
export function syncRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/sync' });
  r.use(async (ctx, next) => {
    assertHrOrAdmin(ctx.state.actor!);
    await next();
  });

  r.get('/budget', async (ctx) => {
    const corpId = ctx.state.actor!.corpId;
    ctx.body = { ok: true, data: await presentBudget(deps.ds, corpId, deps.config, await storedDataQuality(deps.ds, corpId)) };
  });

  r.get('/quality', async (ctx) => {
    ctx.body = { ok: true, data: await presentDataQualityFor(deps.ds, ctx.state.actor!.corpId, deps.config, ctx.state.actor!) };
  });

  r.get('/:kind', async (ctx) => {
    const { kind } = validate(KindSchema, ctx.params);
    const corpId = ctx.state.actor!.corpId;
    const runs = deps.ds.getRepository(SyncRun);
    const latest = await runs.findOne({ where: { corpId, kind }, order: { id: 'DESC' } });
    const lastSucceeded = await runs.findOne({ where: { corpId, kind, status: 'succeeded' }, order: { id: 'DESC' } });
    const current = latest && latest.status !== 'succeeded' ? latest : null;
    ctx.body = { ok: true, data: { current: current ? presentSyncRun(current) : null, lastSucceeded: lastSucceeded ? presentSyncRun(lastSucceeded) : null } };
  });

  // Each run spends metered DingTalk calls: a person may start at most RATE_LIMIT_SYNC_PER_MINUTE a minute.
  r.post('/:kind', rateLimit({ what: '立即同步', limit: deps.config.rateLimits.syncPerMinute, key: bySignedInUser }), async (ctx) => {
    const { kind } = validate(KindSchema, ctx.params);
    const actor = ctx.state.actor!;
    const run = await createSyncRun(deps.ds, actor.corpId, kind as SyncKind, 'manual', actor.userid);
    if (!run) throw new Error('manual sync run was not created');
    // Enqueued after the run row is committed, so the worker always finds it.
    if (kind === 'org') await deps.jobs.enqueue('org.sync', { corpId: actor.corpId, syncRunId: run.id }, { jobId: orgSyncJobId(run.id) });
    else await deps.jobs.enqueue('data.sync', { corpId: actor.corpId, syncRunId: run.id }, { jobId: dataSyncJobId(run.id) });
    ctx.status = 202;
    ctx.body = { ok: true, data: presentSyncRun(run) };
  });
  return r;
}
