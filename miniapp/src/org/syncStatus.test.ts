import type { SyncRun } from '@liucai/shared';
import {
  DATA_SYNC_KINDS,
  SYNC_TRIGGER_LABELS,
  isSyncActive,
  progressLabel,
  phaseLabel,
  syncDetail,
  syncKindLabels,
  syncPercent,
  syncStats,
  syncTestIds,
} from './syncStatus';

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
  it('labels each trigger; the automatic first-start sync is 首次同步, never 手动同步', () => {
    expect(SYNC_TRIGGER_LABELS).toEqual({ schedule: '定时同步', manual: '手动同步', event: '通讯录变更触发', startup: '首次同步' });
  });

  it('says above the progress bar what a run is doing, and that a first-start run is the first sync', () => {
    expect(progressLabel(run({ kind: 'attendance', status: 'queued', phase: null }))).toBe('排队等待中…');
    expect(progressLabel(run({ kind: 'attendance', status: 'running', phase: 'attendance' }))).toBe('读取考勤…');
    expect(progressLabel(run({ kind: 'attendance', status: 'queued', phase: 'retrying' }))).toBe('出错后等待重试…');
    expect(progressLabel(run({ kind: 'attendance', status: 'queued', phase: null, trigger: 'startup' }))).toBe('首次同步 · 排队等待中…');
    expect(progressLabel(run({ kind: 'leave', status: 'running', phase: 'leave', trigger: 'startup' }))).toBe('首次同步 · 读取请假…');
  });

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

describe('sync kinds', () => {
  it('labels each kind in Chinese', () => {
    expect(syncKindLabels('org').title).toBe('组织同步');
    // A run counts what it wrote, never what is held (the 数据 page's sources say that): one label for all.
    expect(syncKindLabels('attendance')).toMatchObject({ title: '考勤同步', rowsLabel: '本次新增或更新' });
    expect(syncKindLabels('leave')).toMatchObject({ title: '请假同步', rowsLabel: '本次新增或更新' });
    expect(syncKindLabels('departures')).toMatchObject({ title: '离职同步', rowsLabel: '本次新增或更新' });
    expect(syncKindLabels('leave').neverText).toContain('请假');
    expect(phaseLabel('followUps')).toBe('读取跟进记录');
    expect(syncKindLabels('crm')).toMatchObject({ title: 'CRM 同步', rowsLabel: '本次新增或更新' });
    expect(syncKindLabels('crm').neverText).toContain('“立即同步”');
    expect(DATA_SYNC_KINDS).toEqual(['attendance', 'leave', 'departures', 'crm']);
  });

  it('shows the org counts for org and the rows written for the data syncs, with calls and duration as detail', () => {
    const done = run({
      status: 'succeeded',
      counts: { departments: 12, users: 1234, left: 3, supervisors: 40, rows: 40_660 },
      apiCalls: 8480,
      durationMs: 12_300,
    });
    expect(syncStats('org', done)).toEqual([
      { id: 'departments', label: '部门', value: '12' },
      { id: 'users', label: '人员', value: '1,234' },
      { id: 'left', label: '离职', value: '3' },
      { id: 'supervisors', label: '主管关系', value: '40' },
    ]);
    expect(syncStats('attendance', done)).toEqual([{ id: 'rows', label: '本次新增或更新', value: '40,660 条' }]);
    expect(syncDetail(done)).toBe('调用钉钉接口 8,480 次 · 耗时 12.3 秒');
  });

  it('keeps the org card’s original test ids and suffixes the others with the kind', () => {
    expect(syncTestIds('org')).toMatchObject({ card: 'sync-status', now: 'sync-now', progress: 'sync-progress', note: 'sync-note', error: 'sync-error' });
    expect(syncTestIds('leave')).toMatchObject({
      card: 'sync-card-leave',
      now: 'sync-now-leave',
      progress: 'sync-progress-leave',
      note: 'sync-note-leave',
      state: 'sync-state-leave',
    });
    expect(syncTestIds('attendance').stat('rows')).toBe('sync-stat-rows-attendance');
    expect(syncTestIds('org').stat('users')).toBe('sync-stat-users');
  });

  it('labels the data-sync and retry phases', () => {
    expect(phaseLabel('attendance')).toBe('读取考勤');
    expect(phaseLabel('retrying')).toBe('出错后等待重试');
  });
});
