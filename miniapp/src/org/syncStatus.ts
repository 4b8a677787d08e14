/** How a sync run is shown: labels, progress, whether to keep polling. */
import type { SyncRun, SyncStatus } from '@liucai/shared';

export const SYNC_STATUS_LABELS: Record<SyncStatus, string> = {
  queued: '排队中',
  running: '同步中',
  succeeded: '已完成',
  failed: '失败',
};

export const SYNC_TRIGGER_LABELS: Record<SyncRun['trigger'], string> = {
  schedule: '定时同步',
  manual: '手动同步',
  event: '通讯录变更触发',
};

const PHASE_LABELS: Record<string, string> = {
  departments: '同步部门',
  users: '同步人员',
  supervisors: '计算主管关系',
  done: '收尾',
};

/** Chinese label of a phase id (unknown ids shown as they are). */
export function phaseLabel(phase: string | null): string {
  if (!phase) return '准备中';
  return PHASE_LABELS[phase] ?? phase;
}

/** True while a run is queued or running (the page polls then). */
export function isSyncActive(run: SyncRun | null | undefined): boolean {
  return run?.status === 'queued' || run?.status === 'running';
}

/** Percent done (0–100, whole numbers); 0 when the total is not known yet, 100 once succeeded. */
export function syncPercent(run: SyncRun): number {
  if (run.status === 'succeeded') return 100;
  if (run.progressTotal <= 0) return 0;
  const p = Math.floor((run.progressDone / run.progressTotal) * 100);
  return Math.max(0, Math.min(100, p));
}
