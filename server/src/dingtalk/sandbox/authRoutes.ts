/**
 * Credentials endpoints: legacy /gettoken, /get_jsapi_ticket and /topapi/v2/user/getuserinfo (免登), and
 * v1.0 POST /v1.0/oauth2/accessToken (JSON only, like DingTalk's gateway: a form body is "body is mandatory").
 */
import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { LegacyErr, V1Err } from '../wireFacts';
import { paramsOf, requiredString } from './bodyParams';
import { legacyCaller } from './callerAuth';
import { dingtalkRoute, type RouteTarget } from './dingtalkGuard';
import type { SandboxState } from './sandboxState';
import { legacyError, legacyOk, queryValue, v1Error } from './wire';

/** Register the token, ticket and auth-code endpoints. */
export function registerAuthRoutes(router: RouteTarget, state: SandboxState): void {
  const corpOfAppKeyQuery = (ctx: Context): string | undefined => state.corpByAppKey(queryValue(ctx, 'appkey'))?.corpId;

  dingtalkRoute(
    router,
    state,
    'get',
    '/gettoken',
    (ctx: Context) => {
      const corp = state.corpByCredentials(queryValue(ctx, 'appkey'), queryValue(ctx, 'appsecret'));
      if (!corp) return legacyError(ctx, LegacyErr.invalidAppCredentials);
      const { token, expiresIn } = state.tokens.issueToken(corp.corpId);
      // DingTalk's gettoken answer carries no request_id (doc 1.1 sample).
      legacyOk(ctx, { access_token: token, expires_in: expiresIn }, false);
    },
    { failable: false, corpKey: corpOfAppKeyQuery },
  );

  dingtalkRoute(router, state, 'get', '/get_jsapi_ticket', (ctx: Context) => {
    const corp = legacyCaller(ctx, state);
    if (!corp) return;
    const { ticket, expiresIn } = state.tokens.issueJsapiTicket(corp.corpId);
    legacyOk(ctx, { ticket, expires_in: expiresIn }, false);
  });

  dingtalkRoute(router, state, 'post', '/topapi/v2/user/getuserinfo', (ctx: Context) => {
    const corp = legacyCaller(ctx, state);
    if (!corp) return;
    const userid = state.tokens.redeemAuthCode(corp.corpId, requiredString(paramsOf(ctx.request.body), 'code'));
    if (userid === undefined) return legacyError(ctx, LegacyErr.invalidAuthCode);
    const user = corp.getUser(userid);
    // The person left between requestAuthCode and the exchange.
    if (!user) return legacyError(ctx, LegacyErr.notFound);
    legacyOk(ctx, {
      result: {
        userid: user.userid,
        device_id: randomBytes(16).toString('hex'),
        sys: user.admin,
        sys_level: user.sys_level,
        associated_unionid: '',
        unionid: user.unionid,
        name: user.name,
      },
    });
  });

  dingtalkRoute(
    router,
    state,
    'post',
    '/v1.0/oauth2/accessToken',
    (ctx: Context) => {
      if (!ctx.request.is('application/json')) return v1Error(ctx, 400, 'Missingbody', 'body is mandatory for this action.');
      const p = paramsOf(ctx.request.body);
      const appKey = requiredString(p, 'appKey');
      const appSecret = requiredString(p, 'appSecret');
      const corp = state.corpByCredentials(appKey, appSecret);
      if (!corp) return v1Error(ctx, 400, V1Err.invalidClient, '无效的appKey或appSecret');
      const { token, expiresIn } = state.tokens.issueToken(corp.corpId);
      ctx.status = 200;
      ctx.body = { accessToken: token, expireIn: expiresIn };
    },
    { failable: false, corpKey: (ctx) => state.corpByAppKey(optionalAppKey(ctx))?.corpId },
  );
}

function optionalAppKey(ctx: Context): string | undefined {
  const value = paramsOf(ctx.request.body).appKey;
  return typeof value === 'string' ? value : undefined;
}
