/**
 * Portrait periods: a month (yyyy-mm) or a quarter (yyyyQn, 2026Q3 = 2026-07..2026-09). Both are stored in the same
 * `period` column of the talent tables; a quarter's text never equals a month's, so a month's rows and its quarter's
 * rows never collide. Every window of a portrait is defined from a period's span (periodSpan): what counts “in the
 * period” reads its months (one, or the quarter's three), the longer windows (3, 12, 24 months) end with its last
 * month's last day.
 */
export type PeriodKind = 'month' | 'quarter';

export const MONTH_PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
export const QUARTER_PERIOD = /^\d{4}Q[1-4]$/;

/** “2026Q3” is a quarter, “2026-09” a month. */
export const periodKind = (period: string): PeriodKind => (QUARTER_PERIOD.test(period) ? 'quarter' : 'month');

/** “2026-08” → “2026Q3”. */
export const quarterOf = (month: string): string => `${month.slice(0, 4)}Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/** A quarter's last month is 03, 06, 09 or 12. */
export const isQuarterEnd = (month: string): boolean => Number(month.slice(5, 7)) % 3 === 0;

export interface PeriodSpan {
  kind: PeriodKind;
  /** The first and last month (yyyy-mm) of the period; equal for a month. */
  first: string;
  last: string;
  /** 1 or 3. */
  months: number;
}

/** The months a period covers: a month itself, a quarter its three. */
export function periodSpan(period: string): PeriodSpan {
  if (periodKind(period) === 'month') return { kind: 'month', first: period, last: period, months: 1 };
  const month = (m: number) => `${period.slice(0, 4)}-${String(m).padStart(2, '0')}`;
  const q = Number(period.slice(5));
  return { kind: 'quarter', first: month(q * 3 - 2), last: month(q * 3), months: 3 };
}

/** How a period is named on a page: “2026-09”, “2026 年第 3 季度”. */
export const periodLabel = (period: string): string => (periodKind(period) === 'quarter' ? `${period.slice(0, 4)} 年第 ${period.slice(5)} 季度` : period);
