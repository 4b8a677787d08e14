/**
 * Faults a test or benchmark turns on (throttling, short-lived tokens, random failures, latency) and the call
 * statistics. Failures are drawn from a PRNG seeded by faultSeed and reseeded on every set(), so the n-th call
 * after setting the same faults fails the same way in every run, whatever the sandbox did before.
 */
import { createPrng, type Prng } from './prng';
import { isMeteredApi } from '../wireFacts';

/** Faults applied to the DingTalk endpoints (never to /sandbox/*). */
export interface SandboxFaults {
  /** Per API path per corp: calls above this many per rolling second get throttled. */
  throttleQps?: number;
  /** Tokens issued from now on expire after this many seconds. */
  tokenTtlSeconds?: number;
  /** 0..1 share of non-token calls that fail (below 1, one request fails at most 3 times in a row). */
  failRate?: number;
  /** '5xx': HTTP 502 with a JSON body; 'busy': legacy errcode -1 / v1.0 HTTP 500 systemError. */
  failMode?: '5xx' | 'busy';
  /** Added to every answer. */
  latencyMs?: number;
  /**
   * The organisation's monthly metered quota (doc 8.1): once this many metered calls (exempt 通讯录, token and 免登
   * calls aside) have passed since the faults were set, metered calls are refused with 90020 /
   * ApiCountLimitForOrg until the faults change. Refused calls are not counted.
   */
  monthlyApiQuota?: number;
  /** Metered calls already spent this month when the faults are set (other apps of the organisation, say). */
  monthlyApiUsed?: number;
}

/** Call counters since start or the last reset. */
export interface SandboxStats {
  /** Calls by API path, e.g. '/topapi/v2/user/list'. */
  calls: Record<string, number>;
  total: number;
  throttled: number;
  failed: number;
}

/** What happens to one call. */
export type FaultVerdict =
  { kind: 'pass' } | { kind: 'throttled' } | { kind: 'fail'; mode: '5xx' | 'busy' } | { kind: 'overQuota'; used: number; quota: number };

const WINDOW_MS = 1000;
/** With failRate < 1, the same request fails at most this many times in a row (its next try passes). */
export const MAX_CONSECUTIVE_FAILURES = 3;
/** Bound on remembered failure streaks (requests that failed and were never retried). */
const MAX_TRACKED_STREAKS = 10_000;

/** Check a faults object; returns the problems (empty when valid). */
export function faultProblems(input: unknown): string[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return ['faults must be a JSON object'];
  const known = new Set(['throttleQps', 'tokenTtlSeconds', 'failRate', 'failMode', 'latencyMs', 'monthlyApiQuota', 'monthlyApiUsed']);
  const problems: string[] = [];
  const positive = (key: string, value: unknown, allowZero: boolean): void => {
    if (value === undefined || value === null) return;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
      problems.push(`${key} must be a ${allowZero ? 'non-negative' : 'positive'} number`);
    }
  };
  for (const [key, value] of Object.entries(input)) {
    if (!known.has(key)) problems.push(`unknown fault "${key}"`);
    else if (key === 'failMode') {
      if (value !== undefined && value !== null && value !== '5xx' && value !== 'busy') problems.push(`failMode must be '5xx' or 'busy'`);
    } else if (key === 'failRate') {
      if (value !== undefined && value !== null && (typeof value !== 'number' || !(value >= 0 && value <= 1)))
        problems.push('failRate must be a number from 0 to 1');
    } else positive(key, value, key === 'latencyMs' || key === 'monthlyApiQuota' || key === 'monthlyApiUsed');
  }
  return problems;
}

/** Throttling, failure injection, latency and statistics for one sandbox. */
export class FaultInjector {
  private faults: SandboxFaults = {};
  private prng: Prng;
  private readonly windows = new Map<string, number[]>();
  /** Consecutive injected failures per request, for the MAX_CONSECUTIVE_FAILURES cap. */
  private readonly failStreaks = new Map<string, number>();
  private counters: SandboxStats = { calls: {}, total: 0, throttled: 0, failed: 0 };
  /** Metered calls per corp since the faults were set (for monthlyApiQuota). */
  private readonly metered = new Map<string, number>();

  constructor(
    private readonly faultSeed: number,
    private readonly now: () => number = Date.now,
  ) {
    this.prng = createPrng(faultSeed);
  }

  /** Replace the current faults (throws on invalid values); restarts the failure sequence and throttle windows. */
  set(faults: SandboxFaults): void {
    const problems = faultProblems(faults);
    if (problems.length > 0) throw new Error(`invalid sandbox faults: ${problems.join('; ')}`);
    this.faults = Object.fromEntries(Object.entries(faults).filter(([, v]) => v !== undefined && v !== null));
    this.prng = createPrng(this.faultSeed);
    this.windows.clear();
    this.failStreaks.clear();
    this.metered.clear();
  }

  /** The faults in force. */
  get current(): SandboxFaults {
    return { ...this.faults };
  }

  /** Wait for the configured latency, if any. */
  async delay(): Promise<void> {
    const ms = this.faults.latencyMs ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /**
   * Count one call to `path` by `corpKey` and decide its fate: throttled when the corp already made
   * throttleQps accepted calls to this path within the last second, else failed with probability failRate
   * when `failable`. Throttled calls do not use up the quota, so a client that backs off gets through.
   *
   * With failRate below 1 the same request (`requestKey`: corp, path and body) fails at most
   * MAX_CONSECUTIVE_FAILURES times in a row. DingTalk's -1/5xx are transient, and without the cap one
   * unlucky stretch of the seeded sequence (retries of a lone call draw neighbouring numbers) would fail a
   * client that retries correctly, making every test built on failRate flaky.
   */
  decide(path: string, corpKey: string, failable: boolean, requestKey = ''): FaultVerdict {
    this.counters.total++;
    this.counters.calls[path] = (this.counters.calls[path] ?? 0) + 1;
    const qps = this.faults.throttleQps;
    if (qps !== undefined) {
      const key = `${corpKey}\u0000${path}`;
      const now = this.now();
      const recent = (this.windows.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
      this.windows.set(key, recent);
      if (recent.length >= qps) {
        this.counters.throttled++;
        return { kind: 'throttled' };
      }
      recent.push(now);
    }
    const quota = this.faults.monthlyApiQuota;
    if (quota !== undefined && failable && isMeteredApi(path)) {
      const used = this.metered.get(corpKey) ?? this.faults.monthlyApiUsed ?? 0;
      if (used >= quota) return { kind: 'overQuota', used, quota };
      this.metered.set(corpKey, used + 1);
    }
    const failRate = this.faults.failRate ?? 0;
    if (!failable || failRate <= 0) return { kind: 'pass' };
    const streakKey = `${corpKey}\u0000${path}\u0000${requestKey}`;
    const streak = this.failStreaks.get(streakKey) ?? 0;
    const capped = failRate < 1 && streak >= MAX_CONSECUTIVE_FAILURES;
    if (!capped && this.prng.next() < failRate) {
      if (this.failStreaks.size >= MAX_TRACKED_STREAKS) this.failStreaks.clear();
      this.failStreaks.set(streakKey, streak + 1);
      this.counters.failed++;
      return { kind: 'fail', mode: this.faults.failMode ?? 'busy' };
    }
    this.failStreaks.delete(streakKey);
    return { kind: 'pass' };
  }

  /** A copy of the counters. */
  stats(): SandboxStats {
    return { ...this.counters, calls: { ...this.counters.calls } };
  }

  /** Zero the counters (faults stay). */
  resetStats(): void {
    this.counters = { calls: {}, total: 0, throttled: 0, failed: 0 };
  }
}
