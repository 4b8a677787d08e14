import { BIG_CLIENT_SALES_MODEL } from './jobModelTemplates';
import { validateJobModel } from './jobModelValidation';
import { scoreMatch, type MatchInputs } from './matchScore';
import { scoreChangeReason, tierMoves, type ScoreSide } from './scoreChange';
import type { JobModelDefinition } from './jobModelTypes';

const compile = (def: JobModelDefinition) => {
  const c = validateJobModel(def);
  if (!c.ok) throw new Error(JSON.stringify(c.problems));
  return c.compiled;
};
const side = (def: JobModelDefinition, inputs: MatchInputs): ScoreSide => {
  const model = compile(def);
  const r = scoreMatch(model, inputs);
  return { model, score: r.score, dimensions: r.dimensions };
};
const base = BIG_CLIENT_SALES_MODEL.definition;
const withDims = (f: (d: JobModelDefinition['dimensions']) => JobModelDefinition['dimensions'], maxMissingWeight = base.maxMissingWeight) => ({
  maxMissingWeight,
  dimensions: f(base.dimensions.map((d) => ({ ...d }))),
});
// 8 of 12 months with big clients, 2 collaborations a month, 85% renewal, 20-day cycle, satisfaction 8.5.
const inputs: MatchInputs = { insight: 8, coordination: 2, maintenance: 85, cycle: 20, satisfaction: 8.5 };

describe('why a score moves between versions', () => {
  it('names the weight change that moved it most: 资源协调权重 30% → 40%', () => {
    // Coordination scores 100 (5 a month) and gains 10 points of weight; insight (66.7) loses them.
    const v2 = withDims((ds) => ds.map((d) => (d.id === 'coordination' ? { ...d, weight: 40 } : d.id === 'insight' ? { ...d, weight: 10 } : d)));
    const strong = { ...inputs, coordination: 5 };
    const before = side(base, strong);
    const after = side(v2, strong);
    expect(Number(after.score)).toBeGreaterThan(Number(before.score));
    expect(scoreChangeReason(before, after)).toBe('资源协调权重 30% → 40%');
    // Where renewal (100) loses 10 points to coordination (40), the loss is the main reason.
    const v3 = withDims((ds) => ds.map((d) => (d.id === 'coordination' ? { ...d, weight: 40 } : d.id === 'maintenance' ? { ...d, weight: 20 } : d)));
    expect(scoreChangeReason(side(base, inputs), side(v3, inputs))).toBe('长期维护权重 30% → 20%');
  });
  it('names an added and a removed dimension', () => {
    const without = withDims((ds) => ds.filter((d) => d.id !== 'satisfaction').map((d) => (d.id === 'cycle' ? { ...d, weight: 20 } : d)));
    expect(scoreChangeReason(side(without, inputs), side(base, inputs))).toMatch(/^(新增维度“客户满意度”（权重 10%）|大客户跟进效率权重 20% → 10%)$/);
    const noCoordination = withDims((ds) => ds.filter((d) => d.id !== 'coordination').map((d) => (d.id === 'maintenance' ? { ...d, weight: 60 } : d)));
    expect(scoreChangeReason(side(base, inputs), side(noCoordination, inputs))).toMatch(/^(去掉维度“资源协调”（原权重 30%）|长期维护权重 30% → 60%)$/);
  });
  it('names a rule change with the dimension’s old and new score', () => {
    const stricter = withDims((ds) => ds.map((d) => (d.id === 'coordination' ? { ...d, rule: { kind: 'linear' as const, floor: 0, target: 8 } } : d)));
    expect(scoreChangeReason(side(base, inputs), side(stricter, inputs))).toBe('资源协调评分规则调整（得分 40.0 → 25.0）');
  });
  it('says 无变化 for the same model and data, and explains scores that appear or go 数据不足', () => {
    expect(scoreChangeReason(side(base, inputs), side(base, inputs))).toBe('无变化');
    const sparse = { ...inputs, satisfaction: null };
    const strict = withDims((ds) => ds, 5);
    expect(side(base, sparse).score).not.toBeNull();
    expect(scoreChangeReason(side(base, sparse), side(strict, sparse))).toBe('数据不足：“客户满意度”缺少数据，超过新版本允许的权重');
    expect(scoreChangeReason(side(strict, sparse), side(base, sparse))).toContain('可以给出匹配度');
    expect(scoreChangeReason(side(strict, sparse), side(strict, sparse))).toBe('仍数据不足：“客户满意度”缺少数据');
  });
  it('counts tier moves, leaving out people whose tier stays', () => {
    const moves = tierMoves([
      { oldTier: 'move', newTier: 'train' },
      { oldTier: 'move', newTier: 'train' },
      { oldTier: 'train', newTier: 'train' },
      { oldTier: null, newTier: 'reassign' },
    ]);
    expect([...moves]).toEqual([
      ['move→train', 2],
      ['insufficient→reassign', 1],
    ]);
  });
});
