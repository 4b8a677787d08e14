import type { LeaveRow } from '@liucai/shared';
import { LeaveRecord } from '../../../entities';
import { isoOf, shortListPage, selectAs } from '../queries/paging';
import type { PersonTab } from './personTab';

/** DingTalk's leave codes look like UUIDs; only a name is worth showing. */
const LOOKS_LIKE_CODE = /^[0-9a-f]{8}-[0-9a-f-]{20,}$/i;

/** 请假: every leave record of the person, newest first, with its approval state (nothing is hidden). */
export const leaveTab: PersonTab = {
  key: 'leave',
  list: ({ ds, person, page }) =>
    shortListPage(
      () =>
        ds
          .getRepository(LeaveRecord)
          .createQueryBuilder('l')
          .where('l.corp_id = :corpId AND l.userid = :userid', { corpId: person.corpId, userid: person.userid }),
      (qb) =>
        selectAs(qb, {
          id: 'l.source_id',
          source: 'l.source',
          imported_at: 'l.imported_at',
          leave_type: 'l.leave_type',
          start_at: 'l.start_at',
          end_at: 'l.end_at',
          unit: 'l.duration_unit',
          hundredths: 'l.duration_hundredths',
          state: 'l.approval_state',
        })
          .orderBy('l.start_at', 'DESC')
          .addOrderBy('l.source_id', 'ASC'),
      page,
      (r): LeaveRow => {
        const type = String(r.leave_type ?? '');
        return {
          id: String(r.id),
          source: r.source as LeaveRow['source'],
          importedAt: isoOf(r.imported_at),
          leaveType: type && !LOOKS_LIKE_CODE.test(type) ? type : null,
          startAt: isoOf(r.start_at),
          endAt: isoOf(r.end_at),
          unit: r.unit === 'hour' ? 'hour' : 'day',
          durationHundredths: Number(r.hundredths),
          state: r.state as LeaveRow['state'],
        };
      },
    ),
};
