import Router from '@koa/router';
import { assertHrOrAdmin } from '../../access/policies/admin';
import { visibleDepartmentIds } from '../../access/policies/scope';
import { presentOrg } from '../presenters/org';
import type { AppDeps, AppState } from '../../../appTypes';

/** HR pages: the department tree within one's scope. */
export function orgRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1' });
  r.get('/org/departments', async (ctx) => {
    const actor = ctx.state.actor!;
    assertHrOrAdmin(actor);
    const visible = await visibleDepartmentIds(deps.ds, actor);
    ctx.body = { ok: true, data: { departments: await presentOrg(deps.ds, actor.corpId, visible) } };
  });

  return r;
}
