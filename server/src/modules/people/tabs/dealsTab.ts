import type { DataSource } from 'typeorm';
import type { DealRow, DealsPage } from '@liucai/shared';
import { Customer, Deal } from '../../../entities';
import { dealCounts, whereCrmRowPresent, whereDealCounts } from '../../sync/queries/crmRows';
import { isoOf, shortListPage, selectAs } from '../queries/paging';
import type { PersonTab, TabPerson } from './personTab';

/**
 * A deal's segment: its customer's (big / small client, from all the customer's deals, customerSegments.ts); a deal
 * with no CRM customer (imported) is judged by its own amount, as a customer's first deal would be.
 */
const SEGMENT = "CASE WHEN c.segment IS NOT NULL THEN c.segment WHEN d.amount_fen >= :bigFen THEN 'big' ELSE 'small' END";

/** The person's deals that DingTalk has not deleted, joined to their customer (when it is still there). */
function ownedDeals(ds: DataSource, person: TabPerson, bigFen: number) {
  const qb = ds
    .getRepository(Deal)
    .createQueryBuilder('d')
    .leftJoin(Customer, 'c', 'c.corp_id = d.corp_id AND c.source = d.source AND c.source_id = d.customer_source_id AND c.removed_at IS NULL')
    .where('d.corp_id = :corpId AND d.owner_userid = :userid', { corpId: person.corpId, userid: person.userid })
    .setParameter('bigFen', bigFen);
  return whereCrmRowPresent(qb, 'd');
}

/**
 * 成交: the person's deals, newest signed first, each with its segment and status. Deleted in DingTalk: left out;
 * cancelled: listed as such, not counted in the summary (both rules from crmRows.ts).
 */
export const dealsTab: PersonTab = {
  key: 'deals',
  async list({ ds, config, person, page }): Promise<DealsPage> {
    const bigFen = config.crm.bigDealFen;
    const paged = await shortListPage(
      () => ownedDeals(ds, person, bigFen),
      (qb) =>
        selectAs(qb, {
          id: 'd.source_id',
          source: 'd.source',
          imported_at: 'd.imported_at',
          customer: 'd.customer_name',
          segment: SEGMENT,
          amount_fen: 'd.amount_fen',
          signed_on: 'd.signed_on',
          renewal_years: 'd.renewal_years',
          status: 'd.status',
        })
          .orderBy('d.signed_on', 'DESC')
          .addOrderBy('d.source_id', 'ASC'),
      page,
      (r): DealRow => ({
        id: String(r.id),
        source: r.source as DealRow['source'],
        importedAt: isoOf(r.imported_at),
        customerName: String(r.customer),
        segment: r.segment === 'big' ? 'big' : 'small',
        amountFen: Number(r.amount_fen),
        signedOn: String(r.signed_on),
        renewalYears: Number(r.renewal_years),
        status: r.status as DealRow['status'],
        counts: dealCounts({ status: String(r.status) }),
      }),
    );
    const sums = await whereDealCounts(ownedDeals(ds, person, bigFen), 'd')
      .select(SEGMENT, 'segment')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(d.amount_fen)', 'fen')
      .groupBy('segment')
      .getRawMany<{ segment: string; n: number | string; fen: number | string | null }>();
    const summary = { count: 0, amountFen: 0, big: 0, small: 0 };
    for (const s of sums) {
      const n = Number(s.n);
      summary.count += n;
      summary.amountFen += Number(s.fen ?? 0);
      if (s.segment === 'big') summary.big += n;
      else summary.small += n;
    }
    return { ...paged, summary };
  },
};
