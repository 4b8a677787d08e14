import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger';
import { CronExpressionParser } from 'cron-parser';
import { SCHEDULE_TIME_ZONE, type JobName, type JobPayloads, type JobQueue } from './jobTypes';

/** What the web process tells the job thread where to find (no secrets: the thread reads its own configuration). */
export interface JobThreadData {
  sandboxUrl: string | null;
  /** The demo's users (sandbox mode): its first start imports the training export as the demo admin. */
  demoUsers: { admin: string; hr: string; supervisor: string; employee: string } | null;
}

/** Messages to the job thread. */
export type JobThreadRequest =
  | { type: 'enqueue'; name: JobName; payload: JobPayloads[JobName]; jobId: string }
  | { type: 'schedule'; schedulerId: string; cron: string; name: JobName; payload: JobPayloads[JobName] }
  | { type: 'idle'; id: number }
  | { type: 'close' };

type Reply = { type: 'ready' } | { type: 'failed'; message: string } | { type: 'idle'; id: number } | { type: 'closed' };

/**
 * The embedded mode's jobs on a worker thread (`jobThread.js`): the in-process runner's behaviour (attempts,
 * backoff, deduplication by job id, cron schedules in Asia/Shanghai) with its own event loop and database
 * connection. The web thread only posts triggers; the database stays the source of truth. Needs the built
 * JavaScript; tests that build their own world keep `InProcessJobQueue` on their thread.
 */
export class ThreadJobQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private exited = false;
  private nextIdle = 1;
  private readonly waiting = new Map<number, () => void>();

  private constructor(
    private readonly worker: Worker,
    private readonly log: Logger,
  ) {
    worker.on('message', (m: Reply) => {
      if (m.type === 'idle') this.waiting.get(m.id)?.();
    });
    worker.on('error', (err) => log.error({ err }, 'job thread failed'));
    worker.on('exit', () => {
      this.exited = true;
      for (const done of this.waiting.values()) done();
    });
  }

  /** Start the thread and wait until its database connection and handlers are ready. */
  static start(data: JobThreadData, log: Logger): Promise<ThreadJobQueue> {
    const worker = new Worker(path.join(__dirname, 'jobThread.js'), { workerData: data });
    return new Promise((resolve, reject) => {
      worker.once('error', reject);
      const onMessage = (m: Reply) => {
        if (m.type === 'failed') reject(new Error(`job thread: ${m.message}`));
        if (m.type !== 'ready') return;
        worker.off('error', reject);
        worker.off('message', onMessage);
        resolve(new ThreadJobQueue(worker, log));
      };
      worker.on('message', onMessage);
    });
  }

  private post(m: JobThreadRequest): void {
    if (this.exited) throw new Error('job queue is closed');
    this.worker.postMessage(m);
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: { jobId: string }): Promise<void> {
    this.post({ type: 'enqueue', name, payload, jobId: opts.jobId });
  }

  async schedule<N extends JobName>(schedulerId: string, cron: string, name: N, payload: JobPayloads[N]): Promise<void> {
    CronExpressionParser.parse(cron, { tz: SCHEDULE_TIME_ZONE }); // a bad pattern throws here, as in-process
    this.post({ type: 'schedule', schedulerId, cron, name, payload });
  }

  /** Resolves when every job enqueued so far has finished. */
  idle(): Promise<void> {
    if (this.exited) return Promise.resolve();
    const id = this.nextIdle++;
    return new Promise((resolve) => {
      this.waiting.set(id, () => {
        this.waiting.delete(id);
        resolve();
      });
      this.post({ type: 'idle', id });
    });
  }

  /** Let running jobs finish (as the in-process runner does), close the thread's database, stop the thread. */
  async close(): Promise<void> {
    if (this.exited) return;
    await new Promise<void>((resolve) => {
      this.worker.on('message', (m: Reply) => m.type === 'closed' && resolve());
      this.worker.once('exit', () => resolve());
      this.post({ type: 'close' });
    });
    await this.worker.terminate().catch((err: unknown) => this.log.warn({ err }, 'stopping the job thread'));
  }
}
