import { adjustmentLine, clawbackLine, periodDays, statementTotal, type PaidLine } from './payoutRun';
import { computePayout } from './payoutCalculator';
import type { IncentivePlanDefinition } from './planTypes';

const paid = (over: Partial<PaidLine> = {}): PaidLine => ({
  id: 41,
  component: 'contract',
  kind: 'percentOfContract',
  label: '合同提成',
  amountFen: 120_000,
  rate: '0.8%',
  contractRef: 'deal:dingtalk:HT-1',
  period: '2026-10',
  ...over,
});

describe('periodDays', () => {
  it('gives the first and last day of a month, leap years included, and refuses anything else', () => {
    expect(periodDays('2026-11')).toEqual({ first: '2026-11-01', last: '2026-11-30' });
    expect(periodDays('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(periodDays('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    for (const bad of ['2026-13', '2026-1', '202611', '2026-00', '']) expect(periodDays(bad)).toBeNull();
  });
});

describe('clawbackLine', () => {
  it('takes back exactly what was paid: a positive line becomes a negative one of the same size, at the paid rate', () => {
    const line = clawbackLine(paid(), '合同 HT-1', '已取消');
    expect(line.amountFen).toBe(-120_000);
    expect(line.amountFen + paid().amountFen).toBe(0);
    expect(line).toMatchObject({ origin: 'clawback', rate: '0.8%', originalLineId: 41, contractRef: 'deal:dingtalk:HT-1', component: 'contract' });
    expect(line.explanation).toBe('合同 HT-1 已取消，追回 2026 年 10 月已发的“合同提成” 1,200.00 元（按当时比例 0.8%）：-1,200.00 元');
  });

  it('never flips the sign twice: the clawback of every line of the articles’ contract sums to minus what was paid', () => {
    const plan: IncentivePlanDefinition = {
      components: [
        { id: 'contract', kind: 'percentOfContract', label: '合同提成', rateBp: 80 },
        { id: 'satisfaction', kind: 'thresholdBonus', label: '满意度奖金', metric: 'satisfaction', thresholdTenths: 90, amountFen: 500_000 },
        { id: 'renewal', kind: 'renewalPercent', label: '续约提成', rateBpPerYear: 50 },
      ],
    };
    const result = computePayout(plan, { contracts: [{ ref: 'deal:dingtalk:HT-1', valueFen: 15_000_000, satisfactionTenths: 92, renewalYears: 2 }] });
    expect(result.totalFen).toBe(770_000);
    const back = result.lines.map((l, i) => clawbackLine(paid({ id: i + 1, amountFen: l.amountFen, rate: l.rate, label: l.label }), '合同 HT-1', '已取消'));
    expect(back.map((l) => l.amountFen)).toEqual([-120_000, -500_000, -150_000]);
    expect(statementTotal(back.map((l) => l.amountFen)).totalFen).toBe(-770_000);
  });

  it('takes back an odd-fen line exactly (no second rounding)', () => {
    expect(clawbackLine(paid({ amountFen: 3 }), 'x', '已取消').amountFen).toBe(-3);
  });
});

describe('adjustmentLine and statementTotal', () => {
  it('pays an adjustment with its reason, either sign', () => {
    expect(adjustmentLine({ id: 7, amountFen: 20_000, reason: '漏算一次协作', disputeId: 3 })).toMatchObject({
      origin: 'adjustment',
      amountFen: 20_000,
      adjustmentId: 7,
      explanation: '申诉 #3 处理结果：漏算一次协作，补发 200.00 元',
    });
    expect(adjustmentLine({ id: 8, amountFen: -500, reason: '重复计算', disputeId: null }).explanation).toBe('调整：重复计算，扣回 5.00 元');
  });
  it('adds lines as integers', () => {
    expect(statementTotal([930_000, -120_000, 20_000])).toEqual({ totalFen: 830_000, explanation: '9,300.00 − 1,200.00 + 200.00 = 8,300.00 元' });
    expect(statementTotal([]).totalFen).toBe(0);
  });
});
