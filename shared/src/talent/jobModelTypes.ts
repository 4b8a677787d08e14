/**
 * A job capability model (岗位能力模型) as HR writes it: dimensions, each scoring one input (a portrait metric or an
 * assessment score) to 0–100 by a documented rule, with weights that total exactly 100, and the share of weight
 * that may lack data before no score is given at all. Decimals arrive as JSON numbers or decimal text and are read
 * exactly (weights in hundredths, values in ten-thousandths).
 */
import type { TalentInputKey } from './talentMetrics';

/**
 * - threshold: meets the target → 100, else 0 (“meets” is ≥ for metrics where higher is better, ≤ for the cycle).
 * - linear: floor → 0, target → 100, straight line between, clamped (floor > target for lower-is-better metrics).
 * - banded: the highest band whose `min` the value reaches gives its score; below every band → 0.
 */
export type DimensionRule =
  | { kind: 'threshold'; target: number | string }
  | { kind: 'linear'; floor: number | string; target: number | string }
  | { kind: 'banded'; bands: { min: number | string; score: number | string }[] };

export interface JobModelDimension {
  /** Lower-case English id, unique in the model (e.g. `coordination`). */
  id: string;
  /** 客户洞察 / 资源协调 … */
  label: string;
  input: TalentInputKey;
  weight: number | string;
  rule: DimensionRule;
  /** What the dimension asks for, in HR's words (optional). */
  description?: string;
}

export interface JobModelDefinition {
  dimensions: JobModelDimension[];
  /** The most weight (0–100) whose inputs may be 数据不足 while a score is still given; above it, no score. */
  maxMissingWeight: number | string;
}

export const TALENT_PLACES = { weight: 2, value: 4, score: 2 } as const;

export type CompiledRule =
  { kind: 'threshold'; target: number } | { kind: 'linear'; floor: number; target: number } | { kind: 'banded'; bands: { min: number; scoreH: number }[] };

export interface CompiledDimension {
  id: string;
  label: string;
  input: TalentInputKey;
  /** Weight in hundredths (33.3 → 3330). */
  weightH: number;
  rule: CompiledRule;
  description: string | null;
}

export interface CompiledJobModel {
  dimensions: CompiledDimension[];
  maxMissingWeightH: number;
}

/** The three tiers, exactly: ≥ 80 move, 60 to < 80 train, < 60 reassign. */
export type TalentTier = 'move' | 'train' | 'reassign';

export const TIER_LABELS: Record<TalentTier, string> = { move: '立即转型', train: '先培训', reassign: '调岗' };
