import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Portrait evidence: team and company medians per metric and month, and HR's versioned reference values. */
export class TalentMetricEvidence1766600000000 implements MigrationInterface {
  name = 'TalentMetricEvidence1766600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `talent_metric_medians` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `period` varchar(7) NOT NULL, `group_key` varchar(40) NOT NULL, `metric` varchar(40) NOT NULL, `median` varchar(32) NULL, `people` int NOT NULL, `population` int NOT NULL, `missing` varchar(200) NULL, `computed_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_talent_metric_medians` (`corp_id`, `period`, `group_key`, `metric`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `talent_metric_references` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `metric` varchar(40) NOT NULL, `version` int NOT NULL, `value` varchar(32) NULL, `note` varchar(200) NULL, `set_by` varchar(64) NOT NULL, `set_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_talent_metric_references` (`corp_id`, `metric`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `talent_metric_references`');
    await q.query('DROP TABLE `talent_metric_medians`');
  }
}
