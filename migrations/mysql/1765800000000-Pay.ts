import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pay foundations: incentive plans and their effective-dated versions, plan assignments (a person, or a job within a
 * department), KPI schemes and their versions. Definitions are JSON validated by shared/src/pay.
 */
export class Pay1765800000000 implements MigrationInterface {
  name = 'Pay1765800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      "CREATE TABLE `incentive_plans` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `code` varchar(64) NOT NULL, `name` varchar(100) NOT NULL, `description` varchar(500) NULL, `revision` int NOT NULL DEFAULT '0', `created_by` varchar(64) NOT NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_incentive_plans_code` (`corp_id`, `code`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
    await q.query(
      'CREATE TABLE `incentive_plan_versions` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `plan_id` int NOT NULL, `version` int NOT NULL, `status` varchar(16) NOT NULL, `effective_from` varchar(10) NOT NULL, `effective_to` varchar(10) NULL, `definition` text NOT NULL, `note` varchar(500) NULL, `copied_from_id` int NULL, `created_by` varchar(64) NOT NULL, `created_at` datetime(3) NOT NULL, `published_by` varchar(64) NULL, `published_at` datetime(3) NULL, INDEX `idx_incentive_plan_versions_plan` (`corp_id`, `plan_id`), UNIQUE INDEX `uq_incentive_plan_versions_number` (`plan_id`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `incentive_plan_assignments` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `plan_id` int NOT NULL, `target_kind` varchar(8) NOT NULL, `userid` varchar(64) NULL, `job_title` varchar(100) NULL, `dept_id` bigint NULL, `effective_from` varchar(10) NOT NULL, `effective_to` varchar(10) NULL, `created_by` varchar(64) NOT NULL, `created_at` datetime(3) NOT NULL, INDEX `idx_incentive_assignments_user` (`corp_id`, `userid`), INDEX `idx_incentive_assignments_job` (`corp_id`, `job_title`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      "CREATE TABLE `kpi_schemes` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `code` varchar(64) NOT NULL, `name` varchar(100) NOT NULL, `description` varchar(500) NULL, `job_title` varchar(100) NULL, `revision` int NOT NULL DEFAULT '0', `created_by` varchar(64) NOT NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_kpi_schemes_code` (`corp_id`, `code`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
    await q.query(
      'CREATE TABLE `kpi_scheme_versions` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `scheme_id` int NOT NULL, `version` int NOT NULL, `status` varchar(16) NOT NULL, `effective_from` varchar(10) NOT NULL, `effective_to` varchar(10) NULL, `definition` text NOT NULL, `note` varchar(500) NULL, `copied_from_id` int NULL, `created_by` varchar(64) NOT NULL, `created_at` datetime(3) NOT NULL, `published_by` varchar(64) NULL, `published_at` datetime(3) NULL, INDEX `idx_kpi_scheme_versions_scheme` (`corp_id`, `scheme_id`), UNIQUE INDEX `uq_kpi_scheme_versions_number` (`scheme_id`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `kpi_scheme_versions`');
    await q.query('DROP TABLE `kpi_schemes`');
    await q.query('DROP TABLE `incentive_plan_assignments`');
    await q.query('DROP TABLE `incentive_plan_versions`');
    await q.query('DROP TABLE `incentive_plans`');
  }
}
