/**
 * Exponential backoff with full jitter: a uniform random delay in [0, min(cap, base * 2^(attempt-1))).
 * Full jitter spreads retries of many throttled callers instead of having them return in lockstep.
 */
export function fullJitterDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
