/** What the talent API answers (GET /api/v1/talent/review, GET /api/v1/talent/people/:userid). */
import type { DepartmentRef } from '../api';
import type { RuleVersionInfo } from '../pay/payApi';
import type { JobModelDefinition } from './jobModelTypes';
import type { TalentTier } from './jobModelTypes';
import type { DimensionResult } from './matchScore';
import type { TalentDecisionKind } from './talentDecision';
import type { PerformanceThird } from './nineBox';
import type { FeedbackKeywords } from './feedbackTerms';
import type { DepartmentTierRow } from './tierByDepartment';

export interface TalentScoreView {
  userid: string;
  name: string;
  title: string | null;
  /** 工号, or null when DingTalk has none. */
  jobNumber: string | null;
  department: DepartmentRef | null;
  period: string;
  /** 0–100 with one decimal, or null when 数据不足. */
  score: string | null;
  tier: TalentTier | null;
  tierLabel: string | null;
  jobModelId: number;
  versionId: number;
  /** The version's number (1, 2, 3 …). */
  version: number;
  dimensions: DimensionResult[];
  explanation: string;
  computedAt: string;
  /** HR's decision in force for this month and job model (the newest), or null while the tier is only a suggestion. */
  decision: TalentDecisionView | null;
}

/** One HR decision on a suggested tier (人才盘点), as kept in the history. */
export interface TalentDecisionView {
  id: number;
  period: string;
  jobModelId: number;
  versionId: number;
  /** The suggestion decided on: score (null: 数据不足) and tier. */
  suggestedScore: string | null;
  suggestedTier: TalentTier | null;
  kind: TalentDecisionKind;
  tier: TalentTier;
  tierLabel: string;
  reason: string | null;
  decidedBy: { userid: string; name: string | null };
  decidedAt: string;
}

/** The order of the review list (GET /api/v1/talent/review?sort=): score high → low (default), low → high, or by name. */
export type TalentReviewSort = 'score_desc' | 'score_asc' | 'name';
export const TALENT_REVIEW_SORTS: readonly TalentReviewSort[] = ['score_desc', 'score_asc', 'name'];

/** Whether HR has decided on the suggestion (GET /api/v1/talent/review?decision=). */
export type TalentDecisionStatus = 'decided' | 'undecided';

/** The filters, order and page of GET /api/v1/talent/review (every one optional). */
export interface TalentReviewQuery {
  period?: string;
  jobModelId?: number;
  /** A suggested tier, or `insufficient` for 数据不足. */
  tier?: TalentTier | 'insufficient';
  /** People whose main department is this one or lies below it. */
  departmentId?: number;
  /** Name, 工号, title or department name contains it. */
  q?: string;
  decision?: TalentDecisionStatus;
  sort?: TalentReviewSort;
  /** Leave the caller out (我的团队: a supervisor's reports without themself). */
  excludeSelf?: boolean;
  page?: number;
  pageSize?: number;
}

/** GET /api/v1/talent/review: one page of the people in scope who match the filters, with the counts. */
export interface TalentReview {
  period: string | null;
  jobModel: { id: number; name: string } | null;
  /**
   * How many people in scope per tier; `insufficient`: 数据不足 (no score). Counted over every filter but the tier
   * (so each tier's count says what choosing it would list).
   */
  distribution: Record<TalentTier | 'insufficient', number>;
  /** People matching every filter (the tier too): what the pages add up to. */
  total: number;
  page: number;
  pageSize: number;
  /** This page's people, with their dimensions and explanations. */
  people: TalentScoreView[];
}

/** GET /api/v1/talent/review/departments: the tier counts of the people in scope per main department. */
export interface TalentReviewDepartments {
  period: string | null;
  jobModel: { id: number; name: string } | null;
  rows: DepartmentTierRow[];
}

/** One stored portrait metric as the API shows it. */
export interface PortraitMetricView {
  metric: string;
  label: string;
  unit: string;
  /** How the metric is defined. */
  means: string;
  /** Exact decimal text, or null when 数据不足. */
  value: string | null;
  sample: number;
  /** 数据不足：what is missing, or null. */
  missing: string | null;
  detail: Record<string, unknown> | null;
  /** The median of the person's team (main department) for the same month, or null when none was computed. */
  team: MetricMedianView | null;
  /** The company's median for the same month, or null when none was computed. */
  company: MetricMedianView | null;
  /** HR's reference value for the metric in force now, or null when none is set. */
  reference: MetricReferenceView | null;
}

/** A stored team or company median (shared/src/talent/portraitMedians.ts). */
export interface MetricMedianView {
  /** 全公司, or the team's department path. */
  label: string;
  /** Exact decimal text, or null when 数据不足 (fewer than MEDIAN_MIN_PEOPLE people with a value). */
  median: string | null;
  /** People with a value (the median's sample). */
  people: number;
  /** People with a portrait row of the metric. */
  population: number;
  missing: string | null;
}

/** HR's reference value for a metric (company-wide; every change is a new version and an audit event). */
export interface MetricReferenceView {
  metric: string;
  label: string;
  unit: string;
  /** Exact decimal text, or null when cleared. */
  value: string | null;
  note: string | null;
  version: number;
  setBy: { userid: string; name: string | null };
  setAt: string;
}

/** One source row of a portrait metric (GET /api/v1/people/:userid/portrait/metrics/:metric/sources). */
export interface MetricSourceRow {
  kind: 'deal' | 'followUp' | 'collaboration' | 'satisfaction' | 'assessment';
  /** `source:sourceId` for synced and imported rows, the sheet's number for assessments. */
  id: string;
  /** yyyy-mm-dd (Asia/Shanghai). */
  on: string;
  /** The customer, the department collaborated with, or the questionnaire. */
  subject: string;
  /** Amount (元) or score as shown; empty for follow-ups and collaborations. */
  text: string;
  /** Why it counts for the metric (“大客户，新签”, “已续签”…), or null. */
  note: string | null;
  /** A follow-up's note as the salesperson wrote it, when there is one. */
  content?: string;
}

export interface MetricSources {
  userid: string;
  metric: string;
  label: string;
  period: string;
  /** The window the metric reads, yyyy-mm-dd to yyyy-mm-dd. */
  window: { from: string; to: string };
  rows: MetricSourceRow[];
  /** More rows exist than shown (the newest are shown). */
  truncated: boolean;
}

export interface TalentPersonScores {
  userid: string;
  name: string;
  /** Monthly scores, newest month first. */
  scores: TalentScoreView[];
  /** Quarterly scores (period yyyyQn, scored from the quarter's portrait), newest first. */
  quarterScores: TalentScoreView[];
  /** Every decision HR recorded for the person, newest first (the history; the newest of a month is in force). */
  decisions: TalentDecisionView[];
  /** The job models the scores are against, by id (for naming them: “与“大客户销售”的匹配度”). */
  jobModels: { id: number; name: string }[];
  /**
   * The portrait asked for (`?period=` a month or quarter, `?kind=quarter` the newest quarter), else the newest
   * month's (null before the first recompute), with the client-feedback keywords of its notes.
   */
  portrait: { period: string; metrics: PortraitMetricView[]; feedback: FeedbackKeywords } | null;
}

/** One person in a 9-box cell. */
export interface NineBoxPersonView {
  userid: string;
  name: string;
  department: DepartmentRef | null;
  /** Match score, one decimal. */
  score: string;
  /** Signed contract value of the sales window, yuan with two decimals. */
  salesCny: string;
  /** HR's decision in force (tier label), or null while the tier is only a suggestion. */
  decisionLabel: string | null;
}

/** GET /api/v1/talent/review/nine-box: match-score tier × recent sales (definitions in shared/src/talent/nineBox.ts). */
export interface TalentNineBox {
  period: string | null;
  jobModel: { id: number; name: string } | null;
  /** The months whose contracts count as recent sales. */
  window: { from: string; to: string } | null;
  /** Cut-offs in yuan, taken over everyone scored in the corp that month. */
  cutoffs: { lowCny: string; highCny: string; population: number } | null;
  /**
   * When the talent.recompute job stored the sales and cut-offs shown (ISO time): the 9-box shows the portraits as of
   * that recompute. Null: the month has no stored figures (computed before they were stored), summed for this answer.
   */
  computedAt: string | null;
  /** The nine cells, rows 立即转型 → 调岗, columns 业绩低 → 业绩高 (empty without cut-offs). */
  cells: NineBoxCellHead[];
  /** People in scope without a score (数据不足), not placed. */
  unplaced: number;
}

/** One 9-box cell: how many people are in it and the first of them (best score first; the rest with `?cell=`). */
export interface NineBoxCellHead {
  tier: TalentTier;
  tierLabel: string;
  performance: PerformanceThird;
  performanceLabel: string;
  advice: string;
  /** Everyone in scope in the cell. */
  count: number;
  /** The first NINE_BOX_PREVIEW of them, highest match score first. */
  people: NineBoxPersonView[];
}

/** GET /api/v1/talent/review/nine-box?cell=tier-performance&page=&pageSize=: one cell's people, a page at a time. */
export interface TalentNineBoxCell {
  period: string | null;
  jobModel: { id: number; name: string } | null;
  window: { from: string; to: string } | null;
  cutoffs: { lowCny: string; highCny: string; population: number } | null;
  /** As in TalentNineBox. */
  computedAt: string | null;
  tier: TalentTier;
  tierLabel: string;
  performance: PerformanceThird;
  performanceLabel: string;
  advice: string;
  /** Everyone in scope in the cell (0 without cut-offs). */
  total: number;
  page: number;
  pageSize: number;
  /** This page of them, highest match score first (then by userid). */
  people: NineBoxPersonView[];
}

/** One person in a job-model version's impact: the stored score → the score under the version, and why. */
export interface JobModelImpactRow {
  userid: string;
  name: string;
  department: DepartmentRef | null;
  /** The stored score (one decimal; null: 数据不足 or not scored yet) and its version number. */
  oldScore: string | null;
  oldTier: TalentTier | null;
  oldVersion: number | null;
  newScore: string | null;
  newTier: TalentTier | null;
  /** new − old, one decimal with its sign (“+4.0”, “-8.0”, “0.0”), or null when either is missing. */
  delta: string | null;
  reason: string;
}

/** GET /api/v1/job-model-versions/:id/impact: every person in scope, old score → new score, largest change first. */
export interface JobModelImpact {
  versionId: number;
  version: number;
  jobModelId: number;
  /** The month whose stored portraits are scored (the newest with portraits), or null before the first recompute. */
  period: string | null;
  summary: { people: number; changed: number; up: number; down: number; tierMoves: { from: TalentTier | null; to: TalentTier | null; people: number }[] };
  people: JobModelImpactRow[];
}

/** A job-model version as the API shows it (the definition parsed). */
export interface JobModelVersionView extends RuleVersionInfo {
  jobModelId: number;
  definition: JobModelDefinition;
}

/** GET /api/v1/job-models: each model with its versions, newest first. */
export interface JobModelView {
  id: number;
  code: string;
  name: string;
  description: string | null;
  createdAt: string;
  /** The published version in force today (Asia/Shanghai), if any. */
  currentVersionId: number | null;
  versions: JobModelVersionView[];
}

/** The states of an on-demand recompute (人才盘点 → 重新计算). */
export type TalentRecomputeState = 'queued' | 'running' | 'succeeded' | 'failed';

/** POST /api/v1/talent/recomputes, GET /api/v1/talent/recomputes/:id: a recompute HR started, with its progress. */
export interface TalentRecomputeRunView {
  id: number;
  /** The month recomputed (yyyy-mm). */
  period: string;
  state: TalentRecomputeState;
  /** People computed so far of those considered (the corp's people in the org). */
  done: number;
  total: number;
  /** 0–100 for the progress bar (100 only once finished). */
  percent: number;
  /** Once finished: people whose rows were rewritten and people left alone because their inputs had not changed. */
  written: number | null;
  skipped: number | null;
  error: string | null;
  requestedBy: string;
  createdAt: string;
  finishedAt: string | null;
}
