import { validateKpiScheme } from './kpiValidation';
import { isExactlyHundred, linkedWeights, scoreKpi, weightsTotal } from './kpiScoring';
import { BIG_CLIENT_INDICATORS, KPI_TEMPLATES, TEAM_COLLABORATION_INDICATORS } from './kpiTemplates';
import type { KpiIndicator, KpiSchemeDefinition } from './kpiTypes';

const compile = (def: unknown) => {
  const r = validateKpiScheme(def);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.compiled;
};
const problems = (def: unknown) => {
  const r = validateKpiScheme(def);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};
const indicator = (id: string, weight: number | string, over: Partial<KpiIndicator> = {}): KpiIndicator => ({
  id,
  label: `指标${id}`,
  group: 'individual',
  weight,
  source: 'crm',
  measure: '口径',
  unit: '%',
  target: 100,
  scoring: { kind: 'linear', floor: 0 },
  ...over,
});

describe('KPI weights total exactly 100', () => {
  it('adds decimals exactly: 33.3 + 33.3 + 33.4 is 100', () => {
    const c = compile({ indicators: [indicator('a', 33.3), indicator('b', '33.3'), indicator('c', 33.4)], passScore: 80 });
    expect(c.indicators.map((i) => i.weightH)).toEqual([3330, 3330, 3340]);
  });

  it('refuses 33.3 × 3, naming the sum', () => {
    expect(problems({ indicators: [indicator('a', 33.3), indicator('b', 33.3), indicator('c', 33.3)], passScore: 80 })).toEqual([
      { path: 'indicators', message: '各指标权重合计为 99.9，应恰好为 100（33.3 + 33.3 + 33.3 = 99.9）' },
    ]);
    // 0.1 + 0.2 + 99.7: floats would make 99.99999999999999 or 100.00000000000001; hundredths are exact.
    expect(compile({ indicators: [indicator('a', 0.1), indicator('b', 0.2), indicator('c', 99.7)], passScore: 60 }).indicators).toHaveLength(3);
    expect(problems({ indicators: [indicator('a', 60), indicator('b', 50)], passScore: 60 })[0]!.message).toBe(
      '各指标权重合计为 110，应恰好为 100（60 + 50 = 110）',
    );
  });

  it('names the indicator and field of every other problem', () => {
    const p = problems({
      indicators: [
        indicator('sales', 30.123),
        indicator('sales', 70, { group: 'solo' as never, source: 'gossip' as never, scoring: { kind: 'linear', floor: 100 } }),
        indicator('c', 0, {
          scoring: {
            kind: 'banded',
            bands: [
              { min: 8, score: 80 },
              { min: 7, score: 120 },
            ],
          },
        }),
      ],
      passScore: 120,
      teamLinkage: { metAdjustBp: 0.1, missedAdjustBp: -10_000 },
    });
    expect(p.map((x) => x.message)).toEqual([
      '达标分 passScore 应为 0 到 100 之间的分数，现为 120',
      '团队达标时个人业绩权重调整 metAdjustBp 应为 −9,999 到 10,000 之间的整数基点（1,000 = +10%，−500 = −5%），现为 0.1',
      '团队未达标时个人业绩权重调整 missedAdjustBp 应为 −9,999 到 10,000 之间的整数基点（1,000 = +10%，−500 = −5%），现为 -10000',
      '第 1 个指标“指标sales”的权重 weight 应为大于 0、不超过 100 的数，最多两位小数，现为 30.123',
      '第 2 个指标“指标sales”的类别 group 应为 individual（个人业绩）或 team（团队协作），现为 “solo”',
      '第 2 个指标“指标sales”的数据来源 source 应为 crm（CRM 合同与客户）、collaboration（协作记录）、satisfaction（满意度调查）、import（导入数据）、supervisorRating（主管评分与评语）之一，现为 “gossip”',
      '第 2 个指标“指标sales”的下限 floor 不能等于目标值 100（线性评分需要一段区间）',
      '第 3 个指标“指标c”的权重 weight 应为大于 0、不超过 100 的数，最多两位小数，现为 0',
      '第 3 个指标“指标c”的第 2 档档位起点 min 应大于上一档（按从低到高排列）',
      '第 3 个指标“指标c”的第 2 档得分 score 应为 0 到 100 之间的分数，现为 120',
    ]);
  });

  it('accepts the built-in templates, the team-collaboration indicators totalling 30', () => {
    for (const t of KPI_TEMPLATES) expect(validateKpiScheme(t.definition).ok).toBe(true);
    expect(BIG_CLIENT_INDICATORS.map((i) => [i.label, i.weight])).toEqual([
      ['销售额', 30],
      ['客户留存率', 30],
      ['复购率', 20],
      ['客户满意度', 20],
    ]);
    expect(TEAM_COLLABORATION_INDICATORS.map((i) => [i.label, i.weight])).toEqual([
      ['协助同事跟进客户', 10],
      ['团队项目贡献', 15],
      ['资源共享促成新签单', 5],
    ]);
  });
});

describe('scoring rules', () => {
  const one = (over: Partial<KpiIndicator>) => compile({ indicators: [indicator('x', 100, over)], passScore: 60 });

  it('threshold: 100 when the target is reached, else 0', () => {
    const s = one({ unit: '单', target: 1, scoring: { kind: 'threshold' } });
    expect(scoreKpi(s, { x: 1 }).indicators[0]).toMatchObject({ score: '100', explanation: '实际 1 单 ≥ 目标 1 单，达标，得 100 分' });
    expect(scoreKpi(s, { x: 0 }).indicators[0]).toMatchObject({ score: '0', explanation: '实际 0 单 未达目标 1 单，得 0 分' });
  });

  it('linear: proportional between floor and target, clamped, rounded once to 0.01; a floor above the target means lower is better', () => {
    const s = one({ unit: '%', target: 80, scoring: { kind: 'linear', floor: 40 } });
    expect(scoreKpi(s, { x: 65 }).indicators[0]).toMatchObject({
      scoreH: 6250,
      explanation: '（实际 65% − 下限 40%）÷（目标 80% − 下限 40%）× 100，得 62.5 分',
    });
    expect(scoreKpi(s, { x: '53.3338' }).indicators[0]!.scoreH).toBe(3333); // 33.3345 → 33.33
    expect(scoreKpi(s, { x: '53.334' }).indicators[0]!.scoreH).toBe(3334); // 33.335 → 33.34 (a half rounds up)
    expect(scoreKpi(s, { x: 95 }).indicators[0]!.score).toBe('100');
    expect(scoreKpi(s, { x: 10 }).indicators[0]!.score).toBe('0');
    const days = one({ unit: '天', target: 15, scoring: { kind: 'linear', floor: 30 } });
    expect(scoreKpi(days, { x: 20 }).indicators[0]!.scoreH).toBe(6667); // (20 − 30) / (15 − 30) = 66.666…
    expect(scoreKpi(days, { x: 12 }).indicators[0]!.score).toBe('100');
  });

  it('banded: the highest band reached', () => {
    const s = one({
      unit: '分',
      target: 9,
      scoring: {
        kind: 'banded',
        bands: [
          { min: 7, score: 60 },
          { min: 8, score: 80 },
          { min: 9, score: 100 },
        ],
      },
    });
    expect(scoreKpi(s, { x: 8.5 }).indicators[0]).toMatchObject({ score: '80', explanation: '实际 8.5 分 落在“≥ 8 分”档，得 80 分' });
    expect(scoreKpi(s, { x: 9 }).indicators[0]!.score).toBe('100');
    expect(scoreKpi(s, { x: 6.9 }).indicators[0]!.score).toBe('0');
    expect(scoreKpi(s, {}).indicators[0]).toMatchObject({ value: null, score: '0', explanation: '无数据，计 0，得 0 分' });
  });
});

/**
 * The README's worked example: the template 大客户销售（含团队协作 30%）, individual 21 / 21 / 14 / 14 and team
 * 10 / 15 / 5, scores 90 / 80 / 70 / 100 and 60 / 50 / 0.
 */
describe('team linkage, the worked example', () => {
  const template = KPI_TEMPLATES.find((t) => t.key === 'bigClientSalesWithTeam')!.definition;
  const scheme = compile(template);
  // Values chosen to give round scores under the template's rules.
  const values = { sales: 270_000, retention: 72, repurchase: 21, satisfaction: 9.4, helping: 3, teamProject: 50, resourceSharing: 0 };

  it('scores each indicator', () => {
    expect(scoreKpi(scheme, values).indicators.map((i) => i.score)).toEqual(['90', '80', '70', '100', '60', '50', '0']);
  });

  it('without linkage: 21×90 + 21×80 + 14×70 + 14×100 + 10×60 + 15×50 + 5×0 = 7,300 → 73', () => {
    const r = scoreKpi(scheme, values, null);
    expect(r.total).toBe('73');
    expect(r.met).toBe(false);
    expect(r.linkage).toBe('未应用团队联动');
  });

  it('team met: individual weights × 1.1 (77), team 30, renormalised by 100/107 → 73.79', () => {
    const r = scoreKpi(scheme, values, 'met');
    expect(r.indicators.map((i) => i.weight)).toEqual(['21.59', '21.59', '14.39', '14.39', '9.35', '14.02', '4.67']);
    // (77 × 85 + 30 × 45) / 107 = 7,895 / 107 = 73.785… → 73.79
    expect(r.totalH).toBe(7379);
    expect(r.linkage).toBe('团队达标：个人业绩指标权重 × (1 + 10%)，再按比例调整使权重合计为 100');
    expect(r.explanation).toBe('加权得分 73.79，< 达标分 80，未达标');
  });

  it('team missed: individual weights × 0.95 (66.5), renormalised by 100/96.5 → 72.56', () => {
    const r = scoreKpi(scheme, values, 'missed');
    // (66.5 × 85 + 30 × 45) / 96.5 = 7,002.5 / 96.5 = 72.5647… → 72.56
    expect(r.totalH).toBe(7256);
    expect(r.indicators.map((i) => i.weight)).toEqual(['20.67', '20.67', '13.78', '13.78', '10.36', '15.54', '5.18']);
  });

  it('keeps the adjusted weights exact: they total exactly 100', () => {
    for (const team of ['met', 'missed', null] as const) expect(isExactlyHundred(weightsTotal(linkedWeights(scheme, team)))).toBe(true);
  });

  it('leaves an all-individual scheme as it is (renormalising undoes a uniform factor)', () => {
    const solo = compile({ ...(KPI_TEMPLATES[0]!.definition as KpiSchemeDefinition), teamLinkage: { metAdjustBp: 1000, missedAdjustBp: -500 } });
    const v = { sales: 270_000, retention: 72, repurchase: 21, satisfaction: 9.4 };
    expect(scoreKpi(solo, v, 'met').total).toBe(scoreKpi(solo, v, null).total);
    expect(scoreKpi(solo, v, 'met').total).toBe('85'); // (30×90 + 30×80 + 20×70 + 20×100) / 100 = 85
  });

  it('uses the configured figures', () => {
    const bigger = compile({ ...template, teamLinkage: { metAdjustBp: 5000, missedAdjustBp: -5000 } });
    // met: individual 70 × 1.5 = 105, total 135: (105 × 85 + 30 × 45) / 135 = 76.11
    expect(scoreKpi(bigger, values, 'met').total).toBe('76.11');
    // missed: 35, total 65: (35 × 85 + 1350) / 65 = 66.54
    expect(scoreKpi(bigger, values, 'missed').total).toBe('66.54');
  });
});
