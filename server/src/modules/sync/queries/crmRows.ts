import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * The rules that decide which CRM rows a reader sees, written once:
 * - a row DingTalk deleted (`removed_at` set by a full CRM pass, see crmRemovals.ts) is left out everywhere, as if
 *   it had never been read; imported rows never have one;
 * - a cancelled deal is still a deal (it is listed, marked 已取消) but never counts: not in totals, segments or
 *   first / last deal dates.
 */

/** Leave out customers, deals or follow-ups DingTalk deleted (`alias` is one of those tables). */
export function whereCrmRowPresent<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  return qb.andWhere(`${alias}.removed_at IS NULL`);
}

/** Deals that count (totals, segments, first / last deal): present and not cancelled. */
export function whereDealCounts<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  return whereCrmRowPresent(qb, alias).andWhere(`${alias}.status <> 'cancelled'`);
}

/** Whether a deal row counts, for rows already read (the same rule as `whereDealCounts`). */
export function dealCounts(deal: { status: string; removedAt?: Date | null }): boolean {
  return !deal.removedAt && deal.status !== 'cancelled';
}
