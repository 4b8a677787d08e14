import http from 'node:http';

/** What one endpoint did under load. */
export interface LoadResult {
  requests: number;
  errors: number;
  /** First non-2xx status or error message seen, for the report. */
  firstError: string | null;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanBytes: number;
}

export interface LoadSpec {
  baseUrl: string;
  /** The path of request number i (so a run can walk through many people or departments). */
  path: (i: number) => string;
  cookie: string;
  concurrency: number;
  /** Stop after this long… */
  seconds: number;
  /** …or this many requests, whichever comes first (bounded in count and time). */
  maxRequests: number;
}

/** A request still unanswered after this long counts as an error (the run stays bounded in time). */
const REQUEST_TIMEOUT_MS = 180_000;

/** A percentile of sorted values (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * Closed-loop HTTP load: `concurrency` clients on keep-alive connections, each sending its next GET as soon as the
 * previous answer is read, until the time or the request count runs out. Only loopback addresses are targets.
 */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const url = new URL(spec.baseUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error(`the API bench only loads this machine, not ${url.hostname}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let firstError: string | null = null;
  let issued = 0;
  const t0 = performance.now();
  const deadline = t0 + spec.seconds * 1000;
  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      let settled = false;
      const fail = (why: string) => {
        if (settled) return;
        settled = true;
        errors++;
        firstError ??= `${why} for ${path}`;
        latencies.push(performance.now() - start);
        resolve();
      };
      const req = http.get({ host: url.hostname, port: url.port, path, agent, headers: { cookie: spec.cookie }, timeout: REQUEST_TIMEOUT_MS }, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () => {
          if (settled) return;
          settled = true;
          latencies.push(performance.now() - start);
          bytes += n;
          if ((res.statusCode ?? 0) >= 300) {
            errors++;
            firstError ??= `HTTP ${res.statusCode} for ${path}`;
          }
          resolve();
        });
        // A body cut off (socket reset after the headers) never ends: count it as an error instead of waiting forever.
        res.on('close', () => fail('response cut off'));
        res.on('error', (err) => fail(err.message));
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
      req.on('error', (err) => fail(err.message));
    });
  const client = async () => {
    while (performance.now() < deadline && issued < spec.maxRequests) await one(spec.path(issued++));
  };
  await Promise.all(Array.from({ length: spec.concurrency }, client));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    firstError,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1] ?? 0,
    meanBytes: latencies.length ? bytes / latencies.length : 0,
  };
}
