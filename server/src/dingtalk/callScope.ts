import { AsyncLocalStorage } from 'node:async_hooks';
import { TransportCode, type DingTalkErrorCode } from './errors';
import { isMeteredApi, LegacyErr, RETRYABLE_LEGACY_CODES, V1_MONTHLY_QUOTA_CODE, V1Err } from './wireFacts';

/** Calls made inside one scope (a sync run, an event's re-read): all of them, and those DingTalk meters. */
export interface CallTally {
  calls: number;
  metered: number;
}

const scopes = new AsyncLocalStorage<CallTally>();

/**
 * Run `fn` counting the DingTalk calls it makes, its own only: syncs that run at the same time share one client,
 * so a difference of the client's global counter would count each other's calls. The tally follows the async
 * work `fn` starts (AsyncLocalStorage), however it is interleaved with other scopes.
 */
export function withCallTally<T>(fn: (tally: Readonly<CallTally>) => Promise<T>): Promise<T> {
  const tally: CallTally = { calls: 0, metered: 0 };
  return scopes.run(tally, () => fn(tally));
}

/** Count one request sent, in the current scope if any (every attempt, whatever its answer). */
export function tallySent(): void {
  const tally = scopes.getStore();
  if (tally) tally.calls += 1;
}

/**
 * Count one answered request against the metered quota, in the current scope if any: only metered APIs, and only
 * answers DingTalk counts (isCountedAnswer: not throttled, not a transport failure, not refused for the quota).
 */
export function tallyAnswered(api: string): void {
  const tally = scopes.getStore();
  if (tally && isMeteredApi(api)) tally.metered += 1;
}

const NOT_COUNTED: ReadonlySet<DingTalkErrorCode> = new Set<DingTalkErrorCode>([
  ...[...RETRYABLE_LEGACY_CODES].filter((c) => c !== LegacyErr.systemBusy),
  LegacyErr.monthlyQuota,
  V1Err.qpsLimit,
  V1Err.tooFrequent,
  V1_MONTHLY_QUOTA_CODE,
  ...Object.values(TransportCode),
]);

/**
 * Whether a failed call still counts against the monthly quota. Doc 8.1: calls rejected by QPS limits and network
 * errors are not counted; that a call refused for the quota itself (90020 / ApiCountLimitForOrg) is not counted
 * either is UNCONFIRMED (DingTalk's message shows the count one past the quota). Any other answer (a parameter or
 * permission error, a busy -1) is counted, which can only over-state the spend.
 */
export function isCountedAnswer(code: DingTalkErrorCode): boolean {
  return !NOT_COUNTED.has(code);
}
