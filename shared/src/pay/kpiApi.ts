/** The KPI results API (/api/v1/kpi/mine, /team, /people, /ratings, /promotions) as the micro-app reads it. */
import type { PromotionStreak } from './promotionStreak';

export interface KpiIndicatorView {
  id: string;
  label: string;
  group: 'individual' | 'team';
  source: string;
  measure: string;
  unit: string;
  target: string;
  /** The measured value (null: 无数据), its score 0–100 and the weights before and after team linkage. */
  value: string | null;
  score: string;
  baseWeight: string;
  weight: string;
  contribution: string;
  explanation: string;
  /** How the value was measured, and the rows behind it (`deal:dingtalk:D1`, `rating:7` …). */
  note: string;
  sources: string[];
}

export interface KpiMonthView {
  period: string;
  total: string;
  passScore: string;
  met: boolean;
}

export interface KpiTeamView {
  status: 'met' | 'missed' | null;
  members: number;
  average: string;
  passScore: string;
}

export interface KpiPromotionView {
  id: number;
  userid: string;
  name: string;
  streakFrom: string;
  period: string;
  evidence: PromotionStreak['evidence'];
  decision: 'promote' | 'notYet' | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** One person's KPI: the month shown in detail, the months before it (trend) and the promotion streak. */
export interface KpiPersonView {
  userid: string;
  name: string;
  title: string | null;
  /** The month shown (null: no month scored yet). */
  period: string | null;
  scheme: { id: number; name: string; versionId: number; version: number } | null;
  total: string | null;
  passScore: string | null;
  met: boolean | null;
  team: KpiTeamView | null;
  /** The team linkage in words (how weights moved). */
  linkage: string | null;
  explanation: string | null;
  indicators: KpiIndicatorView[];
  /** Up to 12 months, oldest first. */
  trend: KpiMonthView[];
  streak: PromotionStreak;
  promotion: KpiPromotionView | null;
  computedAt: string | null;
}

export interface KpiRatableIndicator {
  id: string;
  label: string;
  rating: number | null;
  comment: string | null;
}

/** A row of 团队绩效 / HR's list: the month's total, the streak, and for a supervisor the ratings to give. */
export interface KpiPersonRow {
  userid: string;
  name: string;
  title: string | null;
  total: string | null;
  passScore: string | null;
  met: boolean | null;
  team: 'met' | 'missed' | null;
  streak: number;
  eligible: boolean;
  ratable: KpiRatableIndicator[];
}

export interface KpiPeopleList {
  period: string;
  /** The rating window of the month. */
  ratingWindow: { opens: string; closes: string };
  people: KpiPersonRow[];
  promotions: KpiPromotionView[];
}

/** Most rows a page of HR's KPI list (`GET /api/v1/kpi/people`) holds; 20 by default. */
export const KPI_PEOPLE_PAGE_SIZE_MAX = 100;

/**
 * GET /api/v1/kpi/people: one page of the people scored in the month within HR's departments (by name), with the
 * month's figures over all of them (共 N 人, 达标 M 人).
 */
export interface KpiPeoplePage extends KpiPeopleList {
  total: number;
  metCount: number;
  page: number;
  pageSize: number;
}
