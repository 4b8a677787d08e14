import { RateLimiter } from './rateLimiter';

/** Largest number of grants inside any rolling window of `windowMs` starting at a grant. */
function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const start = sorted[i] ?? 0;
    let n = 0;
    for (let j = i; j < sorted.length && (sorted[j] ?? 0) < start + windowMs; j += 1) n += 1;
    best = Math.max(best, n);
  }
  return best;
}

async function takeAll(limiter: RateLimiter, api: string, n: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: n }, () =>
      limiter.take(api).then(() => {
        times.push(performance.now());
      }),
    ),
  );
  return times;
}

describe('RateLimiter', () => {
  it('never lets more than N calls of one API into any rolling second, even when all arrive at once', async () => {
    const limiter = new RateLimiter({ callsPerSecond: 20 });
    const start = performance.now();
    const times = await takeAll(limiter, '/topapi/v2/user/get', 45);
    const elapsed = performance.now() - start;
    expect(maxInAnyWindow(times, 1000)).toBeLessThanOrEqual(20);
    // 45 calls at 20/s: the 45th cannot go before ~2.2 s.
    expect(elapsed).toBeGreaterThanOrEqual(2100);
    // Calendar seconds (how a server bucketing by second counts) also stay within N.
    const perSecond = new Map<number, number>();
    for (const t of times) perSecond.set(Math.floor((t - start) / 1000), (perSecond.get(Math.floor((t - start) / 1000)) ?? 0) + 1);
    for (const n of perSecond.values()) expect(n).toBeLessThanOrEqual(20);
  });

  it('spreads calls evenly instead of bursting at the start of a window', async () => {
    const limiter = new RateLimiter({ callsPerSecond: 10 });
    const times = await takeAll(limiter, '/a', 6);
    const sorted = times.sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i += 1) expect((sorted[i] ?? 0) - (sorted[i - 1] ?? 0)).toBeGreaterThanOrEqual(95);
  });

  it('keeps APIs independent', async () => {
    const limiter = new RateLimiter({ callsPerSecond: 5 });
    let busyGranted = 0;
    const busy = Promise.all(Array.from({ length: 8 }, () => limiter.take('/busy').then(() => (busyGranted += 1))));
    await limiter.take('/other');
    // 8 calls at 5/s take 1.4 s; a shared lane would have made /other wait behind all of them.
    expect(busyGranted).toBeLessThan(8);
    await busy;
    expect(busyGranted).toBe(8);
  });

  it('honours per-API overrides and rejects nonsense rates', async () => {
    const limiter = new RateLimiter({ callsPerSecond: 50, perApi: { '/slow': 4 } });
    expect(limiter.rateFor('/slow')).toBe(4);
    expect(limiter.rateFor('/fast')).toBe(50);
    const t0 = performance.now();
    await takeAll(limiter, '/slow', 3);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(490);
    expect(() => new RateLimiter({ callsPerSecond: 0 })).toThrow(RangeError);
  });
});
