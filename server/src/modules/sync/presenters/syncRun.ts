import type { SyncRun as SyncRunDto } from '@liucai/shared';
import type { SyncRun } from '../../../entities';

/** A sync run as HR sees it. */
export function presentSyncRun(run: SyncRun): SyncRunDto {
  const end = run.finishedAt ?? (run.startedAt ? new Date() : null);
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    trigger: run.trigger,
    phase: run.phase,
    progressDone: run.progressDone,
    progressTotal: run.progressTotal,
    counts: { departments: run.countDepartments, users: run.countUsers, left: run.countLeft, supervisors: run.countSupervisors, rows: run.countRows },
    apiCalls: run.apiCalls,
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: run.startedAt && end ? end.getTime() - run.startedAt.getTime() : null,
    error: run.error,
    note: run.note,
  };
}
