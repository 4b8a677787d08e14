import { promotionStreak } from './promotionStreak';

describe('promotion streak: 3 consecutive months meeting KPI', () => {
  it('is eligible after three consecutive months at or above the pass score, with the evidence', () => {
    const r = promotionStreak([
      { period: '2026-11', total: 90, passScore: 80 },
      { period: '2026-09', total: '85.5', passScore: 80 },
      { period: '2026-10', total: 80, passScore: 80 },
      { period: '2026-08', total: 70, passScore: 80 },
    ]);
    expect(r.eligible).toBe(true);
    expect(r.streak).toBe(3);
    expect(r.evidence).toEqual([
      { period: '2026-09', total: '85.5', passScore: '80' },
      { period: '2026-10', total: '80', passScore: '80' },
      { period: '2026-11', total: '90', passScore: '80' },
    ]);
    expect(r.explanation).toBe('2026-09（85.5 分 ≥ 80）、2026-10（80 分 ≥ 80）、2026-11（90 分 ≥ 80）连续 3 个月达标，具备晋升资格');
  });

  it('shows only the required months as evidence of a longer streak, across a year end', () => {
    const r = promotionStreak(['2026-10', '2026-11', '2026-12', '2027-01'].map((period) => ({ period, total: 88, passScore: 80 })));
    expect(r.streak).toBe(4);
    expect(r.evidence.map((e) => e.period)).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('breaks on a missed month, a month without a score, or a gap', () => {
    const missed = promotionStreak([
      { period: '2026-09', total: 90, passScore: 80 },
      { period: '2026-10', total: '79.99', passScore: 80 },
      { period: '2026-11', total: 90, passScore: 80 },
    ]);
    expect(missed).toMatchObject({ eligible: false, streak: 1, explanation: '2026-11（90 分 ≥ 80）连续达标 1 个月，还需 2 个月' });
    const gap = promotionStreak([
      { period: '2026-08', total: 90, passScore: 80 },
      { period: '2026-10', total: 90, passScore: 80 },
      { period: '2026-11', total: 90, passScore: 80 },
    ]);
    expect(gap).toMatchObject({ eligible: false, streak: 2 });
    const unscored = promotionStreak([
      { period: '2026-09', total: 90, passScore: 80 },
      { period: '2026-10', total: 90, passScore: 80 },
      { period: '2026-11', total: null, passScore: 80 },
    ]);
    expect(unscored).toMatchObject({ eligible: false, streak: 0, evidence: [], explanation: '最近一个月未达标或无得分，连续达标 0 个月，还需 3 个月' });
    expect(promotionStreak([])).toMatchObject({ eligible: false, streak: 0 });
  });

  it('follows each month’s own pass score and a configurable length', () => {
    const r = promotionStreak(
      [
        { period: '2026-10', total: 75, passScore: 70 },
        { period: '2026-11', total: 75, passScore: 80 },
      ],
      1,
    );
    expect(r).toMatchObject({ eligible: false, streak: 0 });
    expect(promotionStreak([{ period: '2026-10', total: 75, passScore: 70 }], 1)).toMatchObject({ eligible: true, streak: 1 });
  });
});
