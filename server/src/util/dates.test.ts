import { windowEnd } from './dates';

describe('windowEnd', () => {
  it('ends a full window maxDays after its start, or on the last day when that comes first', () => {
    expect(windowEnd('2026-10-01', 7, '2026-10-31')).toBe('2026-10-07');
    expect(windowEnd('2026-10-01', 120, '2026-10-31')).toBe('2026-10-31');
    expect(windowEnd('2026-10-31', 7, '2026-10-31')).toBe('2026-10-31');
    // Across a month and a year end.
    expect(windowEnd('2026-12-28', 7, '2027-03-01')).toBe('2027-01-03');
  });
});
