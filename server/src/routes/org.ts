import Router from '@koa/router';
import { SyncRun } from '../entities';
import { assertHrOrAdmin } from '../policies/admin';
import { visibleDepartmentIds } from '../policies/scope';
import { presentOrg } from '../presenters/org';
import { presentSyncRun } from '../presenters/syncRun';
import { createOrgSyncRun } from '../commands/orgSyncRunCreator';
import { orgSyncJobId } from '../jobs/orgSyncJob';
import type { AppDeps, AppState } from '../appTypes';

/** HR pages: the department tree within one's scope, and org sync status and "sync now". */
export function orgRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1' });
  r.get('/org/departments', async (ctx) => {
    const actor = ctx.state.actor!;
    assertHrOrAdmin(actor);
    const visible = await visibleDepartmentIds(deps.ds, actor);
    ctx.body = { ok: true, data: { departments: await presentOrg(deps.ds, actor.corpId, visible) } };
  });

  r.get('/sync/org', async (ctx) => {
    const actor = ctx.state.actor!;
    assertHrOrAdmin(actor);
    const runs = deps.ds.getRepository(SyncRun);
    const latest = await runs.findOne({ where: { corpId: actor.corpId, kind: 'org' }, order: { id: 'DESC' } });
    const lastSucceeded = await runs.findOne({ where: { corpId: actor.corpId, kind: 'org', status: 'succeeded' }, order: { id: 'DESC' } });
    const current = latest && (latest.status === 'queued' || latest.status === 'running' || latest.status === 'failed') ? latest : null;
    ctx.body = { ok: true, data: { current: current ? presentSyncRun(current) : null, lastSucceeded: lastSucceeded ? presentSyncRun(lastSucceeded) : null } };
  });

  r.post('/sync/org', async (ctx) => {
    const actor = ctx.state.actor!;
    assertHrOrAdmin(actor);
    const run = await createOrgSyncRun(deps.ds, actor.corpId, 'manual', actor.userid);
    if (!run) throw new Error('manual sync run was not created');
    // Enqueued after the run row is committed, so the worker always finds it.
    await deps.jobs.enqueue('org.sync', { corpId: actor.corpId, syncRunId: run.id }, { jobId: orgSyncJobId(run.id) });
    ctx.status = 202;
    ctx.body = { ok: true, data: presentSyncRun(run) };
  });
  return r;
}
