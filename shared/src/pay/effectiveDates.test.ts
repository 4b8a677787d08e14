import { dayBefore, inEffect, isDay, placeRange, rangeProblems, rangeText } from './effectiveDates';

describe('effective dates', () => {
  it('knows real days', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-2-1')).toBe(false);
    expect(isDay(20260201)).toBe(false);
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
    expect(inEffect({ from: '2026-01-01', to: '2026-06-30' }, '2026-06-30')).toBe(true);
    expect(inEffect({ from: '2026-01-01', to: '2026-06-30' }, '2026-07-01')).toBe(false);
    expect(inEffect({ from: '2026-01-01', to: null }, '2099-01-01')).toBe(true);
    expect(rangeText({ from: '2026-07-01', to: null })).toBe('2026-07-01 起');
  });

  const v1 = { id: 1, from: '2026-01-01', to: null };

  it('lets a new range take over from the open-ended one that started earlier', () => {
    expect(placeRange([v1], { from: '2026-07-01', to: null })).toEqual({ ok: true, supersede: { item: v1, newTo: '2026-06-30' } });
    expect(placeRange([], { from: '2026-07-01', to: null })).toEqual({ ok: true, supersede: null });
    expect(placeRange([{ id: 1, from: '2026-01-01', to: '2026-06-30' }], { from: '2026-07-01', to: null })).toEqual({ ok: true, supersede: null });
  });

  it('refuses overlaps it cannot resolve by ending the open-ended range', () => {
    const closed = { id: 1, from: '2026-01-01', to: '2026-06-30' };
    expect(placeRange([closed], { from: '2026-06-01', to: null })).toEqual({ ok: false, conflict: closed });
    // Same start as the open-ended one: nothing to end.
    expect(placeRange([v1], { from: '2026-01-01', to: null })).toEqual({ ok: false, conflict: v1 });
    // Starting before it.
    expect(placeRange([v1], { from: '2025-12-01', to: '2026-01-01' })).toEqual({ ok: false, conflict: v1 });
    // Two ranges in the way.
    const later = { id: 2, from: '2026-09-01', to: null };
    expect(placeRange([closed, later], { from: '2026-05-01', to: '2026-10-01' })).toEqual({ ok: false, conflict: closed });
    expect(placeRange([closed, later], { from: '2026-07-01', to: null })).toEqual({ ok: false, conflict: later });
    expect(placeRange([closed, later], { from: '2026-07-01', to: '2026-08-31' })).toEqual({ ok: true, supersede: null });
  });

  it('names bad dates', () => {
    expect(rangeProblems('2026-13-01', null)).toEqual([{ field: 'effectiveFrom', message: '应为日期 yyyy-mm-dd，如 2026-07-01' }]);
    expect(rangeProblems('2026-07-01', '2026-06-30')).toEqual([{ field: 'effectiveTo', message: '不能早于生效日期 2026-07-01' }]);
    expect(rangeProblems('2026-07-01', '')).toEqual([{ field: 'effectiveTo', message: '应为日期 yyyy-mm-dd 或留空（长期有效）' }]);
    expect(rangeProblems('2026-07-01', null)).toEqual([]);
  });
});
