import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 未填请假单不来上班: work days with no clock-in and no approved leave, flagged once, cleared by a late leave. */
export class AbsencesWithoutLeave1766010000000 implements MigrationInterface {
  name = 'AbsencesWithoutLeave1766010000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `absences_without_leave` (`corp_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `work_date` varchar(10) NOT NULL, `flagged_at` datetime(3) NOT NULL, `cleared_at` datetime(3) NULL, `cleared_by_leave` varchar(64) NULL, INDEX `idx_absences_day` (`corp_id`, `work_date`), PRIMARY KEY (`corp_id`, `userid`, `work_date`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `absences_without_leave`');
  }
}
