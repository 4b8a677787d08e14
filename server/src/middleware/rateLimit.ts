import { zh } from '@liucai/shared';
import type { Context, Middleware } from 'koa';
import { AppError } from '../errors';
import type { AppState } from '../appTypes';

const WINDOW_MS = 60_000;
/** Past this many keys, expired windows are swept (keeps memory bounded under many client addresses). */
const SWEEP_FROM = 10_000;

/**
 * Counts per key in fixed one-minute windows, in this process's memory. Deliberately not in Redis: a limiter must
 * answer at once even while Redis is down, and with several web processes the limit simply applies per process.
 */
export class MinuteCounter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(readonly limit: number) {}

  /** Milliseconds until `key` may try again, or 0 when it is under the limit. */
  retryAfterMs(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    if (!w || now - w.start >= WINDOW_MS || w.count < this.limit) return 0;
    return w.start + WINDOW_MS - now;
  }

  /** Count one for `key`. */
  add(key: string, now = Date.now()): void {
    const w = this.windows.get(key);
    if (w && now - w.start < WINDOW_MS) w.count++;
    else {
      if (this.windows.size >= SWEEP_FROM) for (const [k, v] of this.windows) if (now - v.start >= WINDOW_MS) this.windows.delete(k);
      this.windows.set(key, { start: now, count: 1 });
    }
  }
}

/** 429 in the envelope, saying what was limited and when to try again (also as Retry-After). */
export function tooManyRequests(ctx: Context, what: string, limit: number, retryAfterMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  ctx.set('Retry-After', String(seconds));
  return new AppError('rate_limited', zh`操作太频繁：${what}每分钟最多 ${limit} 次，请 ${seconds} 秒后再试`, 429, { retryAfterSeconds: seconds, limit });
}

export interface RateLimitOptions {
  /** What is limited, in the message: “登录”, “立即同步”, “导入”. */
  what: string;
  limit: number;
  /** Whose budget a request spends; null lets it through uncounted. */
  key: (ctx: Context & { state: AppState }) => string | null;
  /** Count only requests that end in an error (e.g. failed sign-ins), not every request. */
  failuresOnly?: boolean;
}

/** Refuse a key's requests past `limit` a minute with a Chinese 429. */
export function rateLimit(opts: RateLimitOptions): Middleware<AppState> {
  const counter = new MinuteCounter(opts.limit);
  return async (ctx, next) => {
    const key = opts.key(ctx);
    if (key === null) return next();
    const wait = counter.retryAfterMs(key);
    if (wait > 0) throw tooManyRequests(ctx, opts.what, opts.limit, wait);
    if (!opts.failuresOnly) {
      counter.add(key);
      return next();
    }
    try {
      await next();
    } catch (err) {
      counter.add(key);
      throw err;
    }
    if (ctx.status >= 400) counter.add(key);
  };
}

/** Key: the client's address (behind a trusted proxy, the forwarded one). */
export const byClientAddress = (ctx: Context): string => ctx.ip;
/** Key: the signed-in person. */
export const bySignedInUser = (ctx: Context & { state: AppState }): string | null =>
  ctx.state.actor ? `${ctx.state.actor.corpId}:${ctx.state.actor.userid}` : null;
