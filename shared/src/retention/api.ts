/** The retention radar's API shapes (留才雷达). A risk is never shown to the person it is about. */
import type { RiskBand } from './bands';
import type { DomainSignal } from './domainSignals';
import type { RetentionTeamView } from './teamComparison';

/** What every viewer sees of a person's current risk: HR fields are null for a supervisor. */
export interface RetentionRiskView {
  userid: string;
  name: string;
  deptName: string | null;
  title: string | null;
  weekStart: string;
  band: RiskBand | null;
  /** In words: the model's drivers, and the rule's reading when it fired. */
  drivers: string[];
  /** HR only (null for a supervisor): the probability in basis points (model, else the rule's 80%). */
  probabilityBp: number | null;
  /** HR only: whether the articles' rule fired, its version and reading in words. */
  rule: { version: string; fired: boolean; reason: string } | null;
  /** HR only: why there is no model probability (e.g. “数据不足 …”). */
  modelNote: string | null;
  /** HR only: the latest review of this week's risk. */
  review: RetentionReviewView | null;
  /** True when the viewer sees this person as HR (full view), false as their supervisor. */
  asHr: boolean;
}

export interface RetentionRiskList {
  weekStart: string | null;
  counts: Record<'高' | '中' | '低' | 'none', number>;
  risks: RetentionRiskView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RetentionWeekView {
  weekStart: string;
  band: RiskBand | null;
  /** HR only. */
  probabilityBp: number | null;
  ruleFired: boolean | null;
  /** HR only: the week's counts. */
  signals: { leaves: number; late: number; absences: number; followUps: number; collaborations: number; helping: number; deals: number } | null;
}

export interface RetentionPersonView {
  current: RetentionRiskView | null;
  /** HR only: each signal against the person's baseline, in words. */
  signals: Record<string, string> | null;
  /** HR only: each signal against the main department's other active members (null before this was computed). */
  team: RetentionTeamView | null;
  /** HR only: 绩效发放, 岗位匹配分 and 培训 (each 无数据 when its domain holds nothing for the person). */
  domainSignals: DomainSignal[] | null;
  weeks: RetentionWeekView[];
  /** HR only: every review, newest first. */
  reviews: RetentionReviewView[];
}

export type RetentionReviewOutcome = '已沟通' | '误报';
export const RETENTION_REVIEW_OUTCOMES: readonly RetentionReviewOutcome[] = ['已沟通', '误报'];

export interface RetentionReviewView {
  id: number;
  weekStart: string;
  outcome: RetentionReviewOutcome;
  note: string;
  reviewerUserid: string;
  reviewerName: string | null;
  reviewedAt: string;
}

/** Said wherever a risk is shown. */
export const RETENTION_SCORE_NOTICE = '风险分只是提醒你找他聊一聊，不是结论：不要据此做任何人事决定，也不要告诉本人他被标记了。';
