/**
 * Who is calling: the corp behind the app access token, or DingTalk's invalid-token answer. Legacy APIs take
 * the token as `?access_token=` and answer errcode 40014; v1.0 APIs take header `x-acs-dingtalk-access-token`
 * and answer HTTP 400 InvalidAuthentication (400, not 401: doc 1.3). Later v1.0 endpoints use v1Caller.
 */
import type { Context } from 'koa';
import { LegacyErr, V1Err } from '../wireFacts';
import type { SandboxCorp } from './SandboxCorp';
import type { SandboxState } from './sandboxState';
import { legacyError, queryValue, v1Error } from './wire';

/** Header carrying the token on v1.0 calls. */
export const V1_TOKEN_HEADER = 'x-acs-dingtalk-access-token';

/** The token a call presents (query for legacy, header for v1.0), valid or not. */
export function presentedToken(ctx: Context): string | undefined {
  if (ctx.path.startsWith('/v1.0/')) return ctx.get(V1_TOKEN_HEADER) || undefined;
  return queryValue(ctx, 'access_token');
}

/** The corp of a legacy call's access_token; otherwise answers errcode 40014 and returns undefined. */
export function legacyCaller(ctx: Context, state: SandboxState): SandboxCorp | undefined {
  const corpId = state.tokens.corpOfToken(queryValue(ctx, 'access_token'));
  const corp = corpId === undefined ? undefined : state.corps.get(corpId);
  if (!corp) legacyError(ctx, LegacyErr.invalidToken);
  return corp;
}

/** The corp of a v1.0 call's token header; otherwise answers HTTP 400 InvalidAuthentication and returns undefined. */
export function v1Caller(ctx: Context, state: SandboxState): SandboxCorp | undefined {
  const corpId = state.tokens.corpOfToken(ctx.get(V1_TOKEN_HEADER) || undefined);
  const corp = corpId === undefined ? undefined : state.corps.get(corpId);
  if (!corp) v1Error(ctx, V1Err.invalidTokenStatus, V1Err.invalidToken, '不合法的access_token');
  return corp;
}
