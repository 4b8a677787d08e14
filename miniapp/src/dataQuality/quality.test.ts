import type { CallBudget, DataGap, DataSourceQuality } from '@liucai/shared';
import {
  budgetHint,
  budgetLevel,
  budgetPercent,
  budgetPercentText,
  errorNextStep,
  formatMonth,
  gapExamples,
  gapTitle,
  sourceHealth,
  sourceRowsText,
} from './quality';

const budget = (used: number, limit = 10_000): CallBudget => ({ month: '2026-03', used, limit, remaining: Math.max(0, limit - used) });

describe('budget', () => {
  it('computes a bounded whole percent', () => {
    expect(budgetPercent(budget(0))).toBe(0);
    expect(budgetPercent(budget(2_345))).toBe(23);
    expect(budgetPercent(budget(8_999))).toBe(89);
    expect(budgetPercent(budget(12_000))).toBe(100);
    expect(budgetPercent(budget(0, 0))).toBe(0);
    expect(budgetPercent(budget(5, 0))).toBe(100);
  });

  it('shows a month with a few calls as under 1 %, not as nothing used', () => {
    expect(budgetPercentText(budget(0))).toBe('0%');
    expect(budgetPercentText(budget(66))).toBe('<1%');
    expect(budgetPercentText(budget(100))).toBe('1%');
    expect(budgetPercentText(budget(2_345))).toBe('23%');
  });

  it('warns only above 80 % and marks a used-up month', () => {
    expect(budgetLevel(budget(8_000))).toBe('ok');
    expect(budgetLevel(budget(8_001))).toBe('warn');
    expect(budgetLevel(budget(9_999))).toBe('warn');
    expect(budgetLevel(budget(10_000))).toBe('exhausted');
    expect(budgetLevel(budget(10_500))).toBe('exhausted');
    expect(budgetLevel({ month: '2026-03', used: 50, limit: 100, remaining: 0 })).toBe('exhausted');
    expect(budgetLevel(budget(0, 0))).toBe('ok');
  });

  it('explains each level', () => {
    expect(budgetHint(budget(100))).toContain('计量调用');
    expect(budgetHint(budget(100))).toContain('CRM');
    expect(budgetHint(budget(9_000))).toContain('即将用完');
    expect(budgetHint(budget(10_000))).toContain('已用完');
  });

  it('formats the budget month', () => {
    expect(formatMonth('2026-03')).toBe('2026年3月');
    expect(formatMonth('2026-11')).toBe('2026年11月');
    expect(formatMonth('bad')).toBe('bad');
  });
});

const gap = (over: Partial<DataGap>): DataGap => ({ id: 'users_without_supervisor', count: 1, examples: [], nextStep: '设置主管', ...over });

describe('gaps', () => {
  it('titles each gap with its count', () => {
    expect(gapTitle(gap({ count: 1234 }))).toBe('1,234 人没有直属主管');
    expect(gapTitle(gap({ id: 'days_without_attendance', count: 4 }))).toBe('4 个工作日没有考勤记录');
    expect(gapTitle(gap({ id: 'deals_without_owner', count: 2 }))).toBe('2 份合同没有负责人');
    expect(gapTitle(gap({ id: 'never_synced', count: 1 }))).toBe('尚未成功同步');
    expect(gapTitle(gap({ id: 'contracts_without_owner', count: 3 }))).toBe('3 份合同没有负责人');
    expect(gapTitle(gap({ id: 'customers_without_follow_up', count: 12 }))).toBe('12 个客户没有跟进记录');
    expect(gapTitle(gap({ id: 'days_without_clock_records', count: 2 }))).toBe('2 天有打卡结果却没有原始打卡记录');
    expect(gapTitle(gap({ id: 'leaves_not_in_attendance', count: 3 }))).toBe('3 条已通过的请假未体现在考勤中');
  });

  it('shows a few examples and how many there are in all', () => {
    expect(gapExamples(gap({ count: 12, examples: ['张三', '李四', '王五', '赵六', '钱七'] }))).toBe('张三、李四、王五 等 12 人');
    expect(gapExamples(gap({ count: 2, examples: ['张三', '李四'] }))).toBe('张三、李四');
    expect(gapExamples(gap({ count: 7, examples: ['A', 'B'] }), 1)).toBe('A 等 7 人');
    expect(gapExamples(gap({ id: 'deals_without_owner', count: 9, examples: ['HT-001'] }))).toBe('HT-001 等 9 份合同');
  });

  it('shows attendance dates as month and day', () => {
    expect(gapExamples(gap({ id: 'days_without_attendance', count: 5, examples: ['2026-03-05', '2026-03-06'] }))).toBe('3月5日、3月6日 等 5 个工作日');
  });

  it('returns null without examples', () => {
    expect(gapExamples(gap({ id: 'never_synced', examples: [] }))).toBeNull();
    expect(gapExamples(gap({ examples: ['', ' '] }))).toBeNull();
  });
});

const source = (over: Partial<DataSourceQuality>): DataSourceQuality => ({
  source: 'attendance',
  label: '考勤',
  lastSucceededAt: '2026-03-05T08:00:00Z',
  rows: 0,
  lastError: null,
  lastNote: null,
  gaps: [],
  ...over,
});

describe('sources', () => {
  it('puts a failure before gaps before a clean bill', () => {
    expect(sourceHealth(source({}))).toEqual({ color: 'success', text: '无缺口' });
    expect(sourceHealth(source({ gaps: [gap({}), gap({ id: 'never_synced' })] }))).toEqual({ color: 'warning', text: '2 个缺口' });
    expect(sourceHealth(source({ lastError: 'boom', gaps: [gap({})] }))).toEqual({ color: 'danger', text: '同步失败' });
  });

  it('describes what a source holds', () => {
    expect(sourceRowsText({ source: 'org', rows: 1200 })).toBe('在职人员 1,200 人');
    expect(sourceRowsText({ source: 'attendance', rows: 40_660 })).toBe('考勤记录 40,660 条');
    expect(sourceRowsText({ source: 'imports', rows: 3 })).toBe('合同 3 份');
    expect(sourceRowsText({ source: 'crm', rows: 1500 })).toBe('客户 1,500 个');
  });

  it('points a failed org sync to the org page and the others to the sync cards', () => {
    expect(errorNextStep('org')).toContain('组织架构');
    expect(errorNextStep('leave')).toContain('立即同步');
    expect(errorNextStep('imports')).toContain('导入');
  });
});
