import { IsNull, Not, type FindOptionsWhere, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { Customer, Deal, FollowUp } from '../../../entities';

/**
 * Named rules over the CRM rows, written once. A full CRM pass marks what DingTalk no longer lists with `removed_at`
 * (never deleting it); such rows count nowhere: not in segments, first/last deal dates, counts or gaps.
 */

/** Rows DingTalk still has (find-options fragment). */
export const notRemoved = { removedAt: IsNull() } as const;

/** The same rule for a query builder alias: `c.removed_at IS NULL`. */
export const notRemovedSql = (alias: string): string => `${alias}.removed_at IS NULL`;

/** DingTalk's rows of one corp that DingTalk still has. */
export const heldFromDingTalk = (corpId: string) => ({ corpId, source: 'dingtalk' as const, ...notRemoved });

/** Customers held from DingTalk (enterprise and personal). */
export const heldCustomers = (corpId: string, kind?: Customer['kind']): FindOptionsWhere<Customer> => ({
  ...heldFromDingTalk(corpId),
  ...(kind ? { kind } : {}),
});

/** Contracts held, from DingTalk CRM and from imports alike. */
export const heldDeals = (corpId: string, source?: Deal['source']): FindOptionsWhere<Deal> => ({ corpId, ...notRemoved, ...(source ? { source } : {}) });

/** Follow-ups held from DingTalk. */
export const heldFollowUps = (corpId: string): FindOptionsWhere<FollowUp> => heldFromDingTalk(corpId);

/**
 * Deals that decide a customer's segment and first/last deal dates: DingTalk's, linked to a customer, not
 * cancelled, not removed.
 */
export const segmentDeals = (corpId: string): FindOptionsWhere<Deal> => ({
  ...heldFromDingTalk(corpId),
  customerSourceId: Not(IsNull()),
  status: Not('cancelled' as const),
});

/** Contracts nobody owns (their value is credited to nobody), of one source. */
export const ownerlessDeals = (corpId: string, source: Deal['source']): FindOptionsWhere<Deal> => ({ corpId, source, ownerUserid: IsNull(), ...notRemoved });

/**
 * Owned DingTalk customers without any follow-up DingTalk still has, on a query builder over `customers` aliased
 * `alias`.
 */
export function whereNeverFollowedUp<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, corpId: string): SelectQueryBuilder<T> {
  return qb
    .andWhere(`${alias}.corp_id = :nfCorpId AND ${alias}.source = 'dingtalk' AND ${alias}.owner_userid IS NOT NULL AND ${notRemovedSql(alias)}`, {
      nfCorpId: corpId,
    })
    .andWhere(
      `NOT EXISTS (SELECT 1 FROM follow_ups nf WHERE nf.corp_id = ${alias}.corp_id AND nf.customer_source_id = ${alias}.source_id AND ${notRemovedSql('nf')})`,
    );
}
