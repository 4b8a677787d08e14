/** Words and small helpers the assessment pages share. */
import type { TaskState } from '@liucai/shared';

export const TASK_STATE_TEXT: Record<TaskState, string> = {
  new: '未开始',
  inProgress: '进行中',
  submitted: '已提交',
  closed: '已截止',
  timedOut: '已超时',
};

export const TASK_STATE_COLOR: Record<TaskState, 'primary' | 'warning' | 'success' | 'default' | 'danger'> = {
  new: 'primary',
  inProgress: 'warning',
  submitted: 'success',
  closed: 'default',
  timedOut: 'danger',
};

/** Percentage (0–100, whole) of `part` in `total`; 0 for an empty total. */
export const percent = (part: number, total: number): number => (total === 0 ? 0 : Math.round((part * 100) / total));

/** mm:ss (or h:mm:ss) left until `deadline`, from the server's clock offset. */
export function timeLeft(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}
