import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The canonical data model for data in: attendance, leave, departures, deals, satisfaction, collaboration, training; sync checkpoints, the metered-call budget, and a note on sync runs. */
export class DataModel1764100000000 implements MigrationInterface {
  name = 'DataModel1764100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE `sync_runs` ADD `count_rows` int NOT NULL DEFAULT '0'");
    await q.query('ALTER TABLE `sync_runs` ADD `note` text NULL');
    await q.query(
      'CREATE TABLE `attendance_results` (`corp_id` varchar(64) NOT NULL, `source` varchar(16) NOT NULL, `source_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `work_date` varchar(10) NOT NULL, `check_type` varchar(16) NOT NULL, `time_result` varchar(16) NOT NULL, `location_result` varchar(16) NULL, `base_check_at` datetime NULL, `user_check_at` datetime NULL, `approve_id` varchar(64) NULL, `imported_at` datetime NOT NULL, INDEX `idx_attendance_user_date` (`corp_id`, `userid`, `work_date`), PRIMARY KEY (`corp_id`, `source`, `source_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `leave_records` (`corp_id` varchar(64) NOT NULL, `source` varchar(16) NOT NULL, `source_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `leave_type` varchar(64) NOT NULL, `start_at` datetime NOT NULL, `end_at` datetime NOT NULL, `duration_unit` varchar(8) NOT NULL, `duration_hundredths` int NOT NULL, `approval_state` varchar(16) NOT NULL, `imported_at` datetime NOT NULL, INDEX `idx_leave_user_start` (`corp_id`, `userid`, `start_at`), PRIMARY KEY (`corp_id`, `source`, `source_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `departures` (`corp_id` varchar(64) NOT NULL, `source` varchar(16) NOT NULL, `source_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `name` varchar(100) NULL, `last_day` varchar(10) NOT NULL, `reason_type` int NULL, `reason` varchar(500) NULL, `main_dept_id` bigint NULL, `imported_at` datetime NOT NULL, PRIMARY KEY (`corp_id`, `source`, `source_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      "CREATE TABLE `deals` (`corp_id` varchar(64) NOT NULL, `source` varchar(16) NOT NULL, `source_id` varchar(64) NOT NULL, `customer_name` varchar(200) NOT NULL, `owner_userid` varchar(64) NULL, `amount_fen` bigint NOT NULL, `signed_on` varchar(10) NOT NULL, `renewal_years` int NOT NULL DEFAULT '0', `status` varchar(16) NOT NULL, `imported_at` datetime NOT NULL, INDEX `idx_deals_owner_signed` (`corp_id`, `owner_userid`, `signed_on`), PRIMARY KEY (`corp_id`, `source`, `source_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
    await q.query(
      'CREATE TABLE `satisfaction_scores` (`corp_id` varchar(64) NOT NULL, `source` varchar(16) NOT NULL, `source_id` varchar(64) NOT NULL, `customer_name` varchar(200) NOT NULL, `owner_userid` varchar(64) NULL, `score_tenths` int NOT NULL, `surveyed_on` varchar(10) NOT NULL, `imported_at` datetime NOT NULL, PRIMARY KEY (`corp_id`, `source`, `source_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `collaboration_events` (`corp_id` varchar(64) NOT NULL, `source` varchar(16) NOT NULL, `source_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `with_department` varchar(200) NOT NULL, `customer_name` varchar(200) NULL, `occurred_on` varchar(10) NOT NULL, `imported_at` datetime NOT NULL, INDEX `idx_collab_user_date` (`corp_id`, `userid`, `occurred_on`), PRIMARY KEY (`corp_id`, `source`, `source_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `training_records` (`corp_id` varchar(64) NOT NULL, `source` varchar(16) NOT NULL, `source_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `course` varchar(200) NOT NULL, `completion_percent` int NOT NULL, `exam_score` int NULL, `completed_on` varchar(10) NULL, `imported_at` datetime NOT NULL, PRIMARY KEY (`corp_id`, `source`, `source_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `sync_checkpoints` (`corp_id` varchar(64) NOT NULL, `source` varchar(32) NOT NULL, `position` text NOT NULL, `updated_at` datetime(3) NOT NULL, PRIMARY KEY (`corp_id`, `source`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      "CREATE TABLE `api_call_budgets` (`corp_id` varchar(64) NOT NULL, `month` varchar(7) NOT NULL, `metered_calls` int NOT NULL DEFAULT '0', PRIMARY KEY (`corp_id`, `month`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `sync_runs` DROP COLUMN `count_rows`');
    await q.query('ALTER TABLE `sync_runs` DROP COLUMN `note`');
    await q.query('DROP TABLE `api_call_budgets`');
    await q.query('DROP TABLE `sync_checkpoints`');
    await q.query('DROP TABLE `training_records`');
    await q.query('DROP TABLE `collaboration_events`');
    await q.query('DROP TABLE `satisfaction_scores`');
    await q.query('DROP TABLE `deals`');
    await q.query('DROP TABLE `departures`');
    await q.query('DROP TABLE `leave_records`');
    await q.query('DROP TABLE `attendance_results`');
  }
}
