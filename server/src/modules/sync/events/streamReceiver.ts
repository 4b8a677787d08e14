/**
 * Receives DingTalk events in Stream mode (doc 7.1): keeps one Stream connection open while the web process runs,
 * reconnecting with backoff, and hands every EVENT frame to the same intake the HTTP callback uses
 * (recorded once by eventId, then a targeted re-sync).
 */
import type { Config } from '../../../config';
import type { DWClientDownStream } from 'dingtalk-stream';
import type { DataSource } from 'typeorm';
import { takeInEvent } from '../commands/dingtalkEventIntake';
import { StreamClient } from '../../../dingtalk/streamClient';
import type { JobQueue } from '../../../jobs/jobTypes';
import type { Logger } from '../../../logger';

/** off: not started or closed; connecting: between connections; connected: a socket is open. */
export type StreamState = 'off' | 'connecting' | 'connected';

/** What /readyz shows about the Stream connection. */
export interface StreamReceiverStatus {
  state: StreamState;
  /** Since when the state holds (ISO time). */
  since: string;
  /** Successful connections since start. */
  connections: number;
  /** Why the last attempt failed, when it did (never a secret). */
  lastError?: string;
}

/** Where events go: read at each event, so the intake always sees the current database and queue. */
export interface StreamIntakeDeps {
  ds: DataSource;
  jobs: JobQueue;
  log: Logger;
  corpId: string;
  /** The leave form's process code: its approval events re-read that instance. */
  config: Pick<Config, 'leaveProcessCode'>;
}

/** Connection settings; the intervals have production defaults and are shortened in tests. */
export interface StreamReceiverOptions {
  clientId: string;
  clientSecret: string;
  v1BaseUrl: string;
  timeoutMs: number;
  /** Default 10 s. */
  pingIntervalMs?: number;
  /** First reconnect delay, doubled per failed attempt up to maxBackoffMs. Default 1 s. */
  initialBackoffMs?: number;
  /** Default 60 s. */
  maxBackoffMs?: number;
}

/** A connection that lasted this long counts as healthy: the next failure starts the backoff afresh. */
const HEALTHY_CONNECTION_MS = 10_000;

/** Take one Stream EVENT frame in (exported for the receiver and its tests). */
export async function takeInStreamFrame(deps: StreamIntakeDeps, frame: DWClientDownStream): Promise<void> {
  const { eventType, eventId, eventCorpId } = frame.headers;
  if (eventCorpId && eventCorpId !== deps.corpId) {
    deps.log.warn({ eventType, eventId, eventCorpId }, 'stream event for another corp ignored');
    return;
  }
  let data: unknown;
  try {
    data = JSON.parse(frame.data);
  } catch {
    data = undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    // Delivering it again cannot make it readable: acknowledge and say so.
    deps.log.warn({ eventType, eventId }, 'stream event data is not a JSON object; ignored');
    return;
  }
  const outcome = await takeInEvent(deps, deps.corpId, 'stream', { eventType, ...(data as Record<string, unknown>) }, eventId);
  deps.log.info({ eventType, eventId, outcome }, 'dingtalk stream event');
}

/** The Stream mode receiver of one process. */
export class StreamReceiver {
  private readonly client: StreamClient;
  private current: StreamReceiverStatus = { state: 'off', since: new Date().toISOString(), connections: 0 };
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly deps: StreamIntakeDeps,
    private readonly opts: StreamReceiverOptions,
  ) {
    this.client = new StreamClient({
      clientId: opts.clientId,
      clientSecret: opts.clientSecret,
      v1BaseUrl: opts.v1BaseUrl,
      timeoutMs: opts.timeoutMs,
      pingIntervalMs: opts.pingIntervalMs ?? 10_000,
      onEvent: (frame) => takeInStreamFrame(this.deps, frame),
      onEventFailed: (err, frame) =>
        this.deps.log.warn({ err, eventType: frame.headers.eventType, eventId: frame.headers.eventId }, 'stream event intake failed; answered LATER'),
    });
  }

  /** Connect, and keep connecting until close(). Returns at once. */
  start(): void {
    if (this.running || this.stopping) return;
    this.running = this.loop().catch((err: unknown) => this.deps.log.error({ err }, 'stream receiver stopped unexpectedly'));
  }

  /** The connection's state for /readyz. */
  status(): StreamReceiverStatus {
    return { ...this.current };
  }

  /** Stop reconnecting and close the connection after events in flight are taken in. */
  async close(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.client.shutdown();
    await this.running;
    this.set('off');
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      this.set('connecting');
      try {
        const { closed } = await this.client.open();
        if (this.stopping) {
          await this.client.shutdown();
          break;
        }
        const openedAt = Date.now();
        this.current.connections++;
        this.set('connected', undefined);
        this.deps.log.info({ connections: this.current.connections }, 'dingtalk stream connected');
        const reason = await closed;
        if (this.stopping) break;
        this.deps.log.warn({ reason }, 'dingtalk stream connection closed; reconnecting');
        failures = Date.now() - openedAt >= HEALTHY_CONNECTION_MS || reason === 'disconnect-requested' ? 0 : failures + 1;
        if (reason === 'disconnect-requested') continue; // DingTalk asked us to move: no wait
      } catch (err) {
        failures++;
        const message = err instanceof Error ? err.message : String(err);
        this.set('connecting', message);
        this.deps.log.error({ err: { name: err instanceof Error ? err.name : 'Error', message }, failures }, 'dingtalk stream connect failed');
      }
      if (this.stopping) break;
      await this.sleep(this.backoff(failures));
    }
  }

  private backoff(failures: number): number {
    const initial = this.opts.initialBackoffMs ?? 1000;
    const max = this.opts.maxBackoffMs ?? 60_000;
    return Math.min(max, initial * 2 ** Math.max(0, failures - 1));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private set(state: StreamState, lastError?: string | null): void {
    if (state !== this.current.state) this.current.since = new Date().toISOString();
    this.current.state = state;
    if (lastError === null || state === 'connected') delete this.current.lastError;
    else if (lastError !== undefined) this.current.lastError = lastError;
  }
}
