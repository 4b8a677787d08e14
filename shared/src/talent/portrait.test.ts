import { BIG_CLIENT_SALES_MODEL } from './jobModelTemplates';
import { validateJobModel } from './jobModelValidation';
import { scoreMatch } from './matchScore';
import { addMonths, computePortrait, monthEnd, type PersonActivity, type PortraitDeal } from './portrait';
import { inputsFromPortrait } from './portraitInputs';

const PERIOD = '2026-06';
const empty: PersonActivity = { deals: [], followUps: [], collaborations: [], satisfaction: [] };
const noRenewals = { renewalsByCustomer: new Map<string, string[]>() };
const byMetric = (a: PersonActivity, ctx = noRenewals) => new Map(computePortrait(a, PERIOD, ctx).map((m) => [m.metric, m]));
const deal = (over: Partial<PortraitDeal>): PortraitDeal => ({
  customerKey: 'c1',
  segment: 'small',
  amountFen: 300_000,
  signedOn: '2026-06-10',
  renewalYears: 0,
  ...over,
});

describe('month helpers', () => {
  it('shift months and find the last day', () => {
    expect(addMonths('2026-06', -5)).toBe('2026-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-06', -23)).toBe('2024-07');
    expect(monthEnd('2026-02')).toBe('2026-02-28');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
  });
});

describe('portrait metrics', () => {
  it('says 数据不足 with what is missing for someone with no data, never a zero rate', () => {
    const m = byMetric(empty);
    for (const k of ['bigRevenueShare', 'closeRate', 'bigCycleDays', 'renewalRate', 'satisfaction', 'collaborationsPerMonth', 'bigClientMonths'] as const) {
      expect(m.get(k)!.value).toBeNull();
      expect(m.get(k)!.missing).toMatch(/^数据不足：/);
    }
    // Counts of deals in the month are facts (none), not estimates.
    expect(m.get('bigDeals')).toMatchObject({ value: '0', sample: 0, missing: null });
    expect(m.get('closeRate')!.missing).toBe('数据不足：近 3 个月跟进的客户 0 个，少于 3 个');
  });

  it('counts deals and value by segment in the month, and the big-client share over 12 months', () => {
    const m = byMetric({
      ...empty,
      deals: [
        deal({ amountFen: 300_000 }),
        deal({ segment: 'big', amountFen: 15_000_050, signedOn: '2026-06-30' }),
        deal({ segment: 'big', amountFen: 2_000_000, signedOn: '2025-07-01' }),
        deal({ amountFen: 700_000, signedOn: '2025-06-30' }), // 12 months start on 2025-07-01
      ],
    });
    expect(m.get('smallDeals')).toMatchObject({ value: '1', sample: 1 });
    expect(m.get('bigDeals')).toMatchObject({ value: '1', sample: 1 });
    expect(m.get('bigDealValue')!.value).toBe('150000.5');
    expect(m.get('smallDealValue')!.value).toBe('3000');
    // (15,000,050 + 2,000,000) / 17,300,050 = 98.27…%
    expect(m.get('bigRevenueShare')).toMatchObject({ value: '98.3', sample: 3 });
  });

  it('close rate: customers followed up in 3 months that signed on or after the first follow-up there', () => {
    const f = (customerKey: string, on: string) => ({ customerKey, on, bigCustomer: false });
    const m = byMetric({
      ...empty,
      followUps: [f('a', '2026-04-02'), f('a', '2026-05-02'), f('b', '2026-04-10'), f('c', '2026-06-01'), f('d', '2026-03-31')],
      deals: [
        deal({ customerKey: 'a', signedOn: '2026-05-20' }),
        deal({ customerKey: 'c', signedOn: '2026-05-30' }),
        deal({ customerKey: 'd', signedOn: '2026-04-01' }),
      ],
    });
    // a signed after following up; b did not sign; c signed before the follow-up; d was followed before the window.
    expect(m.get('closeRate')).toMatchObject({ value: '33.3', sample: 3, detail: { signed: 1 } });
  });

  it('big-client cycle: new big deals, from the earliest follow-up in the 90 days before signing', () => {
    const f = (customerKey: string, on: string) => ({ customerKey, on, bigCustomer: true });
    const m = byMetric({
      ...empty,
      followUps: [f('a', '2026-01-01'), f('a', '2026-05-01'), f('a', '2026-05-10'), f('b', '2026-03-01')],
      deals: [
        deal({ customerKey: 'a', segment: 'big', signedOn: '2026-05-16' }), // 15 days (01-01 is beyond 90 days)
        deal({ customerKey: 'b', segment: 'big', signedOn: '2026-03-31' }), // 30 days
        deal({ customerKey: 'b', segment: 'big', signedOn: '2026-04-30', renewalYears: 1 }), // a renewal: not a sale cycle
      ],
    });
    expect(m.get('bigCycleDays')).toMatchObject({ value: '22.5', sample: 2 });
  });

  it('renewal rate: contracts whose term ended in 24 months (and 60 days before the month end), renewed within 60 days of the end', () => {
    const deals = [
      deal({ customerKey: 'a', signedOn: '2024-09-01' }), // ends 2025-09-01, renewed
      deal({ customerKey: 'b', signedOn: '2024-10-01' }), // ends 2025-10-01, not renewed
      deal({ customerKey: 'c', signedOn: '2023-06-01', renewalYears: 2 }), // ends 2025-05-31, renewed (by a successor)
      deal({ customerKey: 'd', signedOn: '2025-05-15' }), // ends 2026-05-15: within 60 days of the month end, not due yet
      deal({ customerKey: 'e', signedOn: '2022-01-01' }), // ended 2023: outside 24 months
    ];
    const ctx = {
      renewalsByCustomer: new Map([
        ['a', ['2025-09-01']],
        ['c', ['2025-06-20']],
        ['b', ['2025-12-31']],
      ]),
    };
    expect(byMetric({ ...empty, deals }, ctx).get('renewalRate')).toMatchObject({ value: '66.7', sample: 3, detail: { renewed: 2 } });
  });

  it('collaborations per month over 3 months with the departments; satisfaction as the mean of imported scores', () => {
    const m = byMetric({
      ...empty,
      followUps: [{ customerKey: 'a', on: '2026-05-01', bigCustomer: false }],
      collaborations: [
        { on: '2026-04-01', withDepartment: '技术部' },
        { on: '2026-05-01', withDepartment: '客户成功部' },
        { on: '2026-06-30', withDepartment: '技术部' },
        { on: '2026-03-31', withDepartment: '技术部' },
      ],
      satisfaction: [
        { on: '2026-01-05', scoreTenths: 92 },
        { on: '2026-02-05', scoreTenths: 85 },
      ],
    });
    expect(m.get('collaborationsPerMonth')).toMatchObject({ value: '1', sample: 3, detail: { byDepartment: { 客户成功部: 1, 技术部: 2 } } });
    expect(m.get('satisfaction')).toMatchObject({ value: '8.9', sample: 2 });
  });
});

describe('王五 from data: 2 years of big-client follow-up, 8 collaborations a month, 85% renewal → ≥ 80', () => {
  it('scores move on the built-in model', () => {
    const followUps = Array.from({ length: 24 }, (_, i) => ({ customerKey: 'big1', on: `${addMonths('2024-07', i)}-15`, bigCustomer: true }));
    const collaborations = Array.from({ length: 24 }, (_, i) => ({
      on: `${addMonths('2026-04', i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}`,
      withDepartment: '技术部',
    }));
    // 20 contracts came up for renewal in the 24 months; 17 were renewed: 85%.
    const deals = Array.from({ length: 20 }, (_, i) =>
      deal({ customerKey: `k${i}`, segment: 'big', amountFen: 5_000_000, signedOn: `${addMonths('2023-08', i)}-01` }),
    );
    const renewalsByCustomer = new Map(deals.slice(0, 17).map((d) => [d.customerKey, [`${String(Number(d.signedOn.slice(0, 4)) + 1)}${d.signedOn.slice(4)}`]]));
    const portrait = computePortrait({ deals, followUps, collaborations, satisfaction: [] }, PERIOD, { renewalsByCustomer });
    const values = new Map(portrait.map((m) => [m.metric as string, m.value]));
    expect(values.get('bigClientMonths')).toBe('24');
    expect(values.get('collaborationsPerMonth')).toBe('8');
    expect(values.get('renewalRate')).toBe('85');
    const compiled = validateJobModel(BIG_CLIENT_SALES_MODEL.definition);
    if (!compiled.ok) throw new Error('template invalid');
    const r = scoreMatch(compiled.compiled, inputsFromPortrait(compiled.compiled, values));
    expect(r.tier).toBe('move');
    expect(r.scoreT!).toBeGreaterThanOrEqual(800);
  });
});
