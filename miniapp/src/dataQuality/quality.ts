/** How the 数据 page shows GET /api/v1/sync/quality: sources, their figures and gaps, and the metered quota. Pure. */
import { formatCount, GLOSSARY, type CallBudget, type DataGap, type DataQuality, type SourceHolding, type SourceState } from '@liucai/shared';

/** Above this share of the month's limit the budget turns orange. */
export const BUDGET_WARN_RATIO = 0.8;

export type BudgetLevel = 'ok' | 'warn' | 'exhausted';

/** Used and limit of one quota (API calls or events). */
export interface Usage {
  used: number;
  limit: number;
}

/** Whole percent of the limit used, 0–100 (100 when there is no limit but some was used). */
export function budgetPercent(b: Usage): number {
  if (b.limit <= 0) return b.used > 0 ? 100 : 0;
  return Math.max(0, Math.min(100, Math.floor((b.used / b.limit) * 100)));
}

/** The percent as shown: `23%`, and `<1%` once some was used but under 1 % (a plain `0%` would read "nothing used"). */
export function budgetPercentText(b: Usage): string {
  const p = budgetPercent(b);
  return p === 0 && b.used > 0 ? '<1%' : `${p}%`;
}

/** `exhausted` once the limit is reached, `warn` above 80 % of it, else `ok`. */
export function budgetLevel(b: Usage): BudgetLevel {
  if (b.limit <= 0 ? b.used > 0 : b.used >= b.limit) return 'exhausted';
  if (b.limit > 0 && b.used / b.limit > BUDGET_WARN_RATIO) return 'warn';
  return 'ok';
}

/** The worse of the calls' and the events' levels, or `exhausted` when DingTalk itself refused this month. */
export function overallLevel(b: CallBudget): BudgetLevel {
  if (b.refused) return 'exhausted';
  const levels = [budgetLevel(b), budgetLevel(b.events)];
  return levels.includes('exhausted') ? 'exhausted' : levels.includes('warn') ? 'warn' : 'ok';
}

/** `2026-03` → `2026年3月` (other strings unchanged). */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{1,2})$/.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}

/** A sentence under the bars. */
export function budgetHint(b: CallBudget): string {
  if (b.refused) return '钉钉已答复本月额度用完：考勤、请假与 CRM 同步停在额度用完处，下月额度恢复或升级钉钉版本后继续。';
  switch (overallLevel(b)) {
    case 'exhausted':
      return '本月额度已用完：考勤、请假与 CRM 同步暂时读不到新数据，下月额度恢复后每晚的自动同步会继续。';
    case 'warn':
      return '本月额度即将用完，同步可能只完成一部分；如非必要请勿频繁手动同步。';
    default:
      return '考勤、请假、审批、CRM 与工作通知消耗钉钉计量调用；通讯录（组织架构）与离职信息不计。额度由企业的所有应用共用。';
  }
}

/** The tag of a source's state. */
export function stateTag(
  state: SourceState,
  source: DataQuality['sources'][number]['source'],
): { color: 'success' | 'warning' | 'danger' | 'default'; text: string } {
  switch (state) {
    case 'fresh':
      return { color: 'success', text: source === 'imports' ? '已导入' : '完整、最新' };
    case 'behind':
      return { color: 'warning', text: '落后' };
    case 'partial':
      return { color: 'warning', text: '未同步完整' };
    case 'failed':
      return { color: 'danger', text: '同步失败' };
    default:
      return { color: 'default', text: source === 'imports' ? '尚未导入' : '尚未同步' };
  }
}

/** A figure with its term and unit: `考勤记录 13,174 条`, with where it came from when it says: `合同（导入）12 份`. */
export function holdingText(h: SourceHolding): string {
  const t = GLOSSARY[h.term];
  return h.from ? `${t.term}（${h.from}）${formatCount(h.count)} ${t.unit}` : `${t.term} ${formatCount(h.count)} ${t.unit}`;
}

/** What one of a figure is, from the glossary. */
export const holdingMeaning = (h: SourceHolding): string => GLOSSARY[h.term].means;

const GAP_UNITS: Record<DataGap['id'], string> = {
  users_without_supervisor: '人',
  days_without_attendance: '个工作日',
  days_without_clock_records: '天',
  leaves_not_in_attendance: '条请假',
  deals_without_owner: '份合同',
  never_synced: '项',
  contracts_without_owner: '份合同',
  customers_without_follow_up: '个客户',
};

/** What a gap is, after its count: `人没有直属主管`. */
const GAP_WHAT: Record<DataGap['id'], string> = {
  users_without_supervisor: '人没有直属主管',
  days_without_attendance: '个工作日没有考勤记录',
  days_without_clock_records: '天有考勤记录却没有打卡记录',
  leaves_not_in_attendance: '条已通过的请假未体现在考勤中',
  deals_without_owner: '份导入的合同没有负责人',
  never_synced: '项尚未同步',
  contracts_without_owner: '份合同没有负责人',
  customers_without_follow_up: '个客户没有跟进记录',
};

/**
 * A gap's headline with its company-wide count, e.g. `12 人没有直属主管`; a viewer limited to their people reads
 * `全公司 12 人没有直属主管` (the count is everyone's, the names below are theirs).
 */
export function gapTitle(gap: DataGap, viewerScope: DataQuality['viewerScope'] = 'all'): string {
  if (gap.id === 'never_synced') return '尚未成功同步';
  const what = GAP_WHAT[gap.id] ?? '处缺口';
  const prefix = viewerScope === 'scope' || gap.inScopeCount === null ? '全公司 ' : '';
  return `${prefix}${formatCount(gap.count)} ${what}`;
}

/** `2026-03-05` → `3月5日`, also at the end of an example (`张三 2026-03-05` → `张三 3月5日`). */
function formatExample(example: string): string {
  return example.replace(/(\d{4})-(\d{2})-(\d{2})(?=$|）)/, (_, _y: string, m: string, d: string) => `${Number(m)}月${Number(d)}日`);
}

/**
 * The examples line: `张三、李四、王五 等 12 人` for an admin; for a viewer limited to their people, how many of the
 * gap are theirs and their names (`你负责的范围内 3 人：张三、李四、王五`). Null when there is nothing to show.
 */
export function gapExamples(gap: DataGap, viewerScope: DataQuality['viewerScope'] = 'all', max = 3): string | null {
  const shown = gap.examples.filter((e) => e.trim() !== '').slice(0, max);
  const text = shown.map(formatExample).join('、');
  const unit = GAP_UNITS[gap.id] ?? '项';
  if (viewerScope === 'scope' && gap.inScopeCount !== null) {
    if (gap.inScopeCount === 0) return '你负责的范围内没有';
    return `你负责的范围内 ${formatCount(gap.inScopeCount)} ${unit}${shown.length ? `：${text}` : ''}${gap.inScopeCount > shown.length && shown.length ? ' 等' : ''}`;
  }
  if (shown.length === 0) return null;
  return gap.count > shown.length ? `${text} 等 ${formatCount(gap.count)} ${unit}` : text;
}

/** Gaps shown under a source (never-synced is said by the source's status line already). */
export const visibleGaps = (gaps: DataGap[]): DataGap[] => gaps.filter((g) => g.id !== 'never_synced');

/** How many sources need HR (anything not fresh, imports aside when never used) and how many gaps are open. */
export function attentionSummary(q: DataQuality): string {
  const notFresh = q.sources.filter((s) => s.state !== 'fresh' && !(s.source === 'imports' && s.state === 'never')).length;
  const gaps = q.sources.reduce((n, s) => n + visibleGaps(s.gaps).length, 0);
  if (notFresh === 0 && gaps === 0) return '全部来源完整、最新，没有缺口';
  return [notFresh ? `${notFresh} 个来源需要处理` : null, gaps ? `${gaps} 个缺口` : null].filter(Boolean).join('，');
}
