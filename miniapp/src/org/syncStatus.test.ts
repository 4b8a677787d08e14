import type { SyncRun } from '@liucai/shared';
import { isSyncActive, phaseLabel, syncPercent } from './syncStatus';

const run = (over: Partial<SyncRun>): SyncRun => ({
  id: 1,
  kind: 'org',
  status: 'running',
  trigger: 'manual',
  phase: 'users',
  progressDone: 0,
  progressTotal: 0,
  counts: { departments: 0, users: 0, left: 0, supervisors: 0, rows: 0 },
  apiCalls: 0,
  startedAt: null,
  finishedAt: null,
  durationMs: null,
  error: null,
  note: null,
  ...over,
});

describe('sync status helpers', () => {
  it('polls only while queued or running', () => {
    expect(isSyncActive(run({ status: 'queued' }))).toBe(true);
    expect(isSyncActive(run({ status: 'running' }))).toBe(true);
    expect(isSyncActive(run({ status: 'succeeded' }))).toBe(false);
    expect(isSyncActive(run({ status: 'failed' }))).toBe(false);
    expect(isSyncActive(null)).toBe(false);
  });

  it('computes a bounded whole percentage', () => {
    expect(syncPercent(run({ progressDone: 1, progressTotal: 3 }))).toBe(33);
    expect(syncPercent(run({ progressDone: 0, progressTotal: 0 }))).toBe(0);
    expect(syncPercent(run({ progressDone: 12, progressTotal: 10 }))).toBe(100);
    expect(syncPercent(run({ status: 'succeeded', progressDone: 3, progressTotal: 10 }))).toBe(100);
  });

  it('labels phases in Chinese and passes unknown ones through', () => {
    expect(phaseLabel('departments')).toBe('同步部门');
    expect(phaseLabel(null)).toBe('准备中');
    expect(phaseLabel('cleanup')).toBe('cleanup');
  });
});
