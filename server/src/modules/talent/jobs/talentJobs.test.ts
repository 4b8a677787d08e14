import { firstStartTalentPeriods, lastCompletePeriod } from './talentJobs';

describe('the months a first start computes talent for', () => {
  const now = new Date('2026-12-06T02:00:00Z');

  it('are the quarter-end months before the last complete one whose 3-month window the first sync covers whole', () => {
    expect(lastCompletePeriod(now)).toBe('2026-11');
    // The demo's 182 days reach back to 2026-06-07: 2026-09 (July–September) is whole, 2026-06 (April–June) is not.
    expect(firstStartTalentPeriods(182, now)).toEqual(['2026-09']);
    // 400 days reach 2025-11-01: three quarters whole, 2025-12 (October–December) cut off.
    expect(firstStartTalentPeriods(400, now)).toEqual(['2026-03', '2026-06', '2026-09']);
    // A month's lookback (a real corp's default) adds nothing.
    expect(firstStartTalentPeriods(31, now)).toEqual([]);
  });
});
