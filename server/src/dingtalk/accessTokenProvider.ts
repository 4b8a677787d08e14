import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { TokenSource } from './apiCaller';
import { TOKEN_REFRESH_MARGIN_SECONDS } from './wireFacts';
import { dependencyDownOf } from '../dependencyDown';

/** A token as DingTalk handed it out. */
export interface FetchedToken {
  token: string;
  /** Lifetime DingTalk announced, seconds. */
  expiresIn: number;
}

export interface AccessTokenProviderOptions {
  appKey: string;
  /** Fetches a fresh token from DingTalk (already rate-limited and retried). */
  fetchToken: () => Promise<FetchedToken>;
  /** When given, the token is shared by every process using the same Redis and key prefix. */
  redis?: Redis;
  /** Redis key prefix; tests use a unique one. Default `liucai:`. */
  keyPrefix?: string;
  /** What is cached, for the key `<prefix>dingtalk:<kind>:<appKey>`. Default `token`; the jsapi ticket reuses this. */
  kind?: string;
  /** How long a cross-process refresh lock lives if its holder dies. Default 15 s. */
  lockTtlMs?: number;
  /** How often processes waiting on another's refresh look for the new token. Default 50 ms. */
  pollMs?: number;
}

/** Compare-and-delete so a stale invalidation (or an expired lock holder) cannot remove someone else's value. */
const DELETE_IF_EQUAL = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/** Milliseconds to keep a token: refresh margin before expiry, or half the life if it is shorter than the margin. */
export function tokenCacheMs(expiresIn: number): number {
  const seconds = expiresIn > TOKEN_REFRESH_MARGIN_SECONDS * 2 ? expiresIn - TOKEN_REFRESH_MARGIN_SECONDS : expiresIn / 2;
  return Math.max(1, Math.floor(seconds * 1000));
}

/**
 * The app access token (or another app-wide credential such as the jsapi ticket): cached until shortly before expiry, refreshed by one caller at a time (per process, and
 * across processes through a short Redis `SET NX PX` lock), and dropped when DingTalk rejects it.
 */
export class AccessTokenProvider implements TokenSource {
  private readonly fetchToken: () => Promise<FetchedToken>;
  private readonly redis: Redis | undefined;
  private readonly key: string;
  private readonly lockKey: string;
  private readonly lockTtlMs: number;
  private readonly pollMs: number;
  private memory: { token: string; expiresAt: number } | undefined;
  private inFlight: Promise<string> | undefined;

  constructor(options: AccessTokenProviderOptions) {
    this.fetchToken = options.fetchToken;
    this.redis = options.redis;
    this.key = `${options.keyPrefix ?? 'liucai:'}dingtalk:${options.kind ?? 'token'}:${options.appKey}`;
    this.lockKey = `${this.key}:lock`;
    this.lockTtlMs = options.lockTtlMs ?? 15_000;
    this.pollMs = options.pollMs ?? 50;
  }

  /** The Redis key holding the shared token (for tests and operations). */
  get redisKey(): string {
    return this.key;
  }

  /** A valid token, from cache when possible; concurrent callers share one refresh. */
  async getToken(): Promise<string> {
    const cached = await this.readCache();
    if (cached !== undefined) return cached;
    if (!this.inFlight) {
      const redis = this.redis;
      const refresh = redis
        ? this.refreshShared(redis).catch((err: unknown) => this.withoutRedis(err, () => this.memoryOr(() => this.refreshLocal())))
        : this.refreshLocal();
      this.inFlight = refresh.finally(() => {
        this.inFlight = undefined;
      });
    }
    return this.inFlight;
  }

  /** Forget `token` (DingTalk rejected it), unless it was already replaced by a newer one. */
  async invalidate(token: string): Promise<void> {
    if (this.memory?.token === token) this.memory = undefined;
    if (this.redis) await this.redis.eval(DELETE_IF_EQUAL, 1, this.key, token).catch((err: unknown) => this.withoutRedis(err, () => undefined));
  }

  private async readCache(): Promise<string | undefined> {
    if (this.redis) {
      try {
        // Redis is the shared truth while it answers (another process may have invalidated the token).
        return (await this.redis.get(this.key)) ?? undefined;
      } catch (err) {
        await this.withoutRedis(err, () => undefined);
      }
    }
    return this.memoryOr(() => undefined);
  }

  /** This process's own copy while it is fresh, else `otherwise()`. */
  private memoryOr<T>(otherwise: () => T): string | T {
    if (this.memory && this.memory.expiresAt > Date.now()) return this.memory.token;
    return otherwise();
  }

  /**
   * Redis is down (a fail-fast client rejects at once): carry on with this process's own cache, so signing in and
   * syncing do not depend on Redis. Any other error is rethrown.
   */
  private async withoutRedis<T>(err: unknown, fallback: () => T | Promise<T>): Promise<T> {
    if (dependencyDownOf(err) !== 'redis') throw err;
    return fallback();
  }

  private async refreshLocal(): Promise<string> {
    const fetched = await this.fetchToken();
    this.memory = { token: fetched.token, expiresAt: Date.now() + tokenCacheMs(fetched.expiresIn) };
    return fetched.token;
  }

  private async refreshShared(redis: Redis): Promise<string> {
    for (;;) {
      const cached = await redis.get(this.key);
      if (cached !== null) return cached;
      const lockId = randomUUID();
      if ((await redis.set(this.lockKey, lockId, 'PX', this.lockTtlMs, 'NX')) === 'OK') {
        try {
          // Another process may have stored a token between our read and taking the lock.
          const again = await redis.get(this.key);
          if (again !== null) return again;
          const fetched = await this.fetchToken();
          this.memory = { token: fetched.token, expiresAt: Date.now() + tokenCacheMs(fetched.expiresIn) };
          await redis.set(this.key, fetched.token, 'PX', tokenCacheMs(fetched.expiresIn));
          return fetched.token;
        } finally {
          await redis.eval(DELETE_IF_EQUAL, 1, this.lockKey, lockId);
        }
      }
      // Someone else is fetching: poll for their token. If they fail, the lock goes and we try ourselves.
      await sleep(this.pollMs);
    }
  }
}
