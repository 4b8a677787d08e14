/**
 * A person's KPI for one period: each indicator's value → score (0–100, rounded once to 0.01), the weights after
 * team linkage (exact fractions), and the weighted total (exact, rounded once to 0.01).
 *
 * Team linkage, exactly: when the team met its target the individual-performance weights are multiplied by
 * (1 + metAdjustBp / 10,000), when it missed by (1 + missedAdjustBp / 10,000); team-collaboration weights stay as
 * they are; then every weight is multiplied by 100 / (their new sum) so they total 100 again. A scheme with only
 * individual indicators is therefore unchanged by the linkage (the renormalisation undoes it); the linkage moves
 * weight between individual and team indicators. Team status unknown (null): no adjustment.
 */
import { zh } from '../zhText';
import { exactDecimal, scaledRatio, scaledText } from './exactDecimal';
import { KPI_PLACES, type CompiledKpiIndicator, type CompiledKpiScheme } from './kpiTypes';
import { addR, cmpR, mulR, ratio, ratioToFixed, roundHalfAwayFromZero, subR, ZERO, type Ratio } from './rounding';

export type TeamStatus = 'met' | 'missed' | null;

export interface KpiIndicatorResult {
  id: string;
  label: string;
  group: CompiledKpiIndicator['group'];
  /** The value as given ("85", "150,000"), or null when there was none. */
  value: string | null;
  /** Score 0–100 in hundredths (8000 = 80 分), rounded once. */
  scoreH: number;
  score: string;
  /** The scheme's weight ("21") and the weight that applied after team linkage, to 0.01 ("21.59"). */
  baseWeight: string;
  weight: string;
  /** score × weight / 100, to 0.01 (for display; the total is computed exactly). */
  contribution: string;
  explanation: string;
}

export interface KpiResult {
  indicators: KpiIndicatorResult[];
  totalH: number;
  total: string;
  passScore: string;
  met: boolean;
  team: TeamStatus;
  /** How the team linkage applied, in Chinese. */
  linkage: string;
  explanation: string;
}

const vText = (scaled: number, unit: string) => `${scaledText(scaled, KPI_PLACES.value)}${unit === '%' ? '%' : ` ${unit}`}`;
const sText = (h: number) => scaledText(h, KPI_PLACES.score);
const HUNDRED: Ratio = ratio(100);

/** The exact score 0–100 of one indicator and how it came about. */
function scoreOf(ind: CompiledKpiIndicator, value: number): { score: Ratio; why: string } {
  const t = ind.target;
  switch (ind.scoring.kind) {
    case 'threshold':
      return value >= t
        ? { score: HUNDRED, why: `实际 ${vText(value, ind.unit)} ≥ 目标 ${vText(t, ind.unit)}，达标` }
        : { score: ZERO, why: `实际 ${vText(value, ind.unit)} 未达目标 ${vText(t, ind.unit)}` };
    case 'linear': {
      const floor = ind.scoring.floor;
      const raw: Ratio = ratio(BigInt(value - floor) * 100n, BigInt(t - floor));
      const formula = `（实际 ${vText(value, ind.unit)} − 下限 ${vText(floor, ind.unit)}）÷（目标 ${vText(t, ind.unit)} − 下限 ${vText(floor, ind.unit)}）× 100`;
      if (cmpR(raw, ZERO) <= 0) return { score: ZERO, why: `${formula}，不高于下限，计 0` };
      if (cmpR(raw, HUNDRED) >= 0) return { score: HUNDRED, why: `${formula}，达到目标，计满分 100` };
      return { score: raw, why: formula };
    }
    case 'banded': {
      const band = [...ind.scoring.bands].reverse().find((b) => value >= b.min);
      if (!band) return { score: ZERO, why: `实际 ${vText(value, ind.unit)} 低于最低档 ${vText(ind.scoring.bands[0]!.min, ind.unit)}` };
      return { score: scaledRatio(band.scoreH, KPI_PLACES.score), why: `实际 ${vText(value, ind.unit)} 落在“≥ ${vText(band.min, ind.unit)}”档` };
    }
  }
}

/** The weights after team linkage, as exact fractions that total exactly 100, in indicator order. */
export function linkedWeights(scheme: CompiledKpiScheme, team: TeamStatus): Ratio[] {
  const base = scheme.indicators.map((ind) => scaledRatio(ind.weightH, KPI_PLACES.weight));
  const link = scheme.teamLinkage;
  if (!link || team === null) return base;
  const adjust = team === 'met' ? link.metAdjustBp : link.missedAdjustBp;
  const factor = ratio(10_000 + adjust, 10_000);
  const raised = base.map((w, i) => (scheme.indicators[i]!.group === 'individual' ? mulR(w, factor) : w));
  const sum = raised.reduce(addR, ZERO);
  return raised.map((w) => mulR(w, { num: 100n * sum.den, den: sum.num }));
}

/**
 * Score `values` (indicator id → value, a JSON number or decimal text; missing or null scores 0) under `scheme`
 * for a team that `team` (met / missed / unknown).
 */
export function scoreKpi(scheme: CompiledKpiScheme, values: Readonly<Record<string, number | string | null | undefined>>, team: TeamStatus = null): KpiResult {
  const weights = linkedWeights(scheme, team);
  let total = ZERO;
  const indicators = scheme.indicators.map((ind, i): KpiIndicatorResult => {
    const raw = values[ind.id];
    const parsed = raw === null || raw === undefined || raw === '' ? null : exactDecimal(raw, KPI_PLACES.value, { allowNegative: true });
    if (parsed && !parsed.ok) throw new RangeError(`指标“${ind.label}”的数值无效：${String(raw)}`);
    const value = parsed?.ok ? parsed.scaled : null;
    const { score, why } = value === null ? { score: ZERO, why: '无数据，计 0' } : scoreOf(ind, value);
    // The indicator's one rounding: its score to 0.01.
    const scoreH = Number(roundHalfAwayFromZero(mulR(score, HUNDRED)));
    const w = weights[i]!;
    const contribution = mulR(scaledRatio(scoreH, KPI_PLACES.score), { num: w.num, den: w.den * 100n });
    total = addR(total, contribution);
    return {
      id: ind.id,
      label: ind.label,
      group: ind.group,
      value: value === null ? null : scaledText(value, KPI_PLACES.value),
      scoreH,
      score: sText(scoreH),
      baseWeight: sText(ind.weightH),
      weight: ratioToFixed(w, 2).replace(/\.?0+$/, ''),
      contribution: ratioToFixed(contribution, 2),
      explanation: `${why}，得 ${sText(scoreH)} 分`,
    };
  });
  // The total's one rounding: Σ score × exact weight / 100, to 0.01.
  const totalH = Number(roundHalfAwayFromZero(mulR(total, HUNDRED)));
  const met = totalH >= scheme.passScoreH;
  const link = scheme.teamLinkage;
  const linkage =
    !link || team === null
      ? '未应用团队联动'
      : zh`团队${team === 'met' ? '达标' : '未达标'}：个人业绩指标权重 × (1 ${(team === 'met' ? link.metAdjustBp : link.missedAdjustBp) < 0 ? '−' : '+'} ${scaledText(Math.abs(team === 'met' ? link.metAdjustBp : link.missedAdjustBp), 2)}%)，再按比例调整使权重合计为 100`;
  return {
    indicators,
    totalH,
    total: sText(totalH),
    passScore: sText(scheme.passScoreH),
    met,
    team,
    linkage,
    explanation: `加权得分 ${sText(totalH)}，${met ? '≥' : '<'} 达标分 ${sText(scheme.passScoreH)}，${met ? '达标' : '未达标'}`,
  };
}

/** Exact difference of two weights lists (for tests and checks: every linked list totals exactly 100). */
export const weightsTotal = (weights: readonly Ratio[]): Ratio => weights.reduce(addR, ZERO);
export const isExactlyHundred = (r: Ratio): boolean => cmpR(subR(r, HUNDRED), ZERO) === 0;
