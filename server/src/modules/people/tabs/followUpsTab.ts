import type { FollowUpRow } from '@liucai/shared';
import { Customer, FollowUp } from '../../../entities';
import { whereCrmRowPresent } from '../../sync/queries/crmRows';
import { isoOf, shortListPage, selectAs, textOrNull } from '../queries/paging';
import type { PersonTab } from './personTab';

/** 跟进: the person's CRM follow-ups, newest first; follow-ups DingTalk deleted are left out (crmRows.ts). */
export const followUpsTab: PersonTab = {
  key: 'follow-ups',
  list: ({ ds, person, page }) =>
    shortListPage(
      () =>
        whereCrmRowPresent(
          ds
            .getRepository(FollowUp)
            .createQueryBuilder('f')
            .leftJoin(Customer, 'c', 'c.corp_id = f.corp_id AND c.source = f.source AND c.source_id = f.customer_source_id')
            .where('f.corp_id = :corpId AND f.owner_userid = :userid', { corpId: person.corpId, userid: person.userid }),
          'f',
        ),
      (qb) =>
        selectAs(qb, {
          id: 'f.source_id',
          source: 'f.source',
          imported_at: 'f.imported_at',
          customer: 'c.name',
          followed_at: 'f.followed_at',
        })
          .orderBy('f.followed_at', 'DESC')
          .addOrderBy('f.source_id', 'ASC'),
      page,
      (r): FollowUpRow => ({
        id: String(r.id),
        source: r.source as FollowUpRow['source'],
        importedAt: isoOf(r.imported_at),
        customerName: textOrNull(r.customer),
        followedAt: isoOf(r.followed_at),
      }),
    ),
};
