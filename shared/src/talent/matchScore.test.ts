import { BIG_CLIENT_SALES_MODEL } from './jobModelTemplates';
import { validateJobModel } from './jobModelValidation';
import { scoreMatch, tierOf, matchInputProblems } from './matchScore';
import type { CompiledJobModel, JobModelDefinition } from './jobModelTypes';

const compile = (def: unknown): CompiledJobModel => {
  const r = validateJobModel(def);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.compiled;
};
const template = compile(BIG_CLIENT_SALES_MODEL.definition);

const three = (weights: (number | string)[]): JobModelDefinition => ({
  maxMissingWeight: 0,
  dimensions: weights.map((w, i) => ({ id: `d${i}`, label: `维度${i}`, input: 'renewalRate', weight: w, rule: { kind: 'threshold', target: 80 } })),
});

describe('tiers', () => {
  it('are exactly ≥ 80 move, 60 to < 80 train, < 60 reassign (on the shown one-decimal score)', () => {
    expect(tierOf(850)).toBe('move'); // 张三 85
    expect(tierOf(800)).toBe('move');
    expect(tierOf(799)).toBe('train');
    expect(tierOf(600)).toBe('train'); // 李四 60
    expect(tierOf(599)).toBe('reassign');
    expect(tierOf(0)).toBe('reassign');
  });
});

describe('the articles’ examples on the built-in 大客户销售 model', () => {
  it('张三: 24 months of big clients, 4 collaborations a month, renewal 80%, cycle 30 days, satisfaction 7 → 85.0, move now', () => {
    const r = scoreMatch(template, { insight: 24, coordination: 4, maintenance: 80, cycle: 30, satisfaction: 7 });
    expect(r.score).toBe('85');
    expect(r.scoreT).toBe(850);
    expect(r.tier).toBe('move');
    expect(r.tierLabel).toBe('立即转型');
    expect(r.dimensions.map((d) => [d.id, d.score, d.weight, d.contribution])).toEqual([
      ['insight', '100.0', '20', '20.00'],
      ['coordination', '80.0', '30', '24.00'],
      ['maintenance', '100.0', '30', '30.00'],
      ['cycle', '50.0', '10', '5.00'],
      ['satisfaction', '60.0', '10', '6.00'],
    ]);
  });

  it('李四: 6 months, 1 collaboration a month, renewal 80%, cycle 27 days, satisfaction 8 → exactly 60.0, train first', () => {
    const r = scoreMatch(template, { insight: 6, coordination: 1, maintenance: 80, cycle: 27, satisfaction: 8 });
    expect(r.score).toBe('60');
    expect(r.tier).toBe('train');
    expect(r.tierLabel).toBe('先培训');
    expect(r.dimensions.find((d) => d.id === 'coordination')!.score).toBe('20.0');
  });

  it('王五: 2 years of big-client follow-up, 8 collaborations a month, 85% renewal → ≥ 80 with nothing else known', () => {
    const r = scoreMatch(template, { insight: 24, coordination: 8, maintenance: 85 });
    expect(r.scoreT).not.toBeNull();
    expect(r.scoreT!).toBeGreaterThanOrEqual(800);
    expect(r.tier).toBe('move');
    // 20 of 100 lacks data (≤ 30 allowed): those dimensions say 数据不足, their weight is shared out.
    expect(r.missingWeight).toBe('20');
    const cycle = r.dimensions.find((d) => d.id === 'cycle')!;
    expect(cycle.score).toBeNull();
    expect(cycle.explanation).toContain('数据不足');
    expect(r.dimensions.find((d) => d.id === 'coordination')!.appliedWeight).toBe('37.5');
  });

  it('王五 with a 30-day cycle and satisfaction 8 too → 93.0', () => {
    const r = scoreMatch(template, { insight: 24, coordination: 8, maintenance: 85, cycle: 30, satisfaction: 8 });
    expect(r.score).toBe('93');
    expect(r.tier).toBe('move');
  });

  it('a salesperson with few collaborations and low renewal → reassign', () => {
    const r = scoreMatch(template, { insight: 3, coordination: 0.5, maintenance: 55, cycle: 50, satisfaction: 6.5 });
    expect(r.tier).toBe('reassign');
    expect(Number(r.score)).toBeLessThan(60);
  });
});

describe('missing data', () => {
  it('gives no score at all when the missing weight exceeds the configured share', () => {
    const r = scoreMatch(template, { coordination: 8, maintenance: 85 });
    expect(r.score).toBeNull();
    expect(r.tier).toBeNull();
    expect(r.missingWeight).toBe('40');
    expect(r.explanation).toContain('数据不足');
    expect(r.explanation).toContain('“客户洞察”');
    expect(r.explanation).toContain('超过允许的 30');
    expect(r.dimensions.every((d) => d.appliedWeight === null && d.contribution === null)).toBe(true);
  });
  it('treats null and "" as missing, never as zero', () => {
    const a = scoreMatch(template, { insight: 24, coordination: 8, maintenance: 85, cycle: null, satisfaction: '' });
    expect(a.score).toBe('100');
  });
  it('gives no score with no data at all, even if the model allows everything missing', () => {
    const m = compile({ ...BIG_CLIENT_SALES_MODEL.definition, maxMissingWeight: 100 });
    expect(scoreMatch(m, {}).score).toBeNull();
  });
});

describe('rules', () => {
  const one = (rule: unknown, input = 'renewalRate') => compile({ maxMissingWeight: 0, dimensions: [{ id: 'x', label: '维度', input, weight: 100, rule }] });
  it('threshold: ≥ target for higher-is-better, ≤ target for the cycle', () => {
    expect(scoreMatch(one({ kind: 'threshold', target: 80 }), { x: 80 }).score).toBe('100');
    expect(scoreMatch(one({ kind: 'threshold', target: 80 }), { x: 79.99 }).score).toBe('0');
    expect(scoreMatch(one({ kind: 'threshold', target: 15 }, 'bigCycleDays'), { x: 15 }).score).toBe('100');
    expect(scoreMatch(one({ kind: 'threshold', target: 15 }, 'bigCycleDays'), { x: 16 }).score).toBe('0');
  });
  it('linear: clamped, exact, rounded once to one decimal', () => {
    const m = one({ kind: 'linear', floor: 0, target: 3 });
    expect(scoreMatch(m, { x: 1 }).score).toBe('33.3');
    expect(scoreMatch(m, { x: 2 }).score).toBe('66.7');
    expect(scoreMatch(m, { x: -1 }).score).toBe('0');
    expect(scoreMatch(m, { x: 9 }).score).toBe('100');
  });
  it('banded: the highest band reached', () => {
    const m = one(
      {
        kind: 'banded',
        bands: [
          { min: 6, score: 40 },
          { min: 9, score: 100 },
        ],
      },
      'satisfaction',
    );
    expect(scoreMatch(m, { x: 5.9 }).score).toBe('0');
    expect(scoreMatch(m, { x: 8.9 }).score).toBe('40');
    expect(scoreMatch(m, { x: '9.2' }).score).toBe('100');
  });
});

describe('validation', () => {
  it('accepts 33.3 + 33.3 + 33.4 and refuses 33.3 × 3, naming the sum', () => {
    expect(validateJobModel(three([33.3, 33.3, 33.4])).ok).toBe(true);
    expect(validateJobModel(three(['33.3', '33.3', '33.4'])).ok).toBe(true);
    const r = validateJobModel(three([33.3, 33.3, 33.3]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([{ path: 'dimensions', message: '各维度权重合计为 99.9，应恰好为 100（33.3 + 33.3 + 33.3 = 99.9）' }]);
  });
  it('names an unknown metric and the dimension', () => {
    const def = JSON.parse(JSON.stringify(BIG_CLIENT_SALES_MODEL.definition)) as { dimensions: { input: string }[] };
    def.dimensions[1]!.input = 'coffeeCups';
    const r = validateJobModel(def);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.path).toBe('dimensions[1].input');
    expect(r.problems[0]!.message).toContain('第 2 个维度“资源协调”的数据来源（input）是未知的指标“coffeeCups”');
  });
  it('accepts assessment scores as inputs', () => {
    const def = JSON.parse(JSON.stringify(BIG_CLIENT_SALES_MODEL.definition)) as JobModelDefinition;
    def.dimensions[0]!.input = 'assessment.customerInsight';
    expect(validateJobModel(def).ok).toBe(true);
  });
  it('reports every problem at once: bad weight, duplicate id, flat linear rule, unordered bands, unknown field', () => {
    const r = validateJobModel({
      maxMissingWeight: 120,
      extra: 1,
      dimensions: [
        { id: 'a', label: '甲', input: 'renewalRate', weight: 'x', rule: { kind: 'linear', floor: 5, target: 5 } },
        {
          id: 'a',
          label: '乙',
          input: 'satisfaction',
          weight: 50,
          rule: {
            kind: 'banded',
            bands: [
              { min: 9, score: 100 },
              { min: 8, score: 80 },
            ],
          },
        },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['extra', 'maxMissingWeight', 'dimensions[0].weight', 'dimensions[0].rule.floor', 'dimensions[1].rule.bands[1].min']),
    );
    expect(r.problems.find((p) => p.path === 'dimensions[0].weight')!.message).toContain('第 1 个维度“甲”的权重（weight）');
  });
  it('refuses preview inputs for unknown dimensions and non-numbers', () => {
    expect(matchInputProblems(template, { nope: 1, coordination: 'many', maintenance: null })).toEqual([
      { path: 'inputs.nope', message: expect.stringContaining('没有编号为“nope”的维度') },
      { path: 'inputs.coordination', message: expect.stringContaining('维度“资源协调”（coordination）的数值应为数字') },
    ]);
  });
});
