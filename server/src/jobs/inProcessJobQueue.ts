import { CronExpressionParser } from 'cron-parser';
import type { Logger } from '../logger';
import { JOB_ATTEMPTS, JOB_BACKOFF_MS, SCHEDULE_TIME_ZONE, type JobHandlers, type JobName, type JobPayloads, type JobQueue } from './jobTypes';

/** The longest delay setTimeout honours. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The embedded mode's job runner: same handlers, same attempts and backoff, deduplication by job id, cron
 * schedules by timers. Jobs live in memory; the database is the source of truth, so a restart loses only triggers
 * (a queued sync run is picked up again at start-up by the caller).
 */
export class InProcessJobQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly known = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly log: Logger,
    private readonly backoffMs = JOB_BACKOFF_MS,
  ) {}

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: { jobId: string }): Promise<void> {
    if (this.closed) throw new Error('job queue is closed');
    if (this.known.has(opts.jobId)) return;
    this.known.add(opts.jobId);
    const p = this.run(name, payload, opts.jobId).finally(() => {
      this.running.delete(p);
    });
    this.running.add(p);
  }

  private async run<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string): Promise<void> {
    await new Promise((r) => setImmediate(r));
    for (let attempt = 1; attempt <= JOB_ATTEMPTS; attempt++) {
      try {
        await this.handlers[name](payload, { jobId, attempt });
        return;
      } catch (err) {
        this.log.warn({ err, job: name, jobId, attempt }, 'job failed');
        if (attempt === JOB_ATTEMPTS || this.closed) return;
        await new Promise((r) => setTimeout(r, this.backoffMs * 2 ** (attempt - 1)));
      }
    }
  }

  async schedule<N extends JobName>(schedulerId: string, cron: string, name: N, payload: JobPayloads[N]): Promise<void> {
    const arm = () => {
      const next = CronExpressionParser.parse(cron, { tz: SCHEDULE_TIME_ZONE }).next().toDate();
      const wait = () => {
        const delay = next.getTime() - Date.now();
        // setTimeout fires at once for delays over 2^31-1 ms (24.8 days): wait in steps until the time comes.
        const t = setTimeout(
          () => {
            if (next.getTime() - Date.now() > 0) return wait();
            void this.enqueue(name, payload, { jobId: `${schedulerId}:${next.getTime()}` });
            arm();
          },
          Math.min(Math.max(0, delay), MAX_TIMER_MS),
        );
        t.unref();
        this.timers.get(schedulerId)?.close();
        this.timers.set(schedulerId, t);
      };
      wait();
    };
    CronExpressionParser.parse(cron, { tz: SCHEDULE_TIME_ZONE }); // throws on a bad pattern before arming
    arm();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    await Promise.allSettled([...this.running]);
  }

  /** Resolves when every job enqueued so far has finished (tests and the embedded mode's shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
