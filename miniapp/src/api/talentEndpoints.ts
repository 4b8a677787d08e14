/** Typed calls to the talent API the micro-app uses. */
import type { TalentReview } from '@liucai/shared';
import { apiGet } from './client';

/** Stored scores of the people in my scope for a month (default: the newest month with scores). */
export const getTalentReview = (period?: string): Promise<TalentReview> =>
  apiGet(`/api/v1/talent/review${period ? `?period=${encodeURIComponent(period)}` : ''}`);
