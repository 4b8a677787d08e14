import { formatCount, formatDate, formatDateTime, formatDuration, formatFen, formatHundredths, formatMonth, formatRelative, tenure } from './format';

describe('format', () => {
  it('formats ISO date-times in local time and rejects junk', () => {
    const d = new Date(2026, 2, 5, 16, 9); // local
    expect(formatDateTime(d.toISOString())).toBe('2026-03-05 16:09');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('yesterday')).toBe('—');
  });

  it('groups counts by thousands', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(12_345)).toBe('12,345');
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });

  it('formats calendar dates without shifting the day', () => {
    expect(formatDate('2021-07-01')).toBe('2021年7月1日');
    expect(formatDate('2021-12-31')).toBe('2021年12月31日');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('07/01/2021')).toBe('—');
  });

  it('formats durations by magnitude', () => {
    expect(formatDuration(850)).toBe('850 毫秒');
    expect(formatDuration(12_340)).toBe('12.3 秒');
    expect(formatDuration(125_000)).toBe('2 分 5 秒');
    expect(formatDuration(3_780_000)).toBe('1 小时 3 分');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(-5)).toBe('—');
  });

  it('formats relative times', () => {
    const now = new Date('2026-03-05T12:00:00Z');
    expect(formatRelative('2026-03-05T11:59:30Z', now)).toBe('刚刚');
    expect(formatRelative('2026-03-05T11:55:00Z', now)).toBe('5 分钟前');
    expect(formatRelative('2026-03-05T09:00:00Z', now)).toBe('3 小时前');
    expect(formatRelative('2026-03-03T12:00:00Z', now)).toBe('2 天前');
    expect(formatRelative('2026-01-01T00:00:00Z', now)).toBe(formatDateTime('2026-01-01T00:00:00Z'));
  });

  it('computes tenure (司龄) in whole months', () => {
    const today = new Date(2026, 2, 5); // 2026-03-05
    expect(tenure('2024-01-05', today)).toBe('2 年 2 个月');
    expect(tenure('2024-01-06', today)).toBe('2 年 1 个月');
    expect(tenure('2025-03-05', today)).toBe('1 年');
    expect(tenure('2026-02-20', today)).toBe('不满 1 个月');
    expect(tenure('2026-04-01', today)).toBeNull();
    expect(tenure(null, today)).toBeNull();
  });

  it('formats money in fen, hundredths and months without floats', () => {
    expect(formatFen(1_500_000)).toBe('¥15,000');
    expect(formatFen(150)).toBe('¥1.50');
    expect(formatFen(123_456_789)).toBe('¥1,234,567.89');
    expect(formatFen(-5)).toBe('-¥0.05');
    expect(formatHundredths(150)).toBe('1.5');
    expect(formatHundredths(400)).toBe('4');
    expect(formatHundredths(125)).toBe('1.25');
    expect(formatMonth('2026-10')).toBe('2026年10月');
  });
});
