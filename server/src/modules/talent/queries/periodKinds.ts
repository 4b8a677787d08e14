/**
 * The talent tables hold months (period yyyy-mm) and quarters (yyyyQn) in the same `period` column. Reads that mean
 * “the newest month” (the review, the impact preview, a portrait by default) or a range of months filter with these,
 * so a quarter never passes for a month (“2026Q3” sorts after “2026-12”).
 */
import { Like } from 'typeorm';
import { monthsBetween, type PeriodKind } from '@liucai/shared';

/** SQL LIKE patterns of each kind's period text (`_` is any one character in MySQL and SQLite alike). */
export const PERIOD_LIKE: Record<PeriodKind, string> = { month: '____-__', quarter: '____Q_' };

/** A find() condition on `period` for one kind. */
export const periodOfKind = (kind: PeriodKind) => Like(PERIOD_LIKE[kind]);

/**
 * A WHERE condition “`alias.period` is a month from `from` to `to` (yyyy-mm, both included)”, with its parameters
 * (named after `key`, so two ranges can share a query): the months listed, so a quarter's text (“2025Q4”, which sorts
 * between months of different years and would pass a `>=` / `<=` range) never passes, and each month is an equality
 * the (corp, period, …) indexes seek.
 */
export function monthRange(alias: string, from: string, to: string, key = 'monthRange'): { sql: string; params: Record<string, string[]> } {
  const months = monthsBetween(from, to);
  return { sql: months.length === 0 ? '1 = 0' : `${alias}.period IN (:...${key})`, params: { [key]: months } };
}
