import type { SatisfactionRow } from '@liucai/shared';
import { SatisfactionScore } from '../../../entities';
import { isoOf, shortListPage, selectAs } from '../queries/paging';
import type { PersonTab } from './personTab';

/** 满意度: satisfaction surveys of the customers the person owns, newest first. */
export const satisfactionTab: PersonTab = {
  key: 'satisfaction',
  list: ({ ds, person, page }) =>
    shortListPage(
      () =>
        ds
          .getRepository(SatisfactionScore)
          .createQueryBuilder('s')
          .where('s.corp_id = :corpId AND s.owner_userid = :userid', { corpId: person.corpId, userid: person.userid }),
      (qb) =>
        selectAs(qb, {
          id: 's.source_id',
          source: 's.source',
          imported_at: 's.imported_at',
          customer: 's.customer_name',
          score: 's.score_tenths',
          surveyed_on: 's.surveyed_on',
        })
          .orderBy('s.surveyed_on', 'DESC')
          .addOrderBy('s.customer_name', 'ASC'),
      page,
      (r): SatisfactionRow => ({
        id: String(r.id),
        source: r.source as SatisfactionRow['source'],
        importedAt: isoOf(r.imported_at),
        customerName: String(r.customer),
        scoreTenths: Number(r.score),
        surveyedOn: String(r.surveyed_on),
      }),
    ),
};
