import { baselinePeriods, guaranteeInputOf, rampMonthOf } from './guaranteeBaseline';
import { computePayout } from './payoutCalculator';
import type { IncentivePlanDefinition } from './planTypes';

describe('the guarantee input of a payout run', () => {
  it('counts the ramp from the month the stint began and averages the three months before it', () => {
    expect(rampMonthOf('2026-06-15', '2026-06')).toBe(1);
    expect(rampMonthOf('2026-06-01', '2026-07')).toBe(2);
    expect(rampMonthOf('2025-11-01', '2026-01')).toBe(3);
    expect(baselinePeriods('2026-01-10')).toEqual(['2025-10', '2025-11', '2025-12']);
  });

  it('rounds the average once, half away from zero, and says where each month came from', () => {
    const g = guaranteeInputOf(2, '销售提成方案（原）', [
      { period: '2026-03', amountFen: 800_000, from: 'statement' },
      { period: '2026-04', amountFen: 800_001, from: 'statement' },
      { period: '2026-05', amountFen: 800_000, from: 'recomputed' },
    ]);
    // 2,400,001 / 3 = 800,000.33… → 800,000
    expect(g).toEqual({
      monthOfRamp: 2,
      baselineFen: 800_000,
      baselineNote: '原方案“销售提成方案（原）”2026-03 至 2026-05（3 个月，2 个月取自已锁定的发放批次，1 个月按原方案重算）月均激励',
    });
    expect(
      guaranteeInputOf(1, '原', [
        { period: '2026-05', amountFen: 1, from: 'recomputed' },
        { period: '2026-04', amountFen: 0, from: 'recomputed' },
      ])!.baselineFen,
    ).toBe(1);
    expect(guaranteeInputOf(1, '原', [])).toBeNull();
  });

  it('feeds the calculator: the floor tops the period up, and the line explains it', () => {
    const plan: IncentivePlanDefinition = {
      components: [{ id: 'contract', kind: 'percentOfContract', label: '合同提成', rateBp: 80 }],
      guarantee: { rampMonths: 3, floorBp: 10_000 },
    };
    const guarantee = guaranteeInputOf(2, '销售提成方案（原）', [{ period: '2026-05', amountFen: 800_000, from: 'statement' }]);
    const r = computePayout(plan, { contracts: [{ valueFen: 30_000_000, satisfactionTenths: null, renewalYears: 0 }], guarantee });
    expect(r.lines.map((l) => l.amountFen)).toEqual([240_000, 560_000]);
    expect(r.lines[1]!.explanation).toBe(
      '转型第 2 个月（保底共 3 个月）：原方案“销售提成方案（原）”2026-05（1 个月，1 个月取自已锁定的发放批次）月均激励 8,000.00 元 × 100% = 保底 8,000.00 元；本期各项合计 2,400.00 元，补足 5,600.00 元',
    );
  });
});
