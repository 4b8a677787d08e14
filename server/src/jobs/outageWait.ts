import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';
import { dependencyDownOf } from '../dependencyDown';
import { untilDatabaseAnswers } from '../db/untilDatabaseAnswers';
import type { JobContext, JobHandlers, JobName, JobPayloads } from './jobTypes';

/** How long a job waits for the database to come back before it fails like any other error. */
export const OUTAGE_WAIT_MS = 15 * 60 * 1000;
/**
 * Wrap job handlers so that a database outage does not use up a job's attempts: when a handler fails because the
 * database went away, the job waits (holding its BullMQ lock) until the database answers again and runs the handler
 * again in the same attempt. Handlers are idempotent and syncs resume from their checkpoints, so the re-run picks up
 * where the outage cut in. Any other error, or an outage longer than `maxWaitMs`, fails the attempt as before.
 */
export function waitOutOutages(handlers: JobHandlers, deps: { ds: DataSource; log: Logger }, opts: { maxWaitMs?: number; probeMs?: number } = {}): JobHandlers {
  const maxWaitMs = opts.maxWaitMs ?? OUTAGE_WAIT_MS;
  const wrap = <N extends JobName>(name: N) => {
    const handler = handlers[name];
    return async (payload: JobPayloads[N], ctx: JobContext): Promise<void> => {
      const deadline = Date.now() + maxWaitMs;
      for (;;) {
        try {
          return await handler(payload, ctx);
        } catch (err) {
          if (dependencyDownOf(err) !== 'database' || Date.now() >= deadline) throw err;
          deps.log.warn({ job: name, jobId: ctx.jobId, reason: err instanceof Error ? err.message : String(err) }, 'database down: job waits for it');
          if (!(await untilDatabaseAnswers(deps.ds, deadline - Date.now(), opts.probeMs))) throw err;
          deps.log.info({ job: name, jobId: ctx.jobId }, 'database back: job runs again from its checkpoint');
        }
      }
    };
  };
  const wrapped = {} as Record<JobName, unknown>;
  for (const name of Object.keys(handlers) as JobName[]) wrapped[name] = wrap(name);
  return wrapped as JobHandlers;
}
