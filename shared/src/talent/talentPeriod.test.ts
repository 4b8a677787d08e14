import { isQuarterEnd, periodKind, periodLabel, periodSpan, quarterOf } from './talentPeriod';

describe('talent periods', () => {
  it('tells months from quarters and names them', () => {
    expect(['2026-09', '2026Q3'].map(periodKind)).toEqual(['month', 'quarter']);
    expect(periodLabel('2026Q3')).toBe('2026 年第 3 季度');
    expect(periodLabel('2026-09')).toBe('2026-09');
    expect(['2026-02', '2026-03', '2026-11', '2026-12'].map(isQuarterEnd)).toEqual([false, true, false, true]);
    expect(quarterOf('2026-12')).toBe('2026Q4');
  });

  it('spans a quarter’s three months and a month itself', () => {
    expect(periodSpan('2026Q1')).toEqual({ kind: 'quarter', first: '2026-01', last: '2026-03', months: 3 });
    expect(periodSpan('2026Q4')).toEqual({ kind: 'quarter', first: '2026-10', last: '2026-12', months: 3 });
    expect(periodSpan('2026-05')).toEqual({ kind: 'month', first: '2026-05', last: '2026-05', months: 1 });
  });
});
