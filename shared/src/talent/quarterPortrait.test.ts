/** The quarter's windows (period 2026Q2 = 2026-04..2026-06), computed by the same computePortrait as a month's. */
import { computePortrait, type PersonActivity, type PortraitDeal } from './portrait';
import { assessmentMetrics, type SubmittedAssessment } from './assessmentPortrait';
import { metricSourceRows, metricWindow } from './metricSources';

const empty: PersonActivity = { deals: [], followUps: [], collaborations: [], satisfaction: [] };
const noRenewals = { renewalsByCustomer: new Map<string, string[]>() };
const of = (a: PersonActivity, period: string) => new Map(computePortrait(a, period, noRenewals).map((m) => [m.metric, m]));
const deal = (over: Partial<PortraitDeal>): PortraitDeal => ({
  customerKey: 'c1',
  segment: 'small',
  amountFen: 100_000,
  signedOn: '2026-06-10',
  renewalYears: 0,
  ...over,
});

describe('quarterly portrait windows', () => {
  const deals = [
    deal({ signedOn: '2026-03-31' }), // before the quarter
    deal({ signedOn: '2026-04-01' }),
    deal({ signedOn: '2026-05-15', amountFen: 250_000 }),
    deal({ signedOn: '2026-06-30', segment: 'big', amountFen: 2_000_000 }),
    deal({ signedOn: '2026-07-01' }), // after it
  ];

  it('sums counts and values over the quarter’s three months, where the month counts only its own', () => {
    const q = of({ ...empty, deals }, '2026Q2');
    expect(q.get('smallDeals')).toMatchObject({ value: '2', sample: 2 });
    expect(q.get('smallDealValue')).toMatchObject({ value: '3500', sample: 2 });
    expect(q.get('bigDeals')).toMatchObject({ value: '1', sample: 1 });
    expect(q.get('bigDealValue')!.value).toBe('20000');
    const june = of({ ...empty, deals }, '2026-06');
    expect(june.get('smallDeals')!.value).toBe('0');
    expect(june.get('bigDeals')!.value).toBe('1');
  });

  it('reads the 3-, 12- and 24-month windows ending on the quarter’s last day: the same as its last month', () => {
    const a: PersonActivity = {
      deals: [...deals, deal({ signedOn: '2025-07-01', segment: 'big', amountFen: 5_000_000, customerKey: 'c2' })],
      followUps: [
        { customerKey: 'c1', on: '2026-04-02', bigCustomer: false },
        { customerKey: 'c3', on: '2026-05-02', bigCustomer: true },
        { customerKey: 'c4', on: '2026-06-02', bigCustomer: false },
        { customerKey: 'c5', on: '2026-03-31', bigCustomer: true }, // outside the quarter, inside 24 months
      ],
      collaborations: [
        { on: '2026-04-05', withDepartment: '技术部' },
        { on: '2026-06-05', withDepartment: '技术部' },
        { on: '2026-03-05', withDepartment: '售后部' },
      ],
      satisfaction: [{ on: '2025-07-01', scoreTenths: 80 }],
    };
    const q = of(a, '2026Q2');
    const june = of(a, '2026-06');
    for (const k of ['bigRevenueShare', 'closeRate', 'bigCycleDays', 'renewalRate', 'satisfaction', 'collaborationsPerMonth', 'bigClientMonths'] as const)
      expect([k, q.get(k)]).toEqual([k, june.get(k)]);
    // The quarter's 成交率 is over the customers followed up within it: c1 signed after its first follow-up.
    expect(q.get('closeRate')).toMatchObject({ value: '33.3', sample: 3 });
    // Collaborations of the quarter ÷ 3.
    expect(q.get('collaborationsPerMonth')).toMatchObject({ value: '0.7', sample: 2 });
    expect(q.get('bigClientMonths')).toMatchObject({ value: '2', sample: 4 });
    // 12 months end on 2026-06-30: the 2025-07-01 deal counts.
    expect(q.get('satisfaction')).toMatchObject({ value: '8', sample: 1 });
  });

  it('lists the quarter’s source rows by the same windows', () => {
    expect(metricWindow('smallDeals', '2026Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(metricWindow('closeRate', '2026Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(metricWindow('bigRevenueShare', '2026Q2')).toEqual({ from: '2025-07-01', to: '2026-06-30' });
    expect(metricWindow('bigClientMonths', '2026Q4')).toEqual({ from: '2025-01-01', to: '2026-12-31' });
    const src = { deals: deals.map((d, i) => ({ ...d, id: String(i), customerName: '甲' })), followUps: [], collaborations: [], satisfaction: [] };
    expect(metricSourceRows('smallDeals', src, '2026Q2', new Map()).map((r) => r.on)).toEqual(['2026-05-15', '2026-04-01']);
  });

  it('takes assessments of the 12 months ending with the quarter', () => {
    const sheet = (submittedOn: string): SubmittedAssessment => ({
      responseId: 1,
      cycleId: 1,
      versionId: 1,
      role: 'self',
      submittedOn,
      scores: [{ dimension: 'customerInsight', label: '客户洞察', score: '70', items: 2, answered: 2 }],
    });
    expect(assessmentMetrics([sheet('2025-07-01')], '2026Q2')).not.toEqual([]);
    expect(assessmentMetrics([sheet('2025-06-30')], '2026Q2')).toEqual([]);
  });
});
