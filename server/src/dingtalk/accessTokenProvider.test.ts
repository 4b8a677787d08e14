import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { AccessTokenProvider, type FetchedToken, tokenCacheMs } from './accessTokenProvider';
import { TOKEN_REFRESH_MARGIN_SECONDS, TOKEN_TTL_SECONDS } from './wireFacts';

/**
 * A token issuer that counts how often it is asked, answering after a short delay like a network call would.
 * `expiresIn` may depend on the token's number, so a test can make only the first token short-lived.
 */
function issuer(expiresIn: number | ((n: number) => number) = TOKEN_TTL_SECONDS, delayMs = 30) {
  let issued = 0;
  return {
    get count() {
      return issued;
    },
    fetch: async (): Promise<FetchedToken> => {
      issued += 1;
      await sleep(delayMs);
      return { token: `token-${issued}`, expiresIn: typeof expiresIn === 'number' ? expiresIn : expiresIn(issued) };
    },
  };
}

describe('tokenCacheMs', () => {
  it('keeps a token until the refresh margin before expiry, or half its life when it is short', () => {
    expect(tokenCacheMs(TOKEN_TTL_SECONDS)).toBe((TOKEN_TTL_SECONDS - TOKEN_REFRESH_MARGIN_SECONDS) * 1000);
    expect(tokenCacheMs(2)).toBe(1000);
  });
});

describe('AccessTokenProvider in memory', () => {
  it('single-flights concurrent callers and caches', async () => {
    const src = issuer();
    const provider = new AccessTokenProvider({ appKey: 'app', fetchToken: src.fetch });
    const tokens = await Promise.all(Array.from({ length: 20 }, () => provider.getToken()));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(await provider.getToken()).toBe('token-1');
    expect(src.count).toBe(1);
  });

  it('refetches after expiry and after invalidate, ignoring stale invalidations', async () => {
    // Only token-1 is short-lived, so token-2 stays cached however slow the machine is.
    const src = issuer((n) => (n === 1 ? 0.2 : TOKEN_TTL_SECONDS), 1);
    const provider = new AccessTokenProvider({ appKey: 'app', fetchToken: src.fetch });
    expect(await provider.getToken()).toBe('token-1');
    await sleep(150);
    expect(await provider.getToken()).toBe('token-2');
    await provider.invalidate('token-1'); // stale: must not drop token-2
    expect(await provider.getToken()).toBe('token-2');
    await provider.invalidate('token-2');
    expect(await provider.getToken()).toBe('token-3');
  });

  it('lets a failed refresh fail its waiters and the next call try again', async () => {
    let calls = 0;
    const provider = new AccessTokenProvider({
      appKey: 'app',
      fetchToken: async () => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
        return { token: 'ok', expiresIn: TOKEN_TTL_SECONDS };
      },
    });
    await expect(Promise.all([provider.getToken(), provider.getToken()])).rejects.toThrow('boom');
    expect(await provider.getToken()).toBe('ok');
    expect(calls).toBe(2);
  });
});

describe('AccessTokenProvider with Redis', () => {
  const prefix = `test:${randomUUID()}:`;
  const redisA = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: false });
  const redisB = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: false });

  afterAll(async () => {
    const keys = await redisA.keys(`${prefix}*`);
    if (keys.length > 0) await redisA.del(...keys);
    await Promise.all([redisA.quit(), redisB.quit()]);
  });

  it('shares one token between "processes" (separate connections) and fetches it once', async () => {
    const src = issuer(TOKEN_TTL_SECONDS, 100);
    const appKey = `app-${randomUUID()}`;
    const a = new AccessTokenProvider({ appKey, fetchToken: src.fetch, redis: redisA, keyPrefix: prefix });
    const b = new AccessTokenProvider({ appKey, fetchToken: src.fetch, redis: redisB, keyPrefix: prefix });
    const tokens = await Promise.all([...Array.from({ length: 10 }, () => a.getToken()), ...Array.from({ length: 10 }, () => b.getToken())]);
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(src.count).toBe(1);
    expect(a.redisKey).toBe(`${prefix}dingtalk:token:${appKey}`);
    expect(await redisA.get(a.redisKey)).toBe('token-1');
    const ttl = await redisA.pttl(a.redisKey);
    expect(ttl).toBeGreaterThan((TOKEN_TTL_SECONDS - TOKEN_REFRESH_MARGIN_SECONDS - 5) * 1000);
    expect(ttl).toBeLessThanOrEqual((TOKEN_TTL_SECONDS - TOKEN_REFRESH_MARGIN_SECONDS) * 1000);
    expect(await redisA.exists(`${a.redisKey}:lock`)).toBe(0);
  });

  it('invalidates across processes with compare-and-delete', async () => {
    const src = issuer(TOKEN_TTL_SECONDS, 5);
    const appKey = `app-${randomUUID()}`;
    const a = new AccessTokenProvider({ appKey, fetchToken: src.fetch, redis: redisA, keyPrefix: prefix });
    const b = new AccessTokenProvider({ appKey, fetchToken: src.fetch, redis: redisB, keyPrefix: prefix });
    expect(await a.getToken()).toBe('token-1');
    await b.invalidate('token-1');
    expect(await a.getToken()).toBe('token-2');
    await b.invalidate('token-1'); // stale
    expect(await b.getToken()).toBe('token-2');
    expect(src.count).toBe(2);
  });

  it('waits for a lock holder in another process instead of fetching too', async () => {
    const src = issuer(TOKEN_TTL_SECONDS, 5);
    const appKey = `app-${randomUUID()}`;
    const b = new AccessTokenProvider({ appKey, fetchToken: src.fetch, redis: redisB, keyPrefix: prefix, pollMs: 20 });
    // Another process holds the refresh lock and publishes its token 200 ms later.
    await redisA.set(`${b.redisKey}:lock`, 'other-process', 'PX', 5000);
    setTimeout(() => void redisA.set(b.redisKey, 'from-other', 'PX', 60_000), 200);
    expect(await b.getToken()).toBe('from-other');
    expect(src.count).toBe(0);
  });
});

describe('AccessTokenProvider while Redis is down', () => {
  // A fail-fast client (as the web process has) on a port where nothing listens: every command fails at once.
  const down = new Redis({ host: '127.0.0.1', port: 1, enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true, retryStrategy: () => null });
  down.on('error', () => undefined);
  afterAll(() => down.disconnect());

  it('keeps its own token in memory, so sign-in and syncs do not need Redis', async () => {
    const src = issuer(TOKEN_TTL_SECONDS, 5);
    const provider = new AccessTokenProvider({ appKey: `app-${randomUUID()}`, fetchToken: src.fetch, redis: down, keyPrefix: 'test:' });
    await expect(down.get('anything')).rejects.toThrow(/enableOfflineQueue/);
    expect(await provider.getToken()).toBe('token-1');
    expect(await provider.getToken()).toBe('token-1');
    expect(src.count).toBe(1);
    await provider.invalidate('token-1');
    expect(await provider.getToken()).toBe('token-2');
  });

  it('still reports DingTalk failures as they are', async () => {
    const provider = new AccessTokenProvider({
      appKey: `app-${randomUUID()}`,
      redis: down,
      fetchToken: () => Promise.reject(new Error('DingTalk said no')),
    });
    await expect(provider.getToken()).rejects.toThrow('DingTalk said no');
  });
});
