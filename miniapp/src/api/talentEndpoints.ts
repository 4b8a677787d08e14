/** Typed calls to the talent API the micro-app uses. */
import type {
  JobModelDefinition,
  JobModelImpact,
  JobModelVersionView,
  JobModelView,
  PeriodKind,
  RuleVersionInput,
  TalentDecisionKind,
  TalentDecisionView,
  TalentNineBox,
  TalentNineBoxCell,
  NineBoxCellKey,
  TalentPersonScores,
  TalentRecomputeRunView,
  TalentReview,
  TalentReviewDepartments,
  TalentReviewQuery,
  TalentTier,
} from '@liucai/shared';
import { apiGet, apiPost, apiPut } from './client';

const periodQuery = (period?: string) => (period ? `?period=${encodeURIComponent(period)}` : '');

/** The query string of a review request: the fields set, in a fixed order (`?` included; empty when none). */
export function talentReviewQuery(q: TalentReviewQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, value === true ? '1' : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The review pages' page size: the cards show every dimension, so 20 a page keeps a phone's scroll short. */
export const REVIEW_PAGE_SIZE = 20;

/**
 * One page of the stored scores of the people in my scope who match the filters, with the tier counts (default:
 * the newest month with scores, highest score first, 50 a page).
 */
export const getTalentReview = (q: TalentReviewQuery = {}): Promise<TalentReview> => apiGet(`/api/v1/talent/review${talentReviewQuery(q)}`);

/** The tier counts per department of the people in my scope (人才盘点 → 按部门). */
export const getTalentReviewDepartments = (period?: string | null): Promise<TalentReviewDepartments> =>
  apiGet(`/api/v1/talent/review/departments${periodQuery(period ?? undefined)}`);

/** The 9-box of the same people (HR and admins): each cell's count and first people. */
export const getTalentNineBox = (period?: string): Promise<TalentNineBox> => apiGet(`/api/v1/talent/review/nine-box${periodQuery(period)}`);

/** One page of one 9-box cell's people (`cell`: tier-performance, e.g. move-high). */
export const getTalentNineBoxCell = (period: string | null, cell: NineBoxCellKey, page: number, pageSize: number): Promise<TalentNineBoxCell> => {
  const params = new URLSearchParams({ cell, page: String(page), pageSize: String(pageSize) });
  if (period) params.set('period', period);
  return apiGet(`/api/v1/talent/review/nine-box?${params.toString()}`);
};

/** Where the review downloads as a file (HR and admins). */
export const talentReviewExportUrl = (format: 'xlsx' | 'csv', period?: string | null): string =>
  `/api/v1/talent/review/export?format=${format}${period ? `&period=${encodeURIComponent(period)}` : ''}`;

export interface TalentDecisionRequest {
  period: string;
  jobModelId: number;
  kind: TalentDecisionKind;
  tier?: TalentTier;
  reason?: string;
}

/** HR records a decision on a person's suggested tier. */
export const postTalentDecision = (userid: string, body: TalentDecisionRequest): Promise<TalentDecisionView> =>
  apiPost(`/api/v1/talent/people/${encodeURIComponent(userid)}/decisions`, body);

/** Job models with their versions (HR, admin; the built-in one is seeded on first read). */
export const listJobModels = (): Promise<JobModelView[]> => apiGet('/api/v1/job-models');
/** A new draft version of a model (validated on the server). */
export const createJobModelVersion = (modelId: number, body: RuleVersionInput<JobModelDefinition>): Promise<JobModelVersionView> =>
  apiPost(`/api/v1/job-models/${modelId}/versions`, body);
/** Change a draft (409 once published). */
export const updateJobModelVersion = (versionId: number, body: RuleVersionInput<JobModelDefinition>): Promise<JobModelVersionView> =>
  apiPut(`/api/v1/job-model-versions/${versionId}`, body);
/** Publish a draft: from then on it never changes; this month's scores are recomputed in the background. */
export const publishJobModelVersion = (versionId: number): Promise<{ published: JobModelVersionView; superseded: JobModelVersionView | null }> =>
  apiPost(`/api/v1/job-model-versions/${versionId}/publish`);
/** Everyone in my scope: stored score → the score under the version, and why. */
export const getJobModelImpact = (versionId: number): Promise<JobModelImpact> => apiGet(`/api/v1/job-model-versions/${versionId}/impact`);

/**
 * One person's scores over the months and quarters, HR's decisions and the newest monthly portrait, or with
 * `kind: 'quarter'` the newest quarterly one (404 outside my scope, or when no quarter is computed yet).
 */
export const getTalentPerson = (userid: string, kind: PeriodKind = 'month'): Promise<TalentPersonScores> =>
  apiGet(`/api/v1/talent/people/${encodeURIComponent(userid)}${kind === 'quarter' ? '?kind=quarter' : ''}`);

/** Start recomputing a month's portraits and match scores (HR, admin), or get the corp's running recompute. */
export const startTalentRecompute = (period?: string): Promise<TalentRecomputeRunView & { started: boolean }> =>
  apiPost('/api/v1/talent/recomputes', period ? { period } : {});
/** A recompute's progress. */
export const getTalentRecompute = (id: number): Promise<TalentRecomputeRunView> => apiGet(`/api/v1/talent/recomputes/${id}`);
