import Router from '@koa/router';
import { z } from 'zod';
import type { SyncKind } from '@liucai/shared';
import { SyncRun } from '../../../entities';
import { assertHrOrAdmin } from '../../access/policies/admin';
import { validate } from '../../../middleware/validate';
import { presentSyncRun } from '../presenters/syncRun';
import { createSyncRun } from '../commands/orgSyncRunCreator';
import { presentDataQuality } from '../presenters/dataQuality';
import { enqueueSyncRun } from '../commands/syncRunEnqueuer';
import type { AppDeps, AppState } from '../../../appTypes';

const KindSchema = z.object({
  kind: z.enum(['org', 'attendance', 'leave', 'departures', 'crm'], { message: '同步类型应为 org、attendance、leave、departures 或 crm' }),
});

/** Sync status and "sync now" for each DingTalk source, and the month's metered-call budget (HR and admins). */
export function syncRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/sync' });
  r.use(async (ctx, next) => {
    assertHrOrAdmin(ctx.state.actor!);
    await next();
  });

  r.get('/budget', async (ctx) => {
    const quality = await presentDataQuality(deps.ds, ctx.state.actor!.corpId, deps.config.monthlyCallLimit);
    ctx.body = { ok: true, data: quality.budget };
  });

  r.get('/quality', async (ctx) => {
    ctx.body = { ok: true, data: await presentDataQuality(deps.ds, ctx.state.actor!.corpId, deps.config.monthlyCallLimit) };
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

  r.post('/:kind', async (ctx) => {
    const { kind } = validate(KindSchema, ctx.params);
    const actor = ctx.state.actor!;
    const run = await createSyncRun(deps.ds, actor.corpId, kind as SyncKind, 'manual', actor.userid);
    if (!run) throw new Error('manual sync run was not created');
    // Enqueued after the run row is committed, so the worker always finds it; a refused enqueue fails the run (503).
    await enqueueSyncRun(deps, run);
    ctx.status = 202;
    ctx.body = { ok: true, data: presentSyncRun(run) };
  });
  return r;
}
