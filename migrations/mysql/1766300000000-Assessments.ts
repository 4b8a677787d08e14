import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assessments (测评): questionnaires and their versions (definitions validated by shared/src/talent/questionnaire.ts),
 * cycles HR launches, and one answer sheet per cycle, subject and role (self or supervisor).
 */
export class Assessments1766300000000 implements MigrationInterface {
  name = 'Assessments1766300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      "CREATE TABLE `questionnaires` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `code` varchar(64) NOT NULL, `name` varchar(100) NOT NULL, `description` varchar(500) NULL, `revision` int NOT NULL DEFAULT '0', `created_by` varchar(64) NOT NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_questionnaires_code` (`corp_id`, `code`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
    await q.query(
      'CREATE TABLE `questionnaire_versions` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `questionnaire_id` int NOT NULL, `version` int NOT NULL, `status` varchar(16) NOT NULL, `effective_from` varchar(10) NOT NULL, `effective_to` varchar(10) NULL, `definition` text NOT NULL, `note` varchar(500) NULL, `copied_from_id` int NULL, `created_by` varchar(64) NOT NULL, `created_at` datetime(3) NOT NULL, `published_by` varchar(64) NULL, `published_at` datetime(3) NULL, INDEX `idx_questionnaire_versions_questionnaire` (`corp_id`, `questionnaire_id`), UNIQUE INDEX `uq_questionnaire_versions_number` (`questionnaire_id`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `assessment_cycles` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `title` varchar(100) NOT NULL, `questionnaire_id` int NOT NULL, `version_id` int NOT NULL, `due_on` varchar(10) NOT NULL, `time_limit_minutes` int NULL, `supervisor_rating` tinyint NOT NULL DEFAULT 0, `audience` text NOT NULL, `created_by` varchar(64) NOT NULL, `created_at` datetime(3) NOT NULL, `reminded_at` datetime(3) NULL, INDEX `idx_assessment_cycles_corp` (`corp_id`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `assessment_responses` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `cycle_id` int NOT NULL, `version_id` int NOT NULL, `subject_userid` varchar(64) NOT NULL, `rater_userid` varchar(64) NOT NULL, `role` varchar(16) NOT NULL, `answers` text NULL, `started_at` datetime(3) NULL, `deadline_at` datetime(3) NULL, `saved_at` datetime(3) NULL, `submitted_at` datetime(3) NULL, `scores` text NULL, INDEX `idx_assessment_responses_rater` (`corp_id`, `rater_userid`), INDEX `idx_assessment_responses_subject` (`corp_id`, `subject_userid`), UNIQUE INDEX `uq_assessment_responses` (`cycle_id`, `subject_userid`, `role`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `assessment_responses`');
    await q.query('DROP TABLE `assessment_cycles`');
    await q.query('DROP TABLE `questionnaire_versions`');
    await q.query('DROP TABLE `questionnaires`');
  }
}
