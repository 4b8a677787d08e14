import Router from '@koa/router';
import { notFound } from '../../../errors';
import { visiblePerson } from '../policies/peopleScope';
import { presentMe } from '../presenters/me';
import { loadActor } from '../../access/auth/actorLoader';
import type { AppDeps, AppState } from '../../../appTypes';

/** The signed-in user, and other people's profiles where policy allows (404 outside one's scope). */
export function meRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1' });
  r.get('/me', async (ctx) => {
    ctx.body = { ok: true, data: await presentMe(deps.ds, ctx.state.actor!) };
  });
  r.get('/users/:userid', async (ctx) => {
    const actor = ctx.state.actor!;
    // The person if the actor may see them (404 outside one's scope): one query.
    const target = await visiblePerson(deps.ds, actor, ctx.params.userid ?? '');
    if (!target) throw notFound('员工');
    const asActor = await loadActor(deps.ds, target.corpId, target.userid);
    const profile = asActor
      ? // Departments as of the org version this request read with its session (same corp).
        await presentMe(deps.ds, { ...asActor, hrDeptIds: [], orgVersion: actor.orgVersion })
      : { userid: target.userid, name: target.name, title: target.title, status: target.status, leftOn: target.leftOn };
    ctx.body = { ok: true, data: profile };
  });
  return r;
}
