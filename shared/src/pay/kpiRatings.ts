/**
 * Supervisors' ratings of the judgement indicators (source `supervisorRating`): a whole number 1–5, with a comment
 * required for the extremes (1 and 5); a month may be rated from its first day until `ratingWindowDays` days into the
 * next month (KPI_RATING_WINDOW_DAYS, default 10), so the month's scores are settled soon after it ends.
 */
import { addMonths } from '../talent/portrait';
import { KPI_RATING_SCALE } from './kpiMeasures';

export interface KpiSettings {
  /** Days into the next month a month may still be rated. */
  ratingWindowDays: number;
  /** Consecutive months meeting KPI that make a person eligible for promotion. */
  promotionMonths: number;
}
export const DEFAULT_KPI_SETTINGS: KpiSettings = { ratingWindowDays: 10, promotionMonths: 3 };

const pad = (n: number) => String(n).padStart(2, '0');

/** The days (yyyy-mm-dd, inclusive) a month may be rated on. */
export function ratingWindow(period: string, ratingWindowDays: number): { opens: string; closes: string } {
  const next = addMonths(period, 1);
  // Day 0 of the next month is the month's last day.
  const closes =
    ratingWindowDays === 0
      ? new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)) - 1, 0)).toISOString().slice(0, 10)
      : `${next}-${pad(ratingWindowDays)}`;
  return { opens: `${period}-01`, closes };
}

export interface KpiRatingInput {
  period: string;
  indicatorId: string;
  rating: number;
  comment?: string | null | undefined;
}

/** Problems of a rating given on `today` (empty: fine), each naming its field. */
export function kpiRatingProblems(input: KpiRatingInput, today: string, ratingWindowDays: number): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const { min, max } = KPI_RATING_SCALE;
  if (!Number.isInteger(input.rating) || input.rating < min || input.rating > max) {
    problems.push({ field: 'rating', message: `评分应为 ${min} 到 ${max} 的整数` });
  } else if ((input.rating === min || input.rating === max) && !input.comment?.trim()) {
    problems.push({ field: 'comment', message: `评分为 ${min} 分或 ${max} 分时须填写评语，说明依据` });
  }
  const w = ratingWindow(input.period, ratingWindowDays);
  if (today < w.opens) problems.push({ field: 'period', message: `${input.period} 的评分从 ${w.opens} 开始` });
  else if (today > w.closes) problems.push({ field: 'period', message: `${input.period} 的评分已于 ${w.closes} 截止` });
  return problems;
}
