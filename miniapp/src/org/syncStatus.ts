/** How a sync run is shown: labels per kind, progress, whether to keep polling, test ids. */
import type { SyncKind, SyncRun, SyncStatus } from '@liucai/shared';
import { formatCount, formatDuration } from '../util/format';

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
  startup: '首次同步',
};

const PHASE_LABELS: Record<string, string> = {
  departments: '同步部门',
  users: '同步人员',
  supervisors: '计算主管关系',
  saving: '保存数据',
  attendance: '读取考勤',
  leave: '读取请假',
  'leave-pending': '复查待审批的请假',
  departures: '读取离职',
  customers: '读取客户',
  personalCustomers: '读取个人客户',
  contracts: '读取合同',
  followUps: '读取跟进记录',
  retrying: '出错后等待重试',
  done: '收尾',
};

/** Chinese label of a phase id (unknown ids shown as they are). */
export function phaseLabel(phase: string | null): string {
  if (!phase) return '准备中';
  return PHASE_LABELS[phase] ?? phase;
}

/**
 * What a card says above the progress bar of a queued or running run: waiting, or the phase; the first start's
 * runs say so (首次同步 · 读取考勤…), as nobody pressed 立即同步 for them.
 */
export function progressLabel(run: SyncRun): string {
  const what = run.status === 'queued' && run.phase !== 'retrying' ? '排队等待中…' : `${phaseLabel(run.phase)}…`;
  return run.trigger === 'startup' ? `${SYNC_TRIGGER_LABELS.startup} · ${what}` : what;
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

/** What differs between the sync cards of the DingTalk sources. */
export interface SyncKindLabels {
  /** Card title, e.g. `考勤同步`. */
  title: string;
  /** What the kind's rows are called, e.g. `考勤记录`. */
  rowsLabel: string;
  /** Shown before the first successful sync. */
  neverText: string;
}

/** The sources synced on the 数据 page (the org sync lives on the 组织架构 page). */
export const DATA_SYNC_KINDS: readonly SyncKind[] = ['attendance', 'leave', 'departures', 'crm'];

const KIND_LABELS: Record<SyncKind, SyncKindLabels> = {
  org: { title: '组织同步', rowsLabel: '人员', neverText: '还没有成功同步过。点击“立即同步”从钉钉通讯录拉取部门与人员。' },
  // A run's count is what it wrote (new or changed rows of every table it reads), never a total held: the 数据 page's
  // sources say what is held.
  attendance: { title: '考勤同步', rowsLabel: '本次新增或更新', neverText: '还没有成功同步过考勤。点击“立即同步”从钉钉考勤拉取打卡结果与原始打卡记录。' },
  leave: { title: '请假同步', rowsLabel: '本次新增或更新', neverText: '还没有成功同步过请假。点击“立即同步”从钉钉请假审批拉取请假记录。' },
  departures: { title: '离职同步', rowsLabel: '本次新增或更新', neverText: '还没有成功同步过离职。点击“立即同步”从钉钉智能人事拉取离职记录。' },
  crm: { title: 'CRM 同步', rowsLabel: '本次新增或更新', neverText: '还没有成功同步过 CRM。点击“立即同步”从钉钉 CRM 拉取客户、合同与跟进记录。' },
};

/** Chinese labels of a sync kind (an unknown kind gets neutral ones). */
export function syncKindLabels(kind: SyncKind): SyncKindLabels {
  return KIND_LABELS[kind] ?? { title: `${String(kind)} 同步`, rowsLabel: '记录', neverText: '还没有成功同步过。点击“立即同步”开始同步。' };
}

/** One figure in a sync card's grid. */
export interface SyncStat {
  /** Stable name of the figure (its test id part): `rows`, `apiCalls`, `duration`, or an org count. */
  id: string;
  label: string;
  value: string;
}

const num = formatCount;

/**
 * The figures of a successful run: the org sync shows what it counted (departments, people, departures,
 * supervisor links); a data sync shows the rows it wrote (new or changed). DingTalk calls and duration are secondary
 * (syncDetail).
 */
export function syncStats(kind: SyncKind, run: SyncRun): SyncStat[] {
  if (kind === 'org') {
    return [
      { id: 'departments', label: '部门', value: num(run.counts.departments) },
      { id: 'users', label: '人员', value: num(run.counts.users) },
      { id: 'left', label: '离职', value: num(run.counts.left) },
      { id: 'supervisors', label: '主管关系', value: num(run.counts.supervisors) },
    ];
  }
  return [{ id: 'rows', label: syncKindLabels(kind).rowsLabel, value: `${num(run.counts.rows)} 条` }];
}

/** The secondary line of a run: DingTalk calls and how long it took. */
export function syncDetail(run: SyncRun): string {
  return `调用钉钉接口 ${num(run.apiCalls)} 次 · 耗时 ${formatDuration(run.durationMs)}`;
}

/** `data-testid`s of a sync card's parts. The org card keeps its original unsuffixed ids (`sync-now`, …). */
export interface SyncTestIds {
  card: string;
  state: string;
  last: string;
  never: string;
  progress: string;
  note: string;
  error: string;
  loadError: string;
  now: string;
  /** A figure of the last successful run, by its `SyncStat.id`: `sync-stat-rows-attendance`, `sync-stat-users`. */
  stat(statId: string): string;
}

export function syncTestIds(kind: SyncKind): SyncTestIds {
  const id = (part: string): string => (kind === 'org' ? `sync-${part}` : `sync-${part}-${kind}`);
  return {
    card: kind === 'org' ? 'sync-status' : `sync-card-${kind}`,
    state: id('state'),
    last: id('last'),
    never: id('never'),
    progress: id('progress'),
    note: id('note'),
    error: id('error'),
    loadError: id('load-error'),
    now: id('now'),
    stat: (statId) => id(`stat-${statId}`),
  };
}
