import { tallySent } from './callScope';

/** Snapshot of what a client actually sent to DingTalk. */
export interface CallStatsSnapshot {
  /** Requests sent (every attempt, including retries and token fetches). */
  calls: number;
  /** Requests sent, per API path. */
  byApi: Record<string, number>;
  /** Attempts that were repeats of an earlier failed attempt (backoff retries and token-refresh retries). */
  retries: number;
}

/** Counters for calls sent to DingTalk, for progress reports and benchmarks. */
export class CallStats {
  private calls = 0;
  private retries = 0;
  private byApi = new Map<string, number>();

  /** Count one request about to be sent (and in the caller's call tally, if it keeps one: callScope.ts). */
  recordCall(api: string): void {
    this.calls += 1;
    tallySent();
    this.byApi.set(api, (this.byApi.get(api) ?? 0) + 1);
  }

  /** Count one retry decision. */
  recordRetry(): void {
    this.retries += 1;
  }

  /** Copy of the current counters. */
  snapshot(): CallStatsSnapshot {
    return { calls: this.calls, byApi: Object.fromEntries(this.byApi), retries: this.retries };
  }

  /** Zero all counters. */
  reset(): void {
    this.calls = 0;
    this.retries = 0;
    this.byApi = new Map();
  }
}
