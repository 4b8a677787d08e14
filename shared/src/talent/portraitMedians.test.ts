import { COMPANY_GROUP, MEDIAN_MIN_PEOPLE, medianOf, portraitMedians, teamGroup } from './portraitMedians';
import { checkMetricReference } from './metricReference';
import { metricSourceRows, metricWindow, type SourceActivity } from './metricSources';

describe('medianOf', () => {
  it('takes the middle value of an odd count, exactly as stored', () => {
    expect(medianOf(['30', '12.5', '18'])).toBe('18');
    expect(medianOf(['85.7'])).toBe('85.7');
  });
  it('averages the two middle values of an even count, rounded once half away from zero to the inputs decimals', () => {
    expect(medianOf(['2', '3'])).toBe('2.5');
    expect(medianOf(['10', '20', '30', '40'])).toBe('25');
    // 12.25 → 12.3 (one decimal, half away from zero), never through a float.
    expect(medianOf(['12.2', '12.3', '1', '99'])).toBe('12.3');
    // Yuan keep two decimals: (100.01 + 100.02) / 2 = 100.015 → 100.02.
    expect(medianOf(['100.01', '100.02'])).toBe('100.02');
  });
  it('sorts by value, not by text, and ignores what is not a decimal', () => {
    expect(medianOf(['9', '10', '100'])).toBe('10');
    expect(medianOf(['abc', '5', '7', '6'])).toBe('6');
    expect(medianOf([])).toBeNull();
  });
});

describe('portraitMedians', () => {
  const person = (team: number | null, values: Record<string, string | null>) => ({
    team: team === null ? null : teamGroup(team),
    metrics: Object.entries(values).map(([metric, value]) => ({ metric, value })),
  });

  it('gives the company and each main department a median over the people with a value, with sample sizes', () => {
    const out = portraitMedians([
      person(1, { bigCycleDays: '20', closeRate: '50' }),
      person(1, { bigCycleDays: '30', closeRate: null }),
      person(1, { bigCycleDays: '40', closeRate: '70' }),
      person(2, { bigCycleDays: '10', closeRate: '40' }),
      person(null, { bigCycleDays: '15', closeRate: '60' }),
    ]);
    const find = (group: string, metric: string) => out.find((m) => m.group === group && m.metric === metric);
    expect(find(COMPANY_GROUP, 'bigCycleDays')).toEqual({
      group: 'company',
      metric: 'bigCycleDays',
      median: '20',
      people: 5,
      population: 5,
      missing: null,
    });
    // 数据不足 values are left out, never counted as zero: 40, 50, 60, 70 → 55.
    expect(find(COMPANY_GROUP, 'closeRate')).toMatchObject({ median: '55', people: 4, population: 5 });
    expect(find('dept:1', 'bigCycleDays')).toMatchObject({ median: '30', people: 3, population: 3, missing: null });
    // The company group comes first; people without a main department count for the company only.
    expect(out[0]!.group).toBe(COMPANY_GROUP);
    expect(out.some((m) => m.group === 'dept:null')).toBe(false);
  });

  it(`says 数据不足 with how many people had a value when fewer than ${MEDIAN_MIN_PEOPLE} did`, () => {
    const out = portraitMedians([
      person(1, { closeRate: '50' }),
      person(1, { closeRate: null }),
      person(1, { closeRate: '70' }),
      person(2, { closeRate: '40' }),
    ]);
    const team1 = out.find((m) => m.group === 'dept:1' && m.metric === 'closeRate')!;
    expect(team1.median).toBeNull();
    expect(team1.people).toBe(2);
    expect(team1.population).toBe(3);
    expect(team1.missing).toBe('数据不足：本部门有此指标数据的只有 2 人（共 3 人有画像），中位数至少需要 3 人');
    const team2 = out.find((m) => m.group === 'dept:2' && m.metric === 'closeRate')!;
    expect(team2.missing).toBe('数据不足：本部门有此指标数据的只有 1 人（共 1 人有画像），中位数至少需要 3 人');
    // The company has three values: a median.
    expect(out.find((m) => m.group === COMPANY_GROUP)).toMatchObject({ median: '50', people: 3, population: 4 });
  });
});

describe('checkMetricReference', () => {
  it('accepts a plain decimal with at most two decimals and normalises it', () => {
    expect(checkMetricReference('bigCycleDays', '30', ' 行业平均 ')).toEqual({ ok: true, value: '30', note: '行业平均' });
    expect(checkMetricReference('renewalRate', 80.5, null)).toEqual({ ok: true, value: '80.5', note: null });
    expect(checkMetricReference('bigDealValue', '0100.10', undefined)).toEqual({ ok: true, value: '100.1', note: null });
    expect(checkMetricReference('assessment.customerInsight', '75', '')).toEqual({ ok: true, value: '75', note: null });
  });
  it('clears with an empty value', () => {
    expect(checkMetricReference('bigCycleDays', null, null)).toEqual({ ok: true, value: null, note: null });
    expect(checkMetricReference('bigCycleDays', '', null)).toEqual({ ok: true, value: null, note: null });
  });
  it('names every problem in Chinese', () => {
    const r = checkMetricReference('coffeeCups', '-1', 'x'.repeat(201));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.message)).toEqual(['未知的指标“coffeeCups”', '应为不小于 0 的数，最多两位小数（清除参考值请留空）', '最多 200 个字']);
    const pct = checkMetricReference('renewalRate', '120', null);
    expect(pct.ok ? null : pct.problems[0]!.message).toBe('应为 0 到 100 之间的百分比');
    const places = checkMetricReference('bigCycleDays', '30.125', null);
    expect(places.ok).toBe(false);
  });
});

describe('metricSourceRows', () => {
  const PERIOD = '2026-06';
  const a: SourceActivity = {
    deals: [
      { id: 'dingtalk:d1', customerKey: 'c1', customerName: '华东机械', segment: 'big', amountFen: 5_000_000, signedOn: '2026-06-10', renewalYears: 0 },
      { id: 'dingtalk:d2', customerKey: 'c2', customerName: '小店', segment: 'small', amountFen: 300_000, signedOn: '2026-06-12', renewalYears: 0 },
      { id: 'dingtalk:d3', customerKey: 'c3', customerName: '远方集团', segment: 'big', amountFen: 8_000_000, signedOn: '2026-05-01', renewalYears: 0 },
      { id: 'dingtalk:d4', customerKey: 'c4', customerName: '老客户', segment: 'big', amountFen: 2_000_000, signedOn: '2025-01-15', renewalYears: 0 },
    ],
    followUps: [
      { id: 'dingtalk:f1', customerKey: 'c1', customerName: '华东机械', on: '2026-05-20', bigCustomer: true },
      { id: 'dingtalk:f2', customerKey: 'c1', customerName: '华东机械', on: '2026-06-01', bigCustomer: true },
      // More than 90 days before signing: not part of the cycle.
      { id: 'dingtalk:f3', customerKey: 'c1', customerName: '华东机械', on: '2026-01-01', bigCustomer: true },
      { id: 'dingtalk:f4', customerKey: 'c3', customerName: '远方集团', on: '2026-04-16', bigCustomer: true },
    ],
    collaborations: [{ id: 'import:k1', on: '2026-06-03', withDepartment: '交付部', customerName: '华东机械' }],
    satisfaction: [],
  };

  it('lists the month deals of a segment', () => {
    expect(metricSourceRows('bigDeals', a, PERIOD, new Map()).map((r) => r.id)).toEqual(['dingtalk:d1']);
    expect(metricSourceRows('smallDealValue', a, PERIOD, new Map())[0]).toMatchObject({
      kind: 'deal',
      subject: '小店',
      text: '3000.00 元',
      note: '小客户，新签',
    });
  });

  it('lists each new big deal of 12 months with the follow-ups of its 90-day cycle', () => {
    const rows = metricSourceRows('bigCycleDays', a, PERIOD, new Map());
    expect(rows.map((r) => r.id)).toEqual(['dingtalk:d1', 'dingtalk:f2', 'dingtalk:f1', 'dingtalk:d3', 'dingtalk:f4']);
    expect(rows[0]!.note).toBe('大客户，新签，周期 21 天');
    expect(rows[2]!.note).toBe('大客户，周期起点（签约前 90 天内首次跟进）');
  });

  it('lists contracts whose term ended in the renewal window, renewed or not', () => {
    const rows = metricSourceRows('renewalRate', a, PERIOD, new Map([['c4', ['2026-01-20']]]));
    expect(rows.map((r) => [r.id, r.note])).toEqual([['dingtalk:d4', '大客户，新签，2026-01-15 到期，已续签']]);
    expect(metricWindow('renewalRate', PERIOD)).toEqual({ from: '2024-07-01', to: '2026-05-01' });
  });

  it('lists collaborations of 3 months', () => {
    expect(metricSourceRows('collaborationsPerMonth', a, PERIOD, new Map())).toEqual([
      { kind: 'collaboration', id: 'import:k1', on: '2026-06-03', subject: '交付部', text: '', note: '华东机械' },
    ]);
  });
});
