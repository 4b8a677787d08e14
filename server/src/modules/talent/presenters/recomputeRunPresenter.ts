import type { TalentRecomputeRunView, TalentRecomputeState } from '@liucai/shared';
import type { TalentRecomputeRun } from '../../../entities';

/** A recompute run with a percent for the progress bar: people computed of those considered, 100 once finished. */
export function presentRecomputeRun(run: TalentRecomputeRun): TalentRecomputeRunView {
  const percent = run.state === 'succeeded' ? 100 : run.total > 0 ? Math.min(99, Math.floor((run.done * 100) / run.total)) : 0;
  return {
    id: run.id,
    period: run.period,
    state: run.state as TalentRecomputeState,
    done: run.done,
    total: run.total,
    percent,
    written: run.written,
    skipped: run.skipped,
    error: run.error,
    requestedBy: run.requestedBy,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
  };
}
