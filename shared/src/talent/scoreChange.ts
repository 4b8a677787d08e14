/**
 * Why a person's match score moves from one job-model version to another (“84.0 → 76.0：资源协调权重 30% → 40%”):
 * the dimension whose contribution changed most (in hundredths of a point), and what changed about it — added,
 * removed, its weight, its input, its rule, or only its data or the share it gets of missing weight. Pure: the
 * version impact view and its tests run this same code.
 */
import { talentInputInfo } from './talentMetrics';
import { zh } from '../zhText';
import type { CompiledDimension, CompiledJobModel, TalentTier } from './jobModelTypes';
import type { DimensionResult } from './matchScore';

export interface ScoreSide {
  model: CompiledJobModel;
  /** The score (one decimal) or null (数据不足), and its dimensions as scored. */
  score: string | null;
  dimensions: readonly DimensionResult[];
}

const hundredths = (text: string | null | undefined) => (text ? Math.round(Number(text) * 100) : 0);
const weightText = (weightH: number) => `${(weightH / 100).toString()}%`;
const sameRule = (a: CompiledDimension, b: CompiledDimension) => JSON.stringify(a.rule) === JSON.stringify(b.rule);

/** The main reason in Chinese, or “无变化” when no contribution moved. */
export function scoreChangeReason(before: ScoreSide, after: ScoreSide): string {
  if (before.score === null && after.score === null) return zh`仍数据不足：${missingLabels(after)}缺少数据`;
  if (before.score !== null && after.score === null) return zh`数据不足：${missingLabels(after)}缺少数据，超过新版本允许的权重`;
  if (before.score === null && after.score !== null) return '新版本允许缺数据的权重更多，或缺数据的维度已去掉，可以给出匹配度';
  const ids = [...new Set([...before.model.dimensions.map((d) => d.id), ...after.model.dimensions.map((d) => d.id)])];
  const contribution = (side: ScoreSide, id: string) => hundredths(side.dimensions.find((d) => d.id === id)?.contribution);
  let main: { id: string; delta: number } | null = null;
  for (const id of ids) {
    const delta = contribution(after, id) - contribution(before, id);
    if (delta !== 0 && (!main || Math.abs(delta) > Math.abs(main.delta))) main = { id, delta };
  }
  const sameDefinition = JSON.stringify(before.model) === JSON.stringify(after.model);
  if (!main) return sameDefinition ? '无变化' : '岗位模型有改动，但此人的得分不变';
  const old = before.model.dimensions.find((d) => d.id === main.id);
  const now = after.model.dimensions.find((d) => d.id === main.id);
  if (!old) return zh`新增维度“${now!.label}”（权重 ${weightText(now!.weightH)}）`;
  if (!now) return zh`去掉维度“${old.label}”（原权重 ${weightText(old.weightH)}）`;
  if (old.weightH !== now.weightH) return zh`${now.label}权重 ${weightText(old.weightH)} → ${weightText(now.weightH)}`;
  if (old.input !== now.input) return zh`${now.label}改按“${talentInputInfo(now.input)?.label ?? now.input}”评分`;
  const oldDim = before.dimensions.find((d) => d.id === main.id);
  const newDim = after.dimensions.find((d) => d.id === main.id);
  if (!sameRule(old, now)) return zh`${now.label}评分规则调整（得分 ${oldDim?.score ?? '数据不足'} → ${newDim?.score ?? '数据不足'}）`;
  if (oldDim?.value !== newDim?.value) return zh`${now.label}数据变化（${oldDim?.value ?? '数据不足'} → ${newDim?.value ?? '数据不足'}）`;
  return zh`${now.label}分到的权重 ${oldDim?.appliedWeight ?? '—'}% → ${newDim?.appliedWeight ?? '—'}%（其他维度缺数据或权重调整）`;
}

function missingLabels(side: ScoreSide): string {
  return side.dimensions
    .filter((d) => d.value === null)
    .map((d) => `“${d.label}”`)
    .join('、');
}

/** How the tiers move between versions: `from → to` keys (null = 数据不足) with counts. */
export function tierMoves(rows: readonly { oldTier: TalentTier | null; newTier: TalentTier | null }[]): Map<string, number> {
  const moves = new Map<string, number>();
  for (const r of rows) {
    if (r.oldTier === r.newTier) continue;
    const key = `${r.oldTier ?? 'insufficient'}→${r.newTier ?? 'insufficient'}`;
    moves.set(key, (moves.get(key) ?? 0) + 1);
  }
  return moves;
}
