/**
 * A person's match score against a job model: each dimension's input → 0–100 by its rule (exact), then the
 * weighted total rounded once to one decimal (half away from zero), and the tier decided on that shown score:
 * ≥ 80 move (立即转型), 60 to < 80 train (先培训), < 60 reassign (调岗).
 *
 * Missing inputs are never a silent zero: the dimension says 数据不足 and its weight is shared out over the
 * dimensions that have data (applied weight = weight × 100 ÷ weight with data), so the contributions still add up
 * to the score. When the missing weight exceeds the model's `maxMissingWeight`, no score and no tier are given.
 */
import { zh } from '../zhText';
import { exactDecimal, scaledRatio, scaledText } from '../pay/exactDecimal';
import { addR, cmpR, mulR, ratio, ratioToFixed, roundHalfAwayFromZero, ZERO, type Ratio } from '../pay/rounding';
import { TALENT_PLACES, TIER_LABELS, type CompiledDimension, type CompiledJobModel, type TalentTier } from './jobModelTypes';
import { talentInputInfo } from './talentMetrics';

export const INSUFFICIENT = '数据不足';

export interface DimensionResult {
  id: string;
  label: string;
  input: string;
  /** The input value as exact text ("85", "8"), or null when 数据不足. */
  value: string | null;
  unit: string;
  /** 0–100 to one decimal, or null when 数据不足. */
  score: string | null;
  /** The configured weight ("30") and the weight applied after sharing out missing ones ("37.5"; null without a score). */
  weight: string;
  appliedWeight: string | null;
  /** score × applied weight ÷ 100, to two decimals; null when 数据不足. */
  contribution: string | null;
  /** How the score came about, or 数据不足. */
  explanation: string;
}

export interface MatchResult {
  /** 0–100 with one decimal, or null when too much weight lacks data. */
  score: string | null;
  /** The score in tenths (855 = 85.5), or null. */
  scoreT: number | null;
  tier: TalentTier | null;
  tierLabel: string | null;
  dimensions: DimensionResult[];
  /** Weight whose inputs were missing ("20"), and the most the model allows. */
  missingWeight: string;
  maxMissingWeight: string;
  explanation: string;
}

const HUNDRED: Ratio = ratio(100);
const valueText = (scaled: number, unit: string) => `${scaledText(scaled, TALENT_PLACES.value)}${unit === '%' ? '%' : ` ${unit}`}`;

/** The tier of a score in tenths (the shown score): exactly ≥ 800 move, 600 to < 800 train, < 600 reassign. */
export function tierOf(scoreT: number): TalentTier {
  if (scoreT >= 800) return 'move';
  if (scoreT >= 600) return 'train';
  return 'reassign';
}

/** The exact 0–100 score of one dimension's value, and why. */
export function dimensionScore(d: CompiledDimension, value: number): { score: Ratio; why: string } {
  const info = talentInputInfo(d.input)!;
  const v = valueText(value, info.unit);
  switch (d.rule.kind) {
    case 'threshold': {
      const t = valueText(d.rule.target, info.unit);
      const meets = info.better === 'lower' ? value <= d.rule.target : value >= d.rule.target;
      const sign = info.better === 'lower' ? '≤' : '≥';
      return meets ? { score: HUNDRED, why: `${v} ${sign} 目标 ${t}，达标计 100` } : { score: ZERO, why: `${v} 未达到目标（${sign} ${t}），计 0` };
    }
    case 'linear': {
      const { floor, target } = d.rule;
      const raw = ratio(BigInt(value - floor) * 100n, BigInt(target - floor));
      const formula = `（${v} − 下限 ${valueText(floor, info.unit)}）÷（目标 ${valueText(target, info.unit)} − 下限 ${valueText(floor, info.unit)}）× 100`;
      if (cmpR(raw, ZERO) <= 0) return { score: ZERO, why: `${formula}，未超过下限，计 0` };
      if (cmpR(raw, HUNDRED) >= 0) return { score: HUNDRED, why: `${v} 达到目标 ${valueText(target, info.unit)}，计 100` };
      return { score: raw, why: formula };
    }
    case 'banded': {
      const band = [...d.rule.bands].reverse().find((b) => value >= b.min);
      if (!band) return { score: ZERO, why: `${v} 低于最低档 ${valueText(d.rule.bands[0]!.min, info.unit)}，计 0` };
      return {
        score: scaledRatio(band.scoreH, TALENT_PLACES.score),
        why: `${v} 落在“≥ ${valueText(band.min, info.unit)}”档，计 ${scaledText(band.scoreH, 2)}`,
      };
    }
  }
}

export type MatchInputs = Readonly<Record<string, number | string | null | undefined>>;

/**
 * Score `inputs` (dimension id → value: a JSON number or decimal text; null, missing or "" = 数据不足) under a
 * compiled model. Throws RangeError naming the dimension for a value that is not a number (callers validate first
 * with `matchInputProblems`).
 */
export function scoreMatch(model: CompiledJobModel, inputs: MatchInputs): MatchResult {
  const parsed = model.dimensions.map((d) => {
    const raw = inputs[d.id];
    if (raw === null || raw === undefined || raw === '') return null;
    const p = exactDecimal(raw, TALENT_PLACES.value, { allowNegative: true });
    if (!p.ok) throw new RangeError(`维度“${d.label}”的数值无效：${String(raw)}`);
    return p.scaled;
  });
  const presentH = model.dimensions.reduce((s, d, i) => s + (parsed[i] === null ? 0 : d.weightH), 0);
  const missingH = 10_000 - presentH;
  const tooMuchMissing = missingH > model.maxMissingWeightH || presentH === 0;

  let total = ZERO;
  const dimensions = model.dimensions.map((d, i): DimensionResult => {
    const info = talentInputInfo(d.input)!;
    const value = parsed[i] ?? null;
    const base = { id: d.id, label: d.label, input: d.input, unit: info.unit, weight: scaledText(d.weightH, 2) };
    if (value === null)
      return { ...base, value: null, score: null, appliedWeight: null, contribution: null, explanation: `${INSUFFICIENT}：没有“${info.label}”的数据` };
    const { score, why } = dimensionScore(d, value);
    // applied weight = weight × 100 / weight with data (exact).
    const applied = ratio(BigInt(d.weightH) * 100n, BigInt(presentH || 1));
    const contribution = mulR(score, { num: applied.num, den: applied.den * 100n });
    total = addR(total, contribution);
    return {
      ...base,
      value: scaledText(value, TALENT_PLACES.value).replace(/,/g, ''),
      score: ratioToFixed(score, 1),
      appliedWeight: tooMuchMissing ? null : ratioToFixed(applied, 2).replace(/\.?0+$/, ''),
      contribution: tooMuchMissing ? null : ratioToFixed(contribution, 2),
      explanation: why,
    };
  });
  const common = { dimensions, missingWeight: scaledText(missingH, 2), maxMissingWeight: scaledText(model.maxMissingWeightH, 2) };
  if (tooMuchMissing) {
    const lacking = dimensions.filter((d) => d.value === null).map((d) => `“${d.label}”`);
    return {
      ...common,
      score: null,
      scoreT: null,
      tier: null,
      tierLabel: null,
      explanation: zh`${INSUFFICIENT}：${lacking.join('、')}缺少数据，权重合计 ${common.missingWeight}，超过允许的 ${common.maxMissingWeight}，不给出匹配度`,
    };
  }
  // The score's one rounding: the exact total to one decimal.
  const scoreT = Number(roundHalfAwayFromZero(mulR(total, ratio(10))));
  const tier = tierOf(scoreT);
  const score = scaledText(scoreT, 1);
  const shared = missingH > 0 ? zh`；缺数据的权重 ${common.missingWeight} 已按比例分给有数据的维度` : '';
  return {
    ...common,
    score,
    scoreT,
    tier,
    tierLabel: TIER_LABELS[tier],
    explanation: zh`匹配度 ${score}（${tier === 'move' ? '≥ 80' : tier === 'train' ? '60 到 80 之间' : '< 60'}），${TIER_LABELS[tier]}${shared}`,
  };
}

/** Problems with preview inputs (unknown dimension ids, values that are not numbers), each naming the field. */
export function matchInputProblems(model: CompiledJobModel, inputs: unknown): { path: string; message: string }[] {
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs))
    return [{ path: 'inputs', message: '输入应为对象：维度编号 → 数值（缺数据填 null）' }];
  const problems: { path: string; message: string }[] = [];
  const byId = new Map(model.dimensions.map((d) => [d.id, d]));
  for (const [key, raw] of Object.entries(inputs)) {
    const d = byId.get(key);
    if (!d) {
      problems.push({ path: `inputs.${key}`, message: `岗位模型中没有编号为“${key}”的维度（可用：${model.dimensions.map((x) => x.id).join('、')}）` });
      continue;
    }
    if (raw === null || raw === undefined || raw === '') continue;
    const p = exactDecimal(raw, TALENT_PLACES.value, { allowNegative: true });
    if (!p.ok)
      problems.push({
        path: `inputs.${key}`,
        message: zh`维度“${d.label}”（${key}）的数值应为数字（最多四位小数），现为 ${JSON.stringify(raw)?.slice(0, 40)}`,
      });
  }
  return problems;
}
