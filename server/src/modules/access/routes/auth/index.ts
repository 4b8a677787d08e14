import Router from '@koa/router';
import type { AuthOptions, DemoUser } from '@liucai/shared';
import { In } from 'typeorm';
import { User } from '../../../../entities';
import { AppError, forbidden, notFound } from '../../../../errors';
import { DingTalkError } from '../../../../dingtalk/errors';
import { LegacyErr } from '../../../../dingtalk/wireFacts';
import { validate } from '../../../../middleware/validate';
import { SESSION_COOKIE, createSession, destroySession, sessionCookieOptions } from '../../auth/sessions';
import { byClientAddress, rateLimit } from '../../../../middleware/rateLimit';
import { loadActor } from '../../auth/actorLoader';
import { signInUser } from '../../auth/signInUser';
import { presentMe } from '../../../people/presenters/me';
import type { AppDeps, AppState } from '../../../../appTypes';
import { DingTalkLoginSchema, SandboxCodeSchema } from './schema';

/** Sign-in with DingTalk 免登: the micro-app posts requestAuthCode's code, we exchange it and set our cookie. */
export function authRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api/v1/auth' });
  const limits = deps.config.rateLimits;
  // Per client address: every attempt (generous: a whole office may sign in behind one NAT address at 9:00), and
  // failed ones (strict: a used, forged or foreign code).
  const signInLimits = [
    rateLimit({ what: '登录', limit: limits.loginPerMinute, key: byClientAddress }),
    rateLimit({ what: '登录失败', limit: limits.loginFailuresPerMinute, key: byClientAddress, failuresOnly: true }),
  ];

  r.get('/options', async (ctx) => {
    let demoUsers: DemoUser[] = [];
    if (deps.sandbox) {
      const d = deps.sandbox.demoUsers;
      const byId = new Map((await deps.ds.getRepository(User).findBy({ corpId: deps.corp.corpId, userid: In(Object.values(d)) })).map((u) => [u.userid, u]));
      demoUsers = (['employee', 'supervisor', 'hr', 'admin'] as const).flatMap((role) => {
        const u = byId.get(d[role]);
        return u && u.status === 'active' ? [{ userid: u.userid, name: u.name, title: u.title ?? '', role }] : [];
      });
    }
    const data: AuthOptions = { mode: deps.sandbox ? 'sandbox' : 'dingtalk', defaultCorpId: deps.corp.corpId, demoUsers };
    ctx.body = { ok: true, data };
  });

  r.post('/sandbox-code', ...signInLimits, async (ctx) => {
    if (!deps.sandbox) throw notFound('接口');
    const input = validate(SandboxCodeSchema, ctx.request.body);
    const res = await fetch(`${deps.sandbox.url}/sandbox/authCode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userid: input.userid, corpId: input.corpId ?? deps.corp.corpId }),
    });
    const body = (await res.json()) as { code?: string };
    if (!res.ok || !body.code) throw new AppError('unknown_user', `演示环境中没有用户 ${input.userid}`, 404);
    ctx.body = { ok: true, data: { code: body.code } };
  });

  r.post('/dingtalk', ...signInLimits, async (ctx) => {
    const input = validate(DingTalkLoginSchema, ctx.request.body);
    if (input.corpId !== deps.corp.corpId) {
      throw new AppError('unknown_corp', `留才未为该企业开通 (corpId ${input.corpId})，请联系管理员`, 404);
    }
    // A Secure cookie cannot be set over plain HTTP: say so before the one-time code is spent, not a 500 after.
    if (deps.config.cookieSecure && !ctx.secure) {
      ctx.state.log.warn({ forwardedProto: ctx.get('x-forwarded-proto') || null }, 'sign-in over plain HTTP while COOKIE_SECURE=true');
      throw new AppError(
        'https_required',
        '登录需要 HTTPS 连接：服务器前的代理没有转发 X-Forwarded-Proto: https（或 COOKIE_SECURE 配置有误），请联系管理员',
        400,
      );
    }
    let info: Awaited<ReturnType<AppDeps['dingtalk']['getUserInfoByCode']>>;
    try {
      info = await deps.dingtalk.getUserInfoByCode(input.code);
    } catch (err) {
      if (err instanceof DingTalkError && err.code === LegacyErr.invalidAuthCode) {
        throw new AppError('dingtalk_auth_code_invalid', '免登授权码无效或已使用（5 分钟内有效、只能用一次），请重新打开应用', 401);
      }
      throw err;
    }
    const users = deps.ds.getRepository(User);
    const user = await signInUser(deps.ds, deps.dingtalk, deps.corp.corpId, info.userid);
    if (user.status !== 'active') throw forbidden('该账号已离职，无法登录留才');
    // DingTalk's `sys` at login is the freshest word on who is an admin.
    if (info.sys !== undefined && info.sys !== user.isAdmin) await users.update({ corpId: user.corpId, userid: user.userid }, { isAdmin: info.sys });
    // Rotation: signing in always starts a new session and ends the one this browser had (whoever it was).
    await destroySession(deps.ds, ctx.cookies.get(SESSION_COOKIE));
    const token = await createSession(deps.ds, user.corpId, user.userid, deps.config.sessionTtlHours);
    ctx.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(deps.config));
    ctx.state.log.info({ audit: 'sign_in', userid: user.userid, ip: ctx.ip }, 'audit');
    const actor = await loadActor(deps.ds, user.corpId, user.userid);
    if (!actor) throw forbidden('该账号已离职，无法登录留才');
    ctx.body = { ok: true, data: await presentMe(deps.ds, actor) };
  });

  r.post('/logout', async (ctx) => {
    const had = ctx.cookies.get(SESSION_COOKIE);
    await destroySession(deps.ds, had);
    if (had) ctx.state.log.info({ audit: 'sign_out', ip: ctx.ip }, 'audit');
    ctx.cookies.set(SESSION_COOKIE, null, { ...sessionCookieOptions(deps.config), maxAge: undefined });
    ctx.body = { ok: true, data: {} };
  });
  return r;
}
