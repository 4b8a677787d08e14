/** Typed calls to the retention radar API (`/api/v1/retention`): HR and supervisors only. */
import type { RetentionPersonView, RetentionReviewOutcome, RetentionReviewView, RetentionRiskList } from '@liucai/shared';
import { apiGet, apiPost } from './client';

const V1 = '/api/v1/retention';

/** The current week's risks in the viewer's scope (`band`: 高 / 中 / 低 / none). */
export const getRisks = (band?: string, page = 1): Promise<RetentionRiskList> => {
  const q = new URLSearchParams({ page: String(page), pageSize: '50' });
  if (band) q.set('band', band);
  return apiGet(`${V1}/risks?${q.toString()}`);
};
/** One person's weekly history, signals, drivers and reviews. */
export const getRiskPerson = (userid: string): Promise<RetentionPersonView> => apiGet(`${V1}/people/${encodeURIComponent(userid)}`);
/** HR's review of the person's current risk. */
export const reviewRisk = (userid: string, outcome: RetentionReviewOutcome, note: string): Promise<RetentionReviewView> =>
  apiPost(`${V1}/people/${encodeURIComponent(userid)}/reviews`, { outcome, note });
