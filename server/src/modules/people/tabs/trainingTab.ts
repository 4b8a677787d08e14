import type { TrainingRow } from '@liucai/shared';
import { TrainingRecord } from '../../../entities';
import { isoOf, shortListPage, selectAs, textOrNull } from '../queries/paging';
import type { PersonTab } from './personTab';

/** 培训: courses the person took, the latest completed first, then the ones not completed. */
export const trainingTab: PersonTab = {
  key: 'training',
  list: ({ ds, person, page }) =>
    shortListPage(
      () =>
        ds
          .getRepository(TrainingRecord)
          .createQueryBuilder('t')
          .where('t.corp_id = :corpId AND t.userid = :userid', { corpId: person.corpId, userid: person.userid }),
      (qb) =>
        selectAs(qb, {
          id: 't.source_id',
          source: 't.source',
          imported_at: 't.imported_at',
          course: 't.course',
          completion: 't.completion_percent',
          exam: 't.exam_score',
          completed_on: 't.completed_on',
          undated: 'CASE WHEN t.completed_on IS NULL THEN 1 ELSE 0 END',
        })
          .orderBy('undated', 'ASC')
          .addOrderBy('t.completed_on', 'DESC')
          .addOrderBy('t.course', 'ASC'),
      page,
      (r): TrainingRow => ({
        id: String(r.id),
        source: r.source as TrainingRow['source'],
        importedAt: isoOf(r.imported_at),
        course: String(r.course),
        completionPercent: Number(r.completion),
        examScore: r.exam === null || r.exam === undefined ? null : Number(r.exam),
        completedOn: textOrNull(r.completed_on),
      }),
    ),
};
