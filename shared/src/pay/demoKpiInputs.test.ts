import { demoSurvey, demoTeamProjectRating, stableHash } from './demoKpiInputs';

describe('the demo company’s KPI inputs', () => {
  it('scores a big renewed customer with follow-ups from other departments higher than a small one, deterministically', () => {
    const big = demoSurvey({ key: 'deal:1', amountFen: 15_000_000, renewalYears: 2, collaborations: 3 });
    const small = demoSurvey({ key: 'deal:1', amountFen: 300_000, renewalYears: 0, collaborations: 0 });
    expect(big).toEqual(demoSurvey({ key: 'deal:1', amountFen: 15_000_000, renewalYears: 2, collaborations: 3 }));
    expect(big.scoreTenths - small.scoreTenths).toBe(10 + 8 + 9);
    expect(big.scoreTenths).toBeGreaterThanOrEqual(94);
    expect(small.scoreTenths).toBeLessThanOrEqual(73);
    for (let i = 0; i < 200; i++) {
      const s = demoSurvey({ key: `k${i}`, amountFen: 100, renewalYears: 0, collaborations: 0 });
      expect(s.scoreTenths).toBeGreaterThanOrEqual(67);
      expect(s.day).toBeGreaterThanOrEqual(5);
      expect(s.day).toBeLessThanOrEqual(24);
    }
    expect(stableHash('abc')).toBe(stableHash('abc'));
  });

  it('rates team-project contribution from the month’s collaborations, with a comment', () => {
    expect([0, 1, 3, 6, 12].map((n) => demoTeamProjectRating(n).rating)).toEqual([2, 3, 4, 5, 5]);
    expect(demoTeamProjectRating(7).comment).toBe('本月跨部门协作 7 次，带动技术、客服等同事推进团队项目');
  });
});
