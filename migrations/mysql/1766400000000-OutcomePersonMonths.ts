import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 转型看板: each person's month as facts, stored by the outcomes job. */
export class OutcomePersonMonths1766400000000 implements MigrationInterface {
  name = 'OutcomePersonMonths1766400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `outcome_person_months` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `month` varchar(7) NOT NULL, `userid` varchar(64) NOT NULL, `dept_id` bigint NULL, `tier` varchar(8) NULL, `employed_start` tinyint NOT NULL, `employed_end` tinyint NOT NULL, `left_in_month` tinyint NOT NULL, `hired` tinyint NOT NULL, `revenue_fen` bigint NOT NULL, `big_revenue_fen` bigint NOT NULL, `training_total` int NOT NULL, `training_done` int NOT NULL, `band` varchar(4) NULL, `new_hire` varchar(8) NULL, `computed_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_outcome_person_months` (`corp_id`, `month`, `userid`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `outcome_person_months`');
  }
}
