import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 转型看板: the stored person-months added up per month, grouping, group and main department (read by the page); and
 * 测评管理: a cycle's sheets in subject order with their state, so its counts and pages never read the answers.
 */
export class OutcomeGroupMonths1767820000000 implements MigrationInterface {
  name = 'OutcomeGroupMonths1767820000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `outcome_group_months` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `month` varchar(7) NOT NULL, `grouping_kind` varchar(8) NOT NULL, `group_key` varchar(32) NOT NULL, `scope_dept_id` bigint NULL, `rows` int NOT NULL, `headcount` int NOT NULL, `leavers` int NOT NULL, `retained` int NOT NULL, `revenue_fen` bigint NOT NULL, `big_revenue_fen` bigint NOT NULL, `training_total` int NOT NULL, `training_done` int NOT NULL, `new_met` int NOT NULL, `new_missed` int NOT NULL, `new_unknown` int NOT NULL, `new_pending` int NOT NULL, `tier_move` int NOT NULL, `tier_train` int NOT NULL, `tier_reassign` int NOT NULL, `tier_none` int NOT NULL, `risk_high` int NOT NULL, `risk_mid` int NOT NULL, `risk_low` int NOT NULL, `risk_none` int NOT NULL, `stayed11` int NOT NULL, `computed_at` datetime(3) NOT NULL, INDEX `idx_outcome_group_months_scope` (`corp_id`, `grouping_kind`, `scope_dept_id`, `month`), INDEX `idx_outcome_group_months_month` (`corp_id`, `grouping_kind`, `month`, `computed_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE INDEX `idx_assessment_responses_cycle` ON `assessment_responses` (`corp_id`, `cycle_id`, `subject_userid`, `role`, `started_at`, `submitted_at`)',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_assessment_responses_cycle` ON `assessment_responses`');
    await q.query('DROP TABLE `outcome_group_months`');
  }
}
