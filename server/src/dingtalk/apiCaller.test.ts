import { AccessTokenProvider } from './accessTokenProvider';
import { ApiCaller } from './apiCaller';
import { DingTalkError } from './errors';
import { mapLegacyError } from './mapLegacyError';
import { RateLimiter } from './rateLimiter';
import { LegacyErr, TOKEN_TTL_SECONDS } from './wireFacts';

const API = '/topapi/v2/user/get';

function makeCaller(maxAttempts = 5) {
  return new ApiCaller({ limiter: new RateLimiter({ callsPerSecond: 1000 }), maxAttempts, baseDelayMs: 2 });
}

function tokenSource() {
  let n = 0;
  return new AccessTokenProvider({ appKey: 'app', fetchToken: async () => ({ token: `t${++n}`, expiresIn: TOKEN_TTL_SECONDS }) });
}

describe('ApiCaller', () => {
  it('retries retryable errors with backoff and counts calls and retries', async () => {
    const caller = makeCaller();
    let n = 0;
    const result = await caller.callAnonymous(API, async () => {
      n += 1;
      if (n < 3) throw mapLegacyError(API, 200, { errcode: LegacyErr.corpAppApiPerSecond, errmsg: 'throttled' });
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(caller.stats.snapshot()).toEqual({ calls: 3, byApi: { [API]: 3 }, retries: 2 });
  });

  it('gives up after maxAttempts', async () => {
    const caller = makeCaller(3);
    const err = await caller
      .callAnonymous(API, async () => {
        throw mapLegacyError(API, 200, { errcode: LegacyErr.systemBusy, errmsg: '系统繁忙' });
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: -1 });
    expect(caller.stats.snapshot().calls).toBe(3);
  });

  it('throws non-retryable errors at once', async () => {
    const caller = makeCaller();
    await expect(
      caller.callAnonymous(API, async () => {
        throw mapLegacyError(API, 200, { errcode: LegacyErr.notFound, errmsg: '找不到该用户' });
      }),
    ).rejects.toThrow('DingTalk /topapi/v2/user/get failed: 60121 找不到该用户');
    expect(caller.stats.snapshot()).toMatchObject({ calls: 1, retries: 0 });
  });

  it('drops a rejected token and retries exactly once with a fresh one', async () => {
    const caller = makeCaller();
    const tokens = tokenSource();
    const seen: string[] = [];
    await expect(
      caller.callWithToken(API, tokens, async (token) => {
        seen.push(token);
        throw mapLegacyError(API, 200, { errcode: LegacyErr.invalidToken, errmsg: '不合法的access_token' });
      }),
    ).rejects.toBeInstanceOf(DingTalkError);
    expect(seen).toEqual(['t1', 't2']);
    const ok = await caller.callWithToken(API, tokens, async (token) => {
      if (token === 't2') throw mapLegacyError(API, 200, { errcode: LegacyErr.invalidToken, errmsg: 'x' });
      return token;
    });
    expect(ok).toBe('t3');
  });

  it('lets programming errors through untouched', async () => {
    const caller = makeCaller();
    await expect(caller.callAnonymous(API, async () => Promise.reject(new TypeError('bug')))).rejects.toThrow(TypeError);
    expect(caller.stats.snapshot().retries).toBe(0);
  });
});
