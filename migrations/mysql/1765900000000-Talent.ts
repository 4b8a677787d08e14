import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Talent foundations: job models and their effective-dated versions (definitions validated by shared/src/talent),
 * monthly portrait metrics per person, and match scores per person, month and job-model version.
 */
export class Talent1765900000000 implements MigrationInterface {
  name = 'Talent1765900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      "CREATE TABLE `job_models` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `code` varchar(64) NOT NULL, `name` varchar(100) NOT NULL, `description` varchar(500) NULL, `revision` int NOT NULL DEFAULT '0', `created_by` varchar(64) NOT NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_job_models_code` (`corp_id`, `code`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
    await q.query(
      'CREATE TABLE `job_model_versions` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `job_model_id` int NOT NULL, `version` int NOT NULL, `status` varchar(16) NOT NULL, `effective_from` varchar(10) NOT NULL, `effective_to` varchar(10) NULL, `definition` text NOT NULL, `note` varchar(500) NULL, `copied_from_id` int NULL, `created_by` varchar(64) NOT NULL, `created_at` datetime(3) NOT NULL, `published_by` varchar(64) NULL, `published_at` datetime(3) NULL, INDEX `idx_job_model_versions_model` (`corp_id`, `job_model_id`), UNIQUE INDEX `uq_job_model_versions_number` (`job_model_id`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `talent_metrics` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `period` varchar(7) NOT NULL, `metric` varchar(40) NOT NULL, `value` varchar(32) NULL, `sample` int NOT NULL, `missing` varchar(200) NULL, `detail` text NULL, `computed_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_talent_metrics` (`corp_id`, `period`, `userid`, `metric`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `talent_match_scores` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `period` varchar(7) NOT NULL, `job_model_id` int NOT NULL, `version_id` int NOT NULL, `score_t` int NULL, `tier` varchar(8) NULL, `detail` text NOT NULL, `computed_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_talent_match_scores` (`corp_id`, `period`, `version_id`, `userid`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `talent_match_scores`');
    await q.query('DROP TABLE `talent_metrics`');
    await q.query('DROP TABLE `job_model_versions`');
    await q.query('DROP TABLE `job_models`');
  }
}
