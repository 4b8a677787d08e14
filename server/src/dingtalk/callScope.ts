import { AsyncLocalStorage } from 'node:async_hooks';
import { isMeteredApi } from './wireFacts';

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

/** Count one request to `api` in the current scope, if any (called for every request actually sent). */
export function tallyCall(api: string): void {
  const tally = scopes.getStore();
  if (!tally) return;
  tally.calls += 1;
  if (isMeteredApi(api)) tally.metered += 1;
}
