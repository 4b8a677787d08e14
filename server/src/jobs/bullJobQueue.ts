import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from '../logger';
import {
  JOB_ATTEMPTS,
  JOB_BACKOFF_MS,
  SCHEDULE_TIME_ZONE,
  isNotifyJob,
  type JobContext,
  type JobHandlers,
  type JobName,
  type JobPayloads,
  type JobQueue,
} from './jobTypes';

export const QUEUE_NAME = 'liucai';
/** The notification queue: its own worker, so sending never waits behind a sync on the main queue. */
export const NOTIFY_QUEUE_NAME = 'liucai-notify';

/** Default job options: explicit attempts, backoff and retention (BullMQ keeps finished jobs forever otherwise). */
export const DEFAULT_JOB_OPTIONS = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential' as const, delay: JOB_BACKOFF_MS },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** Notification jobs are small and frequent (a tick a minute): keep few of them. */
export const NOTIFY_JOB_OPTIONS = { ...DEFAULT_JOB_OPTIONS, removeOnComplete: { age: 3600, count: 200 }, removeOnFail: { age: 7 * 24 * 3600, count: 1000 } };

/** Producer side: the web process enqueues; a separate worker process (`npm run worker`) consumes. */
export class BullJobQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  readonly queue: Queue;
  readonly notifyQueue: Queue;
  /** Every scheduler this process registered, its queue, and how to register it again (Redis may lose them: see SchedulerWatch). */
  private readonly schedulers = new Map<string, { queue: Queue; register: () => Promise<void> }>();

  constructor(connection: ConnectionOptions, prefix: string) {
    this.queue = new Queue(QUEUE_NAME, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    this.notifyQueue = new Queue(NOTIFY_QUEUE_NAME, { connection, prefix, defaultJobOptions: NOTIFY_JOB_OPTIONS });
    // While Redis is down the connection reports each reconnect attempt; the process's Redis client logs that
    // (throttled, services.ts), and each enqueue fails on its own. Without a listener BullMQ prints every one.
    for (const q of [this.queue, this.notifyQueue]) q.on('error', () => undefined);
  }

  private queueFor(name: JobName): Queue {
    return isNotifyJob(name) ? this.notifyQueue : this.queue;
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: { jobId: string }): Promise<void> {
    // A deterministic jobId makes a second enqueue of the same work a no-op while the job is retained.
    await this.queueFor(name).add(name, payload, { jobId: opts.jobId });
  }

  async schedule<N extends JobName>(schedulerId: string, cron: string, name: N, payload: JobPayloads[N]): Promise<void> {
    const queue = this.queueFor(name);
    this.schedulers.set(schedulerId, { queue, register: () => this.schedule(schedulerId, cron, name, payload) });
    const opts = isNotifyJob(name) ? NOTIFY_JOB_OPTIONS : DEFAULT_JOB_OPTIONS;
    await queue.upsertJobScheduler(schedulerId, { pattern: cron, tz: SCHEDULE_TIME_ZONE }, { name, data: payload, opts });
  }

  async missingSchedulers(): Promise<string[]> {
    const missing: string[] = [];
    for (const [id, { queue }] of this.schedulers) if (!(await queue.getJobScheduler(id))) missing.push(id);
    return missing;
  }

  async restoreSchedulers(): Promise<string[]> {
    const missing = await this.missingSchedulers();
    for (const id of missing) await this.schedulers.get(id)!.register();
    return missing;
  }

  async close(): Promise<void> {
    await Promise.all([this.queue.close(), this.notifyQueue.close()]);
  }
}

/**
 * Consumer side: a BullMQ worker dispatching by job name to the same handlers the in-process runner uses.
 * `lockMs` is the job lock and the stalled-job check interval: when a worker dies (kill -9, lost machine) its
 * lock lapses, another worker moves the job back to waiting and runs it again, and the handler resumes from
 * the sync's checkpoint.
 */
export function startBullWorker(
  connection: ConnectionOptions,
  prefix: string,
  handlers: JobHandlers,
  log: Logger,
  opts: { concurrency?: number; lockMs?: number; queueName?: string } = {},
): Worker {
  const lockMs = opts.lockMs ?? 30000;
  const worker = new Worker(
    opts.queueName ?? QUEUE_NAME,
    async (job) => {
      const name = job.name as JobName;
      const handler = handlers[name] as ((p: unknown, c: JobContext) => Promise<void>) | undefined;
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await handler(job.data, { jobId: job.id ?? '', attempt: job.attemptsMade + 1, progress: (percent) => job.updateProgress(percent) });
    },
    { connection, prefix, concurrency: opts.concurrency ?? 2, lockDuration: lockMs, stalledInterval: lockMs, maxStalledCount: 1 },
  );
  worker.on('failed', (job, err) => log.warn({ err, job: job?.name, jobId: job?.id }, 'job failed'));
  worker.on('error', (err) => log.error({ err }, 'worker error'));
  return worker;
}

/** The workers of one process. */
export interface JobWorkers {
  close(): Promise<void>;
}

/** Consume both queues: the main one (syncs, computations) and the notification one, each with its own worker. */
export function startBullWorkers(
  connection: ConnectionOptions,
  prefix: string,
  handlers: JobHandlers,
  log: Logger,
  opts: { lockMs?: number } = {},
): JobWorkers {
  const main = startBullWorker(connection, prefix, handlers, log, opts);
  const notify = startBullWorker(connection, prefix, handlers, log, { ...opts, queueName: NOTIFY_QUEUE_NAME, concurrency: 2 });
  return {
    async close() {
      await Promise.all([main.close(), notify.close()]);
    },
  };
}
