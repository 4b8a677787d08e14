import type { Middleware } from 'koa';
import { unauthenticated } from '../errors';
import { SESSION_COOKIE, destroyUserSessions, findSession, touchSession } from '../modules/access/auth/sessions';
import type { AppDeps, AppState } from '../appTypes';

const WHY = {
  none: '请先登录',
  expired: '登录已过期，请重新登录',
  idle: '长时间未操作，已自动退出，请重新登录',
} as const;

/**
 * Require a live session of this installation's corp; puts the actor on ctx.state. Roles are re-read on every
 * request, so a person who left or lost a role is refused from their next request on.
 */
export function authenticate(deps: Pick<AppDeps, 'ds' | 'config' | 'corp'>): Middleware<AppState> {
  const { ds } = deps;
  return async (ctx, next) => {
    // The session and its person's roles in one read; roles are re-read on every request.
    // A GET or HEAD writes no topic's table (it may record an audit event or the session's last use; one that seeds
    // built-in rules forgets the versions after, ruleRoutes.ts): it may check kept answers against the versions read
    // with the session.
    const readOnly = ctx.method === 'GET' || ctx.method === 'HEAD';
    const found = await findSession(ds, ctx.cookies.get(SESSION_COOKIE), { idleMinutes: deps.config.sessionIdleMinutes, readOnly });
    if (found.status !== 'live') throw unauthenticated(WHY[found.status]);
    const { session, actor } = found;
    // One installation serves one corp: a session written for another corp (a shared database) is not valid here.
    if (session.corpId !== deps.corp.corpId) throw unauthenticated();
    if (!actor) {
      await destroyUserSessions(ds, session.corpId, session.userid);
      throw unauthenticated('账号已离职或不存在，请重新登录');
    }
    touchSession(ds, session, deps.config.sessionIdleMinutes, (err) =>
      ctx.state.log.warn({ err }, 'session: last use not recorded (a later request tries again)'),
    );
    ctx.state.actor = { ...actor, sessionRef: session.idHash.slice(0, 16) };
    await next();
  };
}
