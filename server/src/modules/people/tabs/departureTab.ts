import { DEPARTURE_REASON_LABELS, type DepartureRow } from '@liucai/shared';
import { Departure } from '../../../entities';
import { isoOf, shortListPage, selectAs, textOrNull } from '../queries/paging';
import type { PersonTab } from './personTab';

/** 离职: the person's departure records (DingTalk's dismission record and any imported one), latest first. */
export const departureTab: PersonTab = {
  key: 'departure',
  list: ({ ds, person, page }) =>
    shortListPage(
      () =>
        ds
          .getRepository(Departure)
          .createQueryBuilder('d')
          .where('d.corp_id = :corpId AND d.userid = :userid', { corpId: person.corpId, userid: person.userid }),
      (qb) =>
        selectAs(qb, {
          id: 'd.source_id',
          source: 'd.source',
          imported_at: 'd.imported_at',
          last_day: 'd.last_day',
          reason_type: 'd.reason_type',
          reason: 'd.reason',
        })
          .orderBy('d.last_day', 'DESC')
          .addOrderBy('d.source', 'ASC'),
      page,
      (r): DepartureRow => {
        const reasonType = r.reason_type === null || r.reason_type === undefined ? null : Number(r.reason_type);
        return {
          id: String(r.id),
          source: r.source as DepartureRow['source'],
          importedAt: isoOf(r.imported_at),
          lastDay: String(r.last_day),
          reasonType,
          reasonLabel: reasonType === null ? null : (DEPARTURE_REASON_LABELS[reasonType] ?? null),
          reason: textOrNull(r.reason),
        };
      },
    ),
};
