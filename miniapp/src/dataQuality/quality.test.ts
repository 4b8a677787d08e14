import type { CallBudget, DataGap, DataQuality, DataSourceQuality } from '@liucai/shared';
import {
  attentionSummary,
  budgetHint,
  budgetLevel,
  budgetPercent,
  budgetPercentText,
  formatMonth,
  gapExamples,
  gapTitle,
  holdingText,
  overallLevel,
  stateTag,
  visibleGaps,
} from './quality';

const usage = (used: number, limit = 5_000) => ({ used, limit });
const budget = (used: number, over: Partial<CallBudget> = {}): CallBudget => ({
  month: '2026-03',
  used,
  limit: 5_000,
  remaining: Math.max(0, 5_000 - used),
  editionLabel: '标准版',
  notifyReserve: 1_000,
  notifyUsed: 0,
  events: { used: 0, limit: 3_000, remaining: 3_000 },
  byPurpose: [],
  refused: null,
  forecast: null,
  ...over,
});

describe('budget', () => {
  it('computes a bounded whole percent', () => {
    expect(budgetPercent(usage(0))).toBe(0);
    expect(budgetPercent(usage(1_234))).toBe(24);
    expect(budgetPercent(usage(12_000))).toBe(100);
    expect(budgetPercent(usage(0, 0))).toBe(0);
    expect(budgetPercent(usage(5, 0))).toBe(100);
  });

  it('shows a month with a few calls as under 1 %, not as nothing used', () => {
    expect(budgetPercentText(usage(0))).toBe('0%');
    expect(budgetPercentText(usage(33))).toBe('<1%');
    expect(budgetPercentText(usage(50))).toBe('1%');
  });

  it('warns only above 80 % and marks a used-up month', () => {
    expect(budgetLevel(usage(4_000))).toBe('ok');
    expect(budgetLevel(usage(4_001))).toBe('warn');
    expect(budgetLevel(usage(5_000))).toBe('exhausted');
    expect(budgetLevel(usage(0, 0))).toBe('ok');
  });

  it('takes the worse of calls and events, and a refusal from DingTalk as used up', () => {
    expect(overallLevel(budget(100))).toBe('ok');
    expect(overallLevel(budget(100, { events: { used: 2_900, limit: 3_000, remaining: 100 } }))).toBe('warn');
    expect(overallLevel(budget(100, { events: { used: 3_000, limit: 3_000, remaining: 0 } }))).toBe('exhausted');
    const refused = budget(100, { refused: { at: '2026-03-05T02:00:00Z', detail: 'x', orgUsed: 5_001, orgLimit: 5_000 } });
    expect(overallLevel(refused)).toBe('exhausted');
    expect(budgetHint(refused)).toContain('钉钉已答复');
    expect(budgetHint(budget(100))).toContain('通讯录');
  });

  it('formats the budget month', () => {
    expect(formatMonth('2026-03')).toBe('2026年3月');
    expect(formatMonth('bad')).toBe('bad');
  });
});

const gap = (over: Partial<DataGap>): DataGap => ({ id: 'users_without_supervisor', count: 1, inScopeCount: 1, examples: [], nextStep: '设置主管', ...over });

describe('gaps', () => {
  it('titles each gap with its company-wide count, saying so to a viewer limited to their people', () => {
    expect(gapTitle(gap({ count: 1234 }))).toBe('1,234 人没有直属主管');
    expect(gapTitle(gap({ count: 12 }), 'scope')).toBe('全公司 12 人没有直属主管');
    expect(gapTitle(gap({ id: 'days_without_attendance', count: 4, inScopeCount: null }))).toBe('全公司 4 个工作日没有考勤记录');
    expect(gapTitle(gap({ id: 'contracts_without_owner', count: 3 }))).toBe('3 份合同没有负责人');
    expect(gapTitle(gap({ id: 'never_synced' }))).toBe('尚未成功同步');
  });

  it('shows examples and the total to an admin', () => {
    expect(gapExamples(gap({ count: 12, examples: ['张三', '李四', '王五', '赵六'] }))).toBe('张三、李四、王五 等 12 人');
    expect(gapExamples(gap({ count: 2, examples: ['张三', '李四'] }))).toBe('张三、李四');
    expect(gapExamples(gap({ id: 'days_without_attendance', count: 5, inScopeCount: null, examples: ['2026-03-05', '2026-03-06'] }))).toBe(
      '3月5日、3月6日 等 5 个工作日',
    );
    expect(gapExamples(gap({ id: 'leaves_not_in_attendance', count: 1, examples: ['张三 2026-03-05'] }))).toBe('张三 3月5日');
    expect(gapExamples(gap({ examples: [] }))).toBeNull();
  });

  it('shows a scoped viewer only how many are theirs and their names', () => {
    expect(gapExamples(gap({ count: 12, inScopeCount: 2, examples: ['张三', '李四'] }), 'scope')).toBe('你负责的范围内 2 人：张三、李四');
    expect(gapExamples(gap({ count: 12, inScopeCount: 5, examples: ['张三', '李四', '王五', '赵六'] }), 'scope')).toBe(
      '你负责的范围内 5 人：张三、李四、王五 等',
    );
    expect(gapExamples(gap({ count: 12, inScopeCount: 0, examples: [] }), 'scope')).toBe('你负责的范围内没有');
  });

  it('leaves the never-synced gap to the status line', () => {
    expect(visibleGaps([gap({ id: 'never_synced' }), gap({})]).map((g) => g.id)).toEqual(['users_without_supervisor']);
  });
});

const source = (over: Partial<DataSourceQuality>): DataSourceQuality => ({
  source: 'attendance',
  label: '考勤',
  state: 'fresh',
  summary: '完整',
  nextStep: null,
  lastSucceededAt: '2026-03-05T08:00:00Z',
  coversThrough: '2026-03-04',
  holdings: [],
  rows: 0,
  lastError: null,
  lastNote: null,
  gaps: [],
  ...over,
});

describe('sources', () => {
  it('tags each state, with the imports source saying 尚未导入 rather than 尚未同步', () => {
    expect(stateTag('fresh', 'attendance')).toEqual({ color: 'success', text: '完整、最新' });
    expect(stateTag('never', 'imports')).toEqual({ color: 'default', text: '尚未导入' });
    expect(stateTag('never', 'crm').text).toBe('尚未同步');
    expect(stateTag('failed', 'org').color).toBe('danger');
    expect(stateTag('partial', 'crm').text).toBe('未同步完整');
  });

  it('names each figure with its term and unit', () => {
    expect(holdingText({ term: 'attendanceRecord', count: 13_174, from: null })).toBe('考勤记录 13,174 条');
    expect(holdingText({ term: 'contract', count: 12, from: '导入' })).toBe('合同（导入）12 份');
    expect(holdingText({ term: 'customer', count: 1_469, from: null })).toBe('客户 1,469 个');
  });

  it('sums up what needs attention, not counting imports nobody uses', () => {
    const q = (sources: DataSourceQuality[]): DataQuality => ({ budget: budget(0), sources, computedAt: '2026-03-05T08:00:00Z', viewerScope: 'all' });
    expect(attentionSummary(q([source({}), source({ source: 'imports', state: 'never' })]))).toBe('全部来源完整、最新，没有缺口');
    expect(
      attentionSummary(q([source({ state: 'behind', gaps: [gap({})] }), source({ source: 'crm', state: 'never', gaps: [gap({ id: 'never_synced' })] })])),
    ).toBe('2 个来源需要处理，1 个缺口');
  });
});
