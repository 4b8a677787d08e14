import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_CALLS_PER_SECOND } from './wireFacts';

export interface RateLimiterOptions {
  /** Calls per second allowed for each API path. Default DEFAULT_CALLS_PER_SECOND. */
  callsPerSecond?: number;
  /** Per-API overrides, keyed by API path (e.g. a slower tier for one endpoint). */
  perApi?: Readonly<Record<string, number>>;
  /**
   * Extra milliseconds added to the one-second window. DingTalk counts arrivals, and timers fire a little late or
   * requests take a little longer, so a small cushion keeps two windows' worth of calls from meeting in one second.
   */
  safetyMs?: number;
}

interface ApiLane {
  /** Serialises takers of one API so grants happen in arrival order. */
  tail: Promise<void>;
  /** Grant times (ms) of the most recent calls, at most `rate` of them, oldest first. */
  granted: number[];
}

const WINDOW_MS = 1000;

/**
 * Per-API limiter. Calls of one API are spaced by 1000/N ms and, as a hard guard, never more than N grants fall in
 * any rolling (1000 + safetyMs) ms window. Grant times are taken after waking, so late timers cannot bunch calls.
 * Different APIs have separate lanes and never wait for each other.
 */
export class RateLimiter {
  private readonly defaultRate: number;
  private readonly perApi: Readonly<Record<string, number>>;
  private readonly safetyMs: number;
  private readonly lanes = new Map<string, ApiLane>();

  constructor(options: RateLimiterOptions = {}) {
    this.defaultRate = options.callsPerSecond ?? DEFAULT_CALLS_PER_SECOND;
    this.perApi = options.perApi ?? {};
    this.safetyMs = options.safetyMs ?? 15;
    for (const rate of [this.defaultRate, ...Object.values(this.perApi)]) {
      if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`callsPerSecond must be a positive number, got ${rate}`);
    }
  }

  /** The configured calls-per-second for an API path. */
  rateFor(apiPath: string): number {
    return this.perApi[apiPath] ?? this.defaultRate;
  }

  /** Wait until one more call of `apiPath` may be sent. */
  take(apiPath: string): Promise<void> {
    let lane = this.lanes.get(apiPath);
    if (!lane) {
      lane = { tail: Promise.resolve(), granted: [] };
      this.lanes.set(apiPath, lane);
    }
    const current = lane;
    const grant = current.tail.then(() => this.waitForSlot(current, this.rateFor(apiPath)));
    current.tail = grant;
    return grant;
  }

  private async waitForSlot(lane: ApiLane, rate: number): Promise<void> {
    const maxInWindow = Math.max(1, Math.floor(rate));
    const spacingMs = WINDOW_MS / rate;
    for (;;) {
      const now = performance.now();
      const last = lane.granted[lane.granted.length - 1];
      const spacingWait = last === undefined ? 0 : last + spacingMs - now;
      const oldest = lane.granted.length >= maxInWindow ? lane.granted[lane.granted.length - maxInWindow] : undefined;
      const windowWait = oldest === undefined ? 0 : oldest + WINDOW_MS + this.safetyMs - now;
      const wait = Math.max(spacingWait, windowWait);
      if (wait <= 0) {
        lane.granted.push(now);
        if (lane.granted.length > maxInWindow) lane.granted.splice(0, lane.granted.length - maxInWindow);
        return;
      }
      await sleep(Math.ceil(wait));
    }
  }
}
