import { addDays, daysBetween, isWeekend, weekStartOf, weeksEnding } from './weeks';

describe('week arithmetic', () => {
  it('finds Mondays and counts days across months and years', () => {
    expect(weekStartOf('2026-12-05')).toBe('2026-11-30'); // a Saturday
    expect(weekStartOf('2026-11-30')).toBe('2026-11-30');
    expect(weekStartOf('2026-01-01')).toBe('2025-12-29');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2025-12-29', '2026-01-05')).toBe(7);
    expect(isWeekend('2026-12-05')).toBe(true);
    expect(isWeekend('2026-12-04')).toBe(false);
    expect(weeksEnding('2026-11-30', 3)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
  });
});
