import { setTimeout as sleep } from 'node:timers/promises';
import { logger } from '../logger';
import { CallStats } from './callStats';
import { isCountedAnswer, tallyAnswered } from './callScope';
import { DingTalkError } from './errors';
import { fullJitterDelay } from './fullJitterDelay';
import type { RateLimiter } from './rateLimiter';

/** Where a call gets the app access token, and how it reports one DingTalk rejected. */
export interface TokenSource {
  getToken(): Promise<string>;
  invalidate(token: string): Promise<void>;
}

export interface ApiCallerOptions {
  limiter: RateLimiter;
  stats?: CallStats;
  /** Total attempts per call for retryable errors (the token-refresh retry is extra). Default 5. */
  maxAttempts?: number;
  /** Backoff base; attempt n waits up to base * 2^(n-1). Default 500 ms (tests use a few ms). */
  baseDelayMs?: number;
  /** Backoff cap. Default 8000 ms. */
  maxDelayMs?: number;
}

/** Per-call options. */
export interface CallOptions {
  /** Default true. False: never repeat a request whose outcome is unknown (timeouts, dropped connections, 5xx). */
  retryAmbiguous?: boolean;
}

/** True when a failed request may still have been carried out by DingTalk (no DingTalk errcode came back). */
export function isAmbiguous(err: DingTalkError): boolean {
  return typeof err.code === 'string';
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_BASE_DELAY_MS = 500;
export const DEFAULT_MAX_DELAY_MS = 8000;

/**
 * The one path every DingTalk request takes: rate limiter -> token -> request -> error mapping -> retry.
 * The request function must throw DingTalkError for DingTalk/transport failures; anything else is a bug and
 * propagates untouched.
 */
export class ApiCaller {
  readonly stats: CallStats;
  private readonly limiter: RateLimiter;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(options: ApiCallerOptions) {
    this.limiter = options.limiter;
    this.stats = options.stats ?? new CallStats();
    this.maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    this.baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
    this.maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  }

  /** Run a request that needs no access token (token endpoints themselves). */
  callAnonymous<T>(api: string, request: () => Promise<T>): Promise<T> {
    return this.run(api, undefined, () => request());
  }

  /**
   * Run a request with the app access token; an invalid-token answer drops the token and retries once.
   * `retryAmbiguous: false` is for calls that must not be repeated blindly (sending a message): a timeout or a
   * dropped connection may have reached DingTalk, so those are thrown at once for the caller to reconcile.
   */
  callWithToken<T>(api: string, tokens: TokenSource, request: (token: string) => Promise<T>, opts: CallOptions = {}): Promise<T> {
    return this.run(api, tokens, (token) => request(token ?? ''), opts);
  }

  private async run<T>(api: string, tokens: TokenSource | undefined, request: (token: string | undefined) => Promise<T>, opts: CallOptions = {}): Promise<T> {
    let attempt = 1;
    let tokenRefreshed = false;
    for (;;) {
      await this.limiter.take(api);
      // A failure to get a token was already retried on its own path; do not multiply attempts here.
      const token = tokens ? await tokens.getToken() : undefined;
      this.stats.recordCall(api);
      try {
        const answer = await request(token);
        tallyAnswered(api);
        return answer;
      } catch (err) {
        if (!(err instanceof DingTalkError)) throw err;
        if (isCountedAnswer(err.code)) tallyAnswered(api);
        if (err.invalidToken && tokens && token !== undefined && !tokenRefreshed) {
          tokenRefreshed = true;
          this.stats.recordRetry();
          logger.info({ api, code: err.code }, 'dingtalk token rejected; refreshing and retrying once');
          await tokens.invalidate(token);
          continue;
        }
        if (!err.retryable || attempt >= this.maxAttempts) throw err;
        if (opts.retryAmbiguous === false && isAmbiguous(err)) throw err;
        const delayMs = fullJitterDelay(attempt, this.baseDelayMs, this.maxDelayMs);
        this.stats.recordRetry();
        logger.debug({ api, code: err.code, httpStatus: err.httpStatus, attempt, delayMs }, 'dingtalk call failed; backing off');
        await sleep(delayMs);
        attempt += 1;
      }
    }
  }
}
