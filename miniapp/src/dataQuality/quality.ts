/** How the 数据 page shows the metered-call budget and the data gaps of GET /api/v1/sync/quality. Pure functions. */
import type { CallBudget, DataGap, DataSourceQuality } from '@liucai/shared';

/** Above this share of the month's limit the budget card turns orange. */
export const BUDGET_WARN_RATIO = 0.8;

export type BudgetLevel = 'ok' | 'warn' | 'exhausted';

/** Whole percent of the limit used, 0–100 (100 when there is no limit but calls were made). */
export function budgetPercent(b: CallBudget): number {
  if (b.limit <= 0) return b.used > 0 ? 100 : 0;
  return Math.max(0, Math.min(100, Math.floor((b.used / b.limit) * 100)));
}

/** The percent as shown: `23%`, and `<1%` once calls were made but under 1 % (a plain `0%` would read "nothing used"). */
export function budgetPercentText(b: CallBudget): string {
  const p = budgetPercent(b);
  return p === 0 && b.used > 0 ? '<1%' : `${p}%`;
}

/** `exhausted` once nothing remains, `warn` above 80 % of the limit, else `ok`. */
export function budgetLevel(b: CallBudget): BudgetLevel {
  if (b.limit <= 0 ? b.used > 0 : b.used >= b.limit || b.remaining <= 0) return 'exhausted';
  if (b.limit > 0 && b.used / b.limit > BUDGET_WARN_RATIO) return 'warn';
  return 'ok';
}

/** `2026-03` → `2026年3月` (other strings unchanged). */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{1,2})$/.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}

/** A sentence under the budget bar. */
export function budgetHint(b: CallBudget): string {
  switch (budgetLevel(b)) {
    case 'exhausted':
      return '本月额度已用完：考勤、请假、离职与 CRM 同步暂时读不到新数据，下月额度恢复后每晚的自动同步会继续。';
    case 'warn':
      return '本月额度即将用完，同步可能只完成一部分；如非必要请勿频繁手动同步。';
    default:
      return '考勤、请假、离职与 CRM 同步会消耗钉钉计量调用，每月额度有限。';
  }
}

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

/** A gap's headline, e.g. `12 人没有直属主管`. Unknown gap ids get a neutral line. */
export function gapTitle(gap: DataGap): string {
  switch (gap.id) {
    case 'never_synced':
      return '尚未成功同步';
    case 'users_without_supervisor':
      return `${gap.count.toLocaleString('zh-CN')} 人没有直属主管`;
    case 'days_without_attendance':
      return `${gap.count.toLocaleString('zh-CN')} 个工作日没有考勤记录`;
    case 'days_without_clock_records':
      return `${gap.count.toLocaleString('zh-CN')} 天有打卡结果却没有原始打卡记录`;
    case 'leaves_not_in_attendance':
      return `${gap.count.toLocaleString('zh-CN')} 条已通过的请假未体现在考勤中`;
    case 'deals_without_owner':
    case 'contracts_without_owner':
      return `${gap.count.toLocaleString('zh-CN')} 份合同没有负责人`;
    case 'customers_without_follow_up':
      return `${gap.count.toLocaleString('zh-CN')} 个客户没有跟进记录`;
    default:
      return `${(gap as DataGap).count.toLocaleString('zh-CN')} 处缺口`;
  }
}

/** `2026-03-05` → `3月5日`; other examples unchanged. */
function formatExample(example: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(example);
  return m ? `${Number(m[1])}月${Number(m[2])}日` : example;
}

/**
 * A few examples joined, with how many more there are: `张三、李四、王五 等 12 人`. Null when the gap has no
 * examples. At most `max` examples are shown.
 */
export function gapExamples(gap: DataGap, max = 3): string | null {
  const shown = gap.examples.filter((e) => e.trim() !== '').slice(0, max);
  if (shown.length === 0) return null;
  const text = shown.map(formatExample).join('、');
  return gap.count > shown.length ? `${text} 等 ${gap.count.toLocaleString('zh-CN')} ${GAP_UNITS[gap.id] ?? '项'}` : text;
}

const SYNC_SOURCES = new Set(['attendance', 'leave', 'departures', 'crm']);

/** What HR should do after a source's last sync failed. */
export function errorNextStep(source: DataSourceQuality['source']): string {
  if (source === 'org') return '检查钉钉应用的通讯录权限，然后在“组织架构”页点击“立即同步”重试。';
  if (SYNC_SOURCES.has(source)) return '检查钉钉应用的接口权限与本月调用额度，然后在上方点击“立即同步”重试；仍失败请联系管理员。';
  return '检查数据后重新导入；仍失败请联系管理员。';
}

/** Overall state of a source for its tag: a failure first, then open gaps, else fine. */
export function sourceHealth(s: DataSourceQuality): { color: 'danger' | 'warning' | 'success'; text: string } {
  if (s.lastError) return { color: 'danger', text: '同步失败' };
  if (s.gaps.length > 0) return { color: 'warning', text: `${s.gaps.length} 个缺口` };
  return { color: 'success', text: '无缺口' };
}

const ROWS_LABELS: Record<DataSourceQuality['source'], string> = {
  org: '在职人员',
  attendance: '考勤记录',
  leave: '请假记录',
  departures: '离职记录',
  crm: '客户',
  imports: '合同',
};

/** `1,234 条考勤记录`-style line of what a source holds. */
export function sourceRowsText(s: Pick<DataSourceQuality, 'source' | 'rows'>): string {
  const n = s.rows.toLocaleString('zh-CN');
  if (s.source === 'org') return `在职人员 ${n} 人`;
  if (s.source === 'imports') return `合同 ${n} 份`;
  if (s.source === 'crm') return `客户 ${n} 个`;
  return `${ROWS_LABELS[s.source] ?? '记录'} ${n} 条`;
}
