import { IsNull, Not, type DataSource, type FindOptionsWhere } from 'typeorm';
import { Customer as CustomerEntity, FollowUp as FollowUpEntity, type Customer, type Deal, type FollowUp } from '../../../entities';

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

/** One keyset page of `neverFollowedUpPage`: the customers found, and where the next page starts (null: none left). */
export interface NeverFollowedUpPage {
  customers: Pick<Customer, 'sourceId' | 'name' | 'ownerUserid'>[];
  after: string | null;
}

/**
 * Owned DingTalk customers without any follow-up DingTalk still has, among the next `limit` owned customers after
 * `after` (by source id). Two indexed reads, the page and then its follow-ups by (corp, customer): as one NOT EXISTS,
 * MariaDB once planned the follow-ups' lookup on the corp alone right after a first CRM sync (statistics not yet
 * updated), reading every follow-up of the corp per customer, minutes at 10,000 people.
 */
export async function neverFollowedUpPage(ds: DataSource, corpId: string, after: string, limit: number): Promise<NeverFollowedUpPage> {
  const owned = await ds
    .getRepository(CustomerEntity)
    .createQueryBuilder('c')
    .select(['c.sourceId', 'c.name', 'c.ownerUserid'])
    .where(`c.corp_id = :corpId AND c.source = 'dingtalk' AND c.owner_userid IS NOT NULL AND ${notRemovedSql('c')} AND c.source_id > :after`, { corpId, after })
    .orderBy('c.source_id')
    .take(limit)
    .getMany();
  if (owned.length === 0) return { customers: [], after: null };
  const followed = await ds
    .getRepository(FollowUpEntity)
    .createQueryBuilder('f')
    .select('DISTINCT f.customer_source_id', 'id')
    .where(`f.corp_id = :corpId AND f.customer_source_id IN (:...ids) AND ${notRemovedSql('f')}`, { corpId, ids: owned.map((c) => c.sourceId) })
    .getRawMany<{ id: string }>();
  const seen = new Set(followed.map((r) => r.id));
  return { customers: owned.filter((c) => !seen.has(c.sourceId)), after: owned.length < limit ? null : owned.at(-1)!.sourceId };
}
