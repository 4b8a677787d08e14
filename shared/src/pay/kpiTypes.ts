/**
 * A KPI scheme as declarative data: indicators with weights that total exactly 100, each with its data source,
 * target and scoring rule; the score that counts as meeting KPI; and the team linkage. Decimals (weights, targets,
 * scores) may be JSON numbers or decimal text and are always read exactly (see exactDecimal.ts).
 */

/** Where an indicator's value comes from. */
export const KPI_SOURCES = {
  crm: 'CRM 合同与客户',
  collaboration: '协作记录',
  satisfaction: '满意度调查',
  import: '导入数据',
  supervisorRating: '主管评分与评语',
} as const;
export type KpiSource = keyof typeof KPI_SOURCES;

/** Individual performance, or team collaboration (the team linkage adjusts only the individual ones). */
export const KPI_GROUPS = { individual: '个人业绩', team: '团队协作' } as const;
export type KpiGroup = keyof typeof KPI_GROUPS;

/** How a value becomes a score of 0–100. */
export const KPI_SCORING_KINDS = {
  threshold: '达标制（达到目标 100 分，否则 0 分）',
  linear: '线性（下限 0 分到目标 100 分之间按比例）',
  banded: '分档（落在哪一档得该档分数）',
} as const;

export type KpiScoring =
  | { kind: 'threshold' }
  /** 0 at `floor`, 100 at the indicator's target, linear between, clamped; a floor above the target means lower is better. */
  | { kind: 'linear'; floor: number | string }
  /** The score of the highest band whose `min` the value reaches; below every band: 0. */
  | { kind: 'banded'; bands: { min: number | string; score: number | string }[] };

export interface KpiIndicator {
  /** Stable id within the scheme (`sales`). */
  id: string;
  label: string;
  group: KpiGroup;
  /** Percentage points, up to two decimals; all indicators total exactly 100. */
  weight: number | string;
  source: KpiSource;
  /** What is measured, in words (“当月签约合同金额”). */
  measure: string;
  /** Unit of the value and target (元, %, 次, 分, 单). */
  unit: string;
  target: number | string;
  scoring: KpiScoring;
}

/**
 * Team linkage (004): when the team meets its target, the weights of the individual-performance indicators are
 * multiplied by (1 + metAdjustBp / 10,000) — +10% is 1,000 — and when it misses by (1 + missedAdjustBp / 10,000)
 * — −5% is −500; team-collaboration weights stay; then every weight is scaled so they total 100 again.
 */
export interface TeamLinkage {
  metAdjustBp: number;
  missedAdjustBp: number;
}

export interface KpiSchemeDefinition {
  indicators: KpiIndicator[];
  /** A weighted total at or above this (0–100) meets KPI (counts towards the promotion streak). */
  passScore: number | string;
  teamLinkage?: TeamLinkage | null;
}

/** A validated scheme with every decimal as a scaled integer: weights and scores in hundredths, values in 1/10,000. */
export interface CompiledKpiIndicator {
  id: string;
  label: string;
  group: KpiGroup;
  source: KpiSource;
  measure: string;
  unit: string;
  weightH: number;
  target: number;
  scoring: { kind: 'threshold' } | { kind: 'linear'; floor: number } | { kind: 'banded'; bands: { min: number; scoreH: number }[] };
}
export interface CompiledKpiScheme {
  indicators: CompiledKpiIndicator[];
  passScoreH: number;
  teamLinkage: TeamLinkage | null;
}

/** Places of the scaled integers above. */
export const KPI_PLACES = { weight: 2, score: 2, value: 4 } as const;
