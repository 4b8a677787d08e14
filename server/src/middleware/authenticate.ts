import type { Middleware } from 'koa';
import type { DataSource } from 'typeorm';
import { unauthenticated } from '../errors';
import { SESSION_COOKIE, findSession } from '../modules/access/auth/sessions';
import { loadActor } from '../modules/access/auth/actorLoader';
import type { AppState } from '../appTypes';

/** Require a live session; puts the actor on ctx.state. Roles are re-read per request, so changes apply at once. */
export function authenticate(ds: DataSource): Middleware<AppState> {
  return async (ctx, next) => {
    const session = await findSession(ds, ctx.cookies.get(SESSION_COOKIE));
    if (!session) throw unauthenticated();
    const actor = await loadActor(ds, session.corpId, session.userid);
    if (!actor) throw unauthenticated('账号已离职或不存在，请重新登录');
    ctx.state.actor = actor;
    await next();
  };
}
