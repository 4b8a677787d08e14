import { zh, type DataSourceQuality, type SourceState, type SyncKind } from '@liucai/shared';
import type { SyncRun } from '../../../entities';
import { addDays, daysBetween, shanghaiDate } from '../../../util/dates';

/** A source's last success older than this is behind: the nightly sync did not run or did not succeed. */
export const STALE_AFTER_MS = 36 * 3600 * 1000;

/** `2026-12-04` → `12月4日`. */
export const dayLabel = (day: string): string => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** What the 数据 page says about a synced source, before its gaps. */
export interface SourceStatus {
  state: SourceState;
  summary: string;
  nextStep: string | null;
  coversThrough: string | null;
}

/** What decides a synced source's status. */
export interface SourceFacts {
  kind: SyncKind;
  /** The card the sync is started from, e.g. `考勤同步`. */
  syncCard: string;
  lastSucceeded: SyncRun | null;
  latest: SyncRun | null;
  /** For day-by-day sources: the last day read (the checkpoint). */
  through: string | null;
  /** For the CRM: a pass stopped part-way (its phase and pages read). */
  passInFlight: { phase: string; pages: number } | null;
  now: Date;
}

const BUDGET_WORDS = /计量调用|额度/;

/** Where HR starts a sync of this source. */
const startHere = (f: SourceFacts) => (f.kind === 'org' ? '在“组织架构”页点击“立即同步”' : `在下方“${f.syncCard}”中点击“立即同步”`);

/**
 * The status HR reads first: never synced (and whether the first run is under way), failed, stopped part-way
 * (budget or DingTalk's quota), behind (complete only up to an earlier day, or the last success is old), or fresh.
 */
export function sourceStatus(f: SourceFacts): SourceStatus {
  const { lastSucceeded: ok, latest } = f;
  const running = latest?.status === 'queued' || latest?.status === 'running';
  const yesterday = addDays(shanghaiDate(f.now), -1);
  if (!ok) {
    if (running) return { state: 'never', summary: '第一次同步进行中，完成后这里显示读到的数据', nextStep: null, coversThrough: null };
    if (latest?.status === 'failed') return { state: 'failed', summary: '第一次同步失败，还没有这部分数据', nextStep: failedStep(f), coversThrough: null };
    return { state: 'never', summary: '尚未同步，还没有这部分数据', nextStep: `${startHere(f)}，或等待每晚的自动同步`, coversThrough: null };
  }
  const coversThrough = f.through;
  if (latest?.status === 'failed' && latest.id > ok.id) {
    return { state: 'failed', summary: '最近一次同步失败，现有数据来自上一次成功的同步', nextStep: failedStep(f), coversThrough };
  }
  const budgetStop = ok.note !== null && BUDGET_WORDS.test(ok.note);
  if (f.passInFlight) {
    return {
      state: 'partial',
      summary: zh`未同步完整：上次停在${f.passInFlight.phase}（已读 ${f.passInFlight.pages} 页），下次同步从这里继续`,
      nextStep: budgetStop ? '本月钉钉额度不足：见“钉钉调用额度”中的建议；额度恢复后自动继续' : running ? null : zh`${startHere(f)}继续`,
      coversThrough,
    };
  }
  if (coversThrough !== null && coversThrough < yesterday) {
    const missing = daysBetween(coversThrough, yesterday);
    return {
      state: budgetStop ? 'partial' : 'behind',
      summary: `数据截至 ${dayLabel(coversThrough)}，之后 ${missing} 天尚未同步`,
      nextStep: budgetStop ? '本月钉钉额度不足：见“钉钉调用额度”中的建议；额度恢复后自动继续' : running ? null : zh`${startHere(f)}补齐`,
      coversThrough,
    };
  }
  const finished = ok.finishedAt ?? ok.createdAt;
  if (f.now.getTime() - finished.getTime() > STALE_AFTER_MS) {
    return {
      state: 'behind',
      summary: '上次成功同步已超过一天，数据可能不是最新的',
      nextStep: running ? null : `每晚的自动同步可能没有运行：${startHere(f)}，或请管理员检查任务服务`,
      coversThrough,
    };
  }
  return {
    state: 'fresh',
    summary: coversThrough !== null ? `完整：数据截至昨天（${dayLabel(coversThrough)}）` : '已是最新：最近一次同步成功',
    nextStep: null,
    coversThrough,
  };
}

/** What to do after a failed sync. */
function failedStep(f: SourceFacts): string {
  if (f.kind === 'org') return '检查钉钉应用的通讯录权限，然后在“组织架构”页点击“立即同步”重试';
  return zh`检查钉钉应用的接口权限，然后${startHere(f)}重试；仍失败请联系管理员`;
}

/** The imports source: nothing imported yet, or when the last import landed. */
export function importsStatus(lastImportAt: string | null): Pick<DataSourceQuality, 'state' | 'summary' | 'nextStep' | 'coversThrough'> {
  if (lastImportAt === null) {
    return {
      state: 'never',
      summary: '尚未导入：还没有从 Excel 或 CSV 导入过历史数据',
      nextStep: '在“导入”页下载模板，填好合同、满意度、跨部门协作、培训或离职记录后上传；不需要历史数据可忽略',
      coversThrough: null,
    };
  }
  return { state: 'fresh', summary: '已导入：可随时再导入新的文件，相同的行会更新而不会重复', nextStep: null, coversThrough: null };
}
