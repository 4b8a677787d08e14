import type { CollaborationRow } from '@liucai/shared';
import { CollaborationEvent } from '../../../entities';
import { isoOf, shortListPage, selectAs, textOrNull } from '../queries/paging';
import type { PersonTab } from './personTab';

/** 协作: cross-department collaborations (from CRM follow-ups and imports), newest first. */
export const collaborationsTab: PersonTab = {
  key: 'collaborations',
  list: ({ ds, person, page }) =>
    shortListPage(
      () =>
        ds
          .getRepository(CollaborationEvent)
          .createQueryBuilder('c')
          .where('c.corp_id = :corpId AND c.userid = :userid', { corpId: person.corpId, userid: person.userid }),
      (qb) =>
        selectAs(qb, {
          id: 'c.source_id',
          source: 'c.source',
          imported_at: 'c.imported_at',
          with_department: 'c.with_department',
          customer: 'c.customer_name',
          occurred_on: 'c.occurred_on',
        })
          .orderBy('c.occurred_on', 'DESC')
          .addOrderBy('c.source_id', 'ASC'),
      page,
      (r): CollaborationRow => ({
        id: String(r.id),
        source: r.source as CollaborationRow['source'],
        importedAt: isoOf(r.imported_at),
        withDepartment: String(r.with_department),
        customerName: textOrNull(r.customer),
        occurredOn: String(r.occurred_on),
      }),
    ),
};
