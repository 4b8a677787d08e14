import { leavesOf } from './leavePlan';
import type { AttendancePerson } from './attendancePeople';
import { hash53, stableNumericId, stableUuid } from './stableIds';
import { chinaDayNumber, dayStartMs, formatChinaDateTime, isWorkingDay, parseChinaDateTime, workingDayAfter } from './workCalendar';

describe('workCalendar', () => {
  it('parses and formats "yyyy-MM-dd HH:mm:ss" as Beijing time and rejects impossible dates', () => {
    const ms = parseChinaDateTime('2026-10-12 09:00:00')!;
    expect(ms).toBe(Date.UTC(2026, 9, 12, 1));
    expect(formatChinaDateTime(ms)).toBe('2026-10-12 09:00:00');
    for (const bad of ['2026-10-12', '2026-02-30 00:00:00', '2026-10-12 24:00:00', '2026/10/12 00:00:00', '']) expect(parseChinaDateTime(bad)).toBeUndefined();
  });

  it('numbers days in China time and knows Monday to Friday', () => {
    const monday = chinaDayNumber(parseChinaDateTime('2026-10-12 00:00:00')!);
    expect(chinaDayNumber(parseChinaDateTime('2026-10-12 23:59:59')!)).toBe(monday);
    expect(dayStartMs(monday)).toBe(parseChinaDateTime('2026-10-12 00:00:00'));
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => isWorkingDay(monday + i))).toEqual([true, true, true, true, true, false, false]);
    expect(workingDayAfter(monday + 3, 2) - monday).toBe(7); // Thursday + 2 working days = next Monday
  });
});

describe('stableIds', () => {
  it('derives ids from keys: stable, in range, shaped like DingTalk ids', () => {
    expect(hash53('a:b')).toBe(hash53('a:b'));
    expect(hash53('a:b')).not.toBe(hash53('a:c'));
    expect(hash53('a:b', 1)).not.toBe(hash53('a:b', 2));
    const id = stableNumericId(['x', 1]);
    expect(Number.isSafeInteger(id) && id >= 1e14 && id < 1e15).toBe(true);
    expect(String(stableNumericId(['x', 1], 9))).toHaveLength(9);
    expect(stableUuid(['p', 1])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const ids = new Set(Array.from({ length: 100_000 }, (_, i) => stableNumericId(['c', 's', 'result', `u${i % 1000}`, Math.floor(i / 1000)])));
    expect(ids.size).toBe(100_000);
  });
});

describe('leavesOf', () => {
  const person: AttendancePerson = { userid: 'u1', firstDay: 0, sales: false, workPlace: '杭州', leaveFactor: 1.6, latenessFactor: 1, deviceId: 'd' };
  const start = chinaDayNumber(parseChinaDateTime('2025-01-06 00:00:00')!);

  it('gives any window the leaves the whole history has there, never overlapping', () => {
    const year = leavesOf(7, person, start, start + 364, start + 1000);
    expect(year.length).toBeGreaterThan(3);
    for (let i = 1; i < year.length; i++) expect(year[i]!.firstDay).toBeGreaterThan(year[i - 1]!.lastDay);
    for (let from = start; from < start + 364; from += 17) {
      const window = leavesOf(7, person, from, from + 6, start + 1000);
      expect(window).toEqual(year.filter((l) => l.lastDay >= from && l.firstDay <= from + 6));
    }
  });

  it('has no leave outside employment or from the corp today on', () => {
    const employed = { ...person, firstDay: start + 100, lastDay: start + 200 };
    const leaves = leavesOf(7, employed, start, start + 364, start + 150);
    expect(leaves.every((l) => l.firstDay >= start + 100 && l.lastDay <= start + 200 && l.firstDay < start + 150)).toBe(true);
  });
});
