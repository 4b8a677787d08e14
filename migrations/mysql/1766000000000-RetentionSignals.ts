import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Retention radar: weekly activity per person, the weekly risk (rule and model, with versions), model trainings. */
export class RetentionSignals1766000000000 implements MigrationInterface {
  name = 'RetentionSignals1766000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `retention_week_signals` (`corp_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `week_start` varchar(10) NOT NULL, `leave_count` int NOT NULL, `leave_day_hundredths` int NOT NULL, `late_count` int NOT NULL, `absence_count` int NOT NULL, `unexcused_absence_count` int NOT NULL, `follow_ups` int NOT NULL, `collaborations` int NOT NULL, `helping` int NOT NULL, `deals` int NOT NULL, `computed_at` datetime(3) NOT NULL, INDEX `idx_retention_signals_week` (`corp_id`, `week_start`), PRIMARY KEY (`corp_id`, `userid`, `week_start`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `retention_risks` (`corp_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `week_start` varchar(10) NOT NULL, `baseline` varchar(16) NOT NULL, `baseline_weeks` int NOT NULL, `rule_version` varchar(32) NOT NULL, `rule_fired` tinyint NOT NULL, `rule_probability_bp` int NULL, `communication_change_bp` int NULL, `leave_change_bp` int NULL, `model_version` varchar(64) NULL, `model_probability_bp` int NULL, `band` varchar(4) NULL, `explanation` text NOT NULL, `computed_at` datetime(3) NOT NULL, INDEX `idx_retention_risks_week_band` (`corp_id`, `week_start`, `band`), PRIMARY KEY (`corp_id`, `userid`, `week_start`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `retention_models` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `version` varchar(64) NOT NULL, `status` varchar(16) NOT NULL, `leavers` int NOT NULL, `stayers` int NOT NULL, `out_of_fold_auc_bp` int NULL, `params` text NULL, `message` varchar(500) NULL, `created_at` datetime(3) NOT NULL, INDEX `idx_retention_models_corp` (`corp_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `retention_models`');
    await q.query('DROP TABLE `retention_risks`');
    await q.query('DROP TABLE `retention_week_signals`');
  }
}
