import type { FetchedToken } from './accessTokenProvider';
import type { ApiCaller } from './apiCaller';
import { DingTalkError, TransportCode } from './errors';
import type { LegacyHttp } from './legacyHttp';
import type { GetTokenResponse } from './legacyTypes';

export const GET_TOKEN_API = '/gettoken';

/** Fetch the app access token with legacy `GET /gettoken?appkey&appsecret` (rate-limited and retried). */
export function fetchLegacyToken(http: LegacyHttp, caller: ApiCaller, appKey: string, appSecret: string): Promise<FetchedToken> {
  return caller.callAnonymous(GET_TOKEN_API, async () => {
    const res = await http.request<GetTokenResponse>(GET_TOKEN_API, { method: 'GET', query: { appkey: appKey, appsecret: appSecret } });
    if (typeof res.access_token !== 'string' || res.access_token === '' || typeof res.expires_in !== 'number') {
      throw new DingTalkError({
        api: GET_TOKEN_API,
        code: TransportCode.badResponse,
        detail: 'no access_token in answer',
        retryable: true,
        invalidToken: false,
      });
    }
    return { token: res.access_token, expiresIn: res.expires_in };
  });
}
