/** Typed calls to the talent API the micro-app uses. */
import type { TalentDecisionKind, TalentDecisionView, TalentNineBox, TalentReview, TalentTier } from '@liucai/shared';
import { apiGet, apiPost } from './client';

const periodQuery = (period?: string) => (period ? `?period=${encodeURIComponent(period)}` : '');

/** Stored scores of the people in my scope for a month (default: the newest month with scores). */
export const getTalentReview = (period?: string): Promise<TalentReview> => apiGet(`/api/v1/talent/review${periodQuery(period)}`);

/** The 9-box of the same people (HR and admins). */
export const getTalentNineBox = (period?: string): Promise<TalentNineBox> => apiGet(`/api/v1/talent/review/nine-box${periodQuery(period)}`);

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
