import { estimateWindowCalls, planWindows } from './attendanceSyncer';
import { addDays, daysBetween, shanghaiDate, shanghaiMidnight } from '../../../util/dates';

describe('attendance window planning', () => {
  it('splits a range into windows of at most 7 days that cover it exactly', () => {
    expect(planWindows('2026-10-01', '2026-10-31')).toEqual([
      { from: '2026-10-01', to: '2026-10-07' },
      { from: '2026-10-08', to: '2026-10-14' },
      { from: '2026-10-15', to: '2026-10-21' },
      { from: '2026-10-22', to: '2026-10-28' },
      { from: '2026-10-29', to: '2026-10-31' },
    ]);
    expect(planWindows('2026-10-05', '2026-10-05')).toEqual([{ from: '2026-10-05', to: '2026-10-05' }]);
    expect(planWindows('2026-10-06', '2026-10-05')).toEqual([]);
  });

  it('estimates two checks per working day per person, 50 rows a page, plus one raw-clock call, per group of 50 people', () => {
    // 2026-10-05 (Mon) .. 2026-10-11 (Sun): 5 working days.
    const week = { from: '2026-10-05', to: '2026-10-11' };
    expect(estimateWindowCalls(50, week)).toBe(10 + 1); // 50 people × 10 checks / 50 per page, one listRecord
    expect(estimateWindowCalls(120, week)).toBe(11 + 11 + 5); // groups of 50, 50, 20
    expect(estimateWindowCalls(1, { from: '2026-10-10', to: '2026-10-11' })).toBe(2); // a weekend still costs both calls
    expect(estimateWindowCalls(0, week)).toBe(0);
  });
});

describe('Asia/Shanghai day arithmetic', () => {
  it('maps instants to Beijing dates and back', () => {
    expect(shanghaiDate(Date.UTC(2026, 9, 31, 16, 0, 0))).toBe('2026-11-01'); // 00:00 Beijing
    expect(shanghaiDate(Date.UTC(2026, 9, 31, 15, 59, 59))).toBe('2026-10-31');
    expect(shanghaiMidnight('2026-11-01')).toBe(Date.UTC(2026, 9, 31, 16, 0, 0));
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-10-01', '2026-10-31')).toBe(30);
  });
});
