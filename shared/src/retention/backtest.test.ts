import { backtestRisks } from './backtest';

describe('backtest of weekly risks against who left', () => {
  const people = [
    { userid: 'early', lastDay: '2026-10-31' }, // flagged 高 in the week ending 2026-09-27: 34 days ahead
    { userid: 'late', lastDay: '2026-10-31' }, // flagged 高 only in the week ending 2026-10-04: 27 days ahead
    { userid: 'medium', lastDay: '2026-10-31' }, // flagged 中 in time
    { userid: 'quiet', lastDay: '2026-10-31' }, // never flagged
    { userid: 'alarm', lastDay: null }, // stayer flagged 高 long ago: a false alarm
    { userid: 'fresh', lastDay: null }, // stayer flagged 高 last week only: not judged yet
    { userid: 'calm', lastDay: null },
  ];
  const risks = [
    { userid: 'early', weekStart: '2026-09-21', band: '高' as const },
    { userid: 'early', weekStart: '2026-09-14', band: '中' as const },
    { userid: 'late', weekStart: '2026-09-28', band: '高' as const },
    { userid: 'late', weekStart: '2026-09-21', band: '低' as const },
    { userid: 'medium', weekStart: '2026-09-07', band: '中' as const },
    { userid: 'alarm', weekStart: '2026-09-07', band: '高' as const },
    { userid: 'fresh', weekStart: '2026-11-23', band: '高' as const },
    { userid: 'calm', weekStart: '2026-09-07', band: '低' as const },
    { userid: 'stranger', weekStart: '2026-09-07', band: '高' as const },
  ];

  it('counts leavers flagged 高 at least 30 days ahead, and precision and recall by band', () => {
    const r = backtestRisks(people, risks, { asOf: '2026-12-05' });
    expect(r).toMatchObject({ leadDays: 30, leavers: 4, stayers: 3, leaversFlaggedHighInTime: 1, missed: ['late', 'medium', 'quiet'] });
    expect(r.byBand[0]).toEqual({ band: '高', flagged: 2, flaggedLeavers: 1, flaggedStayers: 1, precision: 0.5, recall: 0.25 });
    // 中 or above: early, medium and late (its 低 week was in time, its 高 week was not: 低 does not count) → early, medium; alarm.
    expect(r.byBand[1]).toEqual({ band: '中及以上', flagged: 3, flaggedLeavers: 2, flaggedStayers: 1, precision: 2 / 3, recall: 0.5 });
  });

  it('leaves out leavers gone before a flag could have come in time', () => {
    const people2 = [...people, { userid: 'gone', lastDay: '2026-09-20' }];
    expect(backtestRisks(people2, risks, { asOf: '2026-12-05' }).leavers).toBe(5);
    const r = backtestRisks(people2, risks, { asOf: '2026-12-05', evaluatedFrom: '2026-09-07' });
    expect(r).toMatchObject({ leavers: 4, leaversFlaggedHighInTime: 1 });
    expect(r.missed).not.toContain('gone');
  });

  it('takes a shorter lead when asked and says null when there is nothing to divide', () => {
    expect(backtestRisks(people, risks, { asOf: '2026-12-05', leadDays: 20 }).leaversFlaggedHighInTime).toBe(2);
    const none = backtestRisks([{ userid: 'a', lastDay: null }], [], { asOf: '2026-12-05' });
    expect(none.byBand[0]).toMatchObject({ flagged: 0, precision: null, recall: null });
  });
});
