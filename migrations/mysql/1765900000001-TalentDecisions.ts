import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * HR decisions of the talent review (人才盘点): per person, month and job model, agree with the suggested tier or
 * override it with a reason. Rows are never changed: a new decision is a new row, the newest is the one in force.
 */
export class TalentDecisions1765900000001 implements MigrationInterface {
  name = 'TalentDecisions1765900000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `talent_decisions` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `period` varchar(7) NOT NULL, `job_model_id` int NOT NULL, `version_id` int NOT NULL, `suggested_score_t` int NULL, `suggested_tier` varchar(8) NULL, `kind` varchar(8) NOT NULL, `tier` varchar(8) NOT NULL, `reason` varchar(500) NULL, `decided_by` varchar(64) NOT NULL, `decided_at` datetime(3) NOT NULL, INDEX `idx_talent_decisions_person` (`corp_id`, `userid`, `period`), INDEX `idx_talent_decisions_period` (`corp_id`, `period`, `job_model_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `talent_decisions`');
  }
}
