import type { DataSource } from 'typeorm';
import { SyncRun } from '../../../entities';
import { notifySyncProblem } from '../../notify/commands/syncProblemNotifier';
import { logger } from '../../../logger';
import { refreshDataQuality } from './dataQualityRefresher';

/** What a tracked sync reports when it finishes. */
export interface TrackedOutcome {
  rows?: number;
  departments?: number;
  users?: number;
  left?: number;
  supervisors?: number;
  note?: string | null;
}

/** Progress callback handed to a tracked sync (writes are throttled to one per 500 ms). */
export type ReportProgress = (phase: string, done: number, total: number) => void;

/**
 * Run `body` as sync run `runId`: mark it running, pass a progress reporter, then refresh the 数据 page's counts and
 * record success with counts, API calls and note — or the error. Before the job's last attempt a failure puts the run back to queued so the
 * retry picks it up. A run already finished is left alone (the job is a no-op when repeated).
 */
// tenancy: a run is read and written by its primary key, from the job its corp's run row was created for.
export async function trackSyncRun<T extends TrackedOutcome>(
  deps: { ds: DataSource; apiCalls: () => number; now?: () => Date; crm?: { followUpRecheckDays: number } },
  runId: number,
  opts: { finalAttempt: boolean },
  body: (report: ReportProgress, run: SyncRun) => Promise<T>,
): Promise<T | null> {
  const runs = deps.ds.getRepository(SyncRun);
  const run = await runs.findOneBy({ id: runId });
  if (!run || run.status === 'succeeded' || run.status === 'failed') return null;
  const now = deps.now ?? (() => new Date());
  const startCalls = deps.apiCalls();
  await runs.update({ id: runId }, { status: 'running', startedAt: now(), progressDone: 0, progressTotal: 0, error: null });
  let lastWrite = 0;
  const report: ReportProgress = (phase, done, total) => {
    if (Date.now() - lastWrite < 500 && done < total) return;
    lastWrite = Date.now();
    void runs.update({ id: runId }, { phase, progressDone: done, progressTotal: total, apiCalls: deps.apiCalls() - startCalls }).catch(() => undefined);
  };
  try {
    const outcome = await body(report, run);
    // The 数据 page's counts are refreshed before the run shows as succeeded, so a page reloading on success sees them.
    await refreshDataQuality(deps.ds, run.corpId, { now: now(), followUpRecheckDays: deps.crm?.followUpRecheckDays ?? 30 }).catch((err: unknown) =>
      logger.warn({ err, corpId: run.corpId }, 'data quality refresh after a sync failed'),
    );
    await deps.ds.transaction(async (em) => {
      await em.getRepository(SyncRun).update(
        { id: runId },
        {
          status: 'succeeded',
          phase: 'done',
          progressDone: 1,
          progressTotal: 1,
          countRows: outcome.rows ?? 0,
          countDepartments: outcome.departments ?? 0,
          countUsers: outcome.users ?? 0,
          countLeft: outcome.left ?? 0,
          countSupervisors: outcome.supervisors ?? 0,
          note: outcome.note ?? null,
          apiCalls: deps.apiCalls() - startCalls,
          finishedAt: now(),
        },
      );
      // HR and admins hear of a run the budget stopped (digest), in the same transaction as its outcome.
      await notifySyncProblem(em, run, { failed: false, note: outcome.note }, now());
    });
    return outcome;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    const apiCalls = deps.apiCalls() - startCalls;
    if (opts.finalAttempt) {
      await deps.ds.transaction(async (em) => {
        await em.getRepository(SyncRun).update({ id: runId }, { status: 'failed', error, finishedAt: now(), apiCalls });
        await notifySyncProblem(em, run, { failed: true, error }, now());
      });
    } else await runs.update({ id: runId }, { status: 'queued', phase: 'retrying', error, apiCalls });
    throw err;
  }
}
