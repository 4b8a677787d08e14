import type { Logger } from '../logger';
import type { JobQueue } from './jobTypes';

/**
 * Keeps the periodic jobs alive. BullMQ keeps job schedulers in Redis only, so if Redis loses its data (a restart
 * without persistence, a flush, a failover to an empty replica) the nightly syncs would stop until some process
 * restarted. Every `intervalMs` this looks for the schedulers this process registered and registers the missing ones
 * again, then calls `onRestored` (which re-enqueues sync runs whose jobs went with the data). /readyz reports missing
 * schedulers meanwhile (JobQueue.missingSchedulers).
 */
export class SchedulerWatch {
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<string[]> | null = null;

  constructor(
    private readonly jobs: JobQueue,
    private readonly log: Logger,
    private readonly opts: { intervalMs: number; onRestored?: (ids: string[]) => Promise<unknown> },
  ) {}

  /** Check every interval from now on (no-op for the in-process runner, whose schedules live in this process). */
  start(): void {
    if (this.timer || !this.jobs.restoreSchedulers) return;
    this.timer = setInterval(() => void this.check(), this.opts.intervalMs);
    this.timer.unref();
  }

  /** One check: register missing schedulers again and return their ids (never throws; Redis may be down). */
  check(): Promise<string[]> {
    this.checking ??= this.checkOnce().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async checkOnce(): Promise<string[]> {
    try {
      const restored = (await this.jobs.restoreSchedulers?.()) ?? [];
      if (restored.length === 0) return restored;
      this.log.warn({ restored }, 'job schedulers were missing from Redis: registered again');
      await this.opts.onRestored?.(restored);
      return restored;
    } catch (err) {
      this.log.warn({ reason: err instanceof Error ? err.message : String(err) }, 'could not check the job schedulers');
      return [];
    }
  }

  /** Stop checking and wait for a check in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.checking;
  }
}
