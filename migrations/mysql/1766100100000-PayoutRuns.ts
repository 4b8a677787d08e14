import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payout runs (modules/pay): a run per month and department subtree, each person's statement with the plan version it
 * used, its lines (component, amount in fen, rate, sources, clawback and adjustment links), and the snapshot of every
 * input row read.
 */
export class PayoutRuns1766100100000 implements MigrationInterface {
  name = 'PayoutRuns1766100100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      "CREATE TABLE `payout_runs` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `period` varchar(7) NOT NULL, `dept_id` bigint NOT NULL, `status` varchar(16) NOT NULL, `compute_state` varchar(16) NOT NULL, `compute_seq` int NOT NULL DEFAULT '0', `computed_at` datetime(3) NULL, `input_hash` varchar(64) NULL, `total_fen` bigint NOT NULL DEFAULT '0', `people` int NOT NULL DEFAULT '0', `compute_error` varchar(500) NULL, `created_by` varchar(64) NOT NULL, `created_at` datetime(3) NOT NULL, `locked_by` varchar(64) NULL, `locked_at` datetime(3) NULL, `approved_by` varchar(64) NULL, `approved_at` datetime(3) NULL, `published_by` varchar(64) NULL, `published_at` datetime(3) NULL, UNIQUE INDEX `uq_payout_runs_period_dept` (`corp_id`, `period`, `dept_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
    await q.query(
      'CREATE TABLE `payout_statements` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `run_id` int NOT NULL, `userid` varchar(64) NOT NULL, `dept_id` bigint NULL, `plan_id` int NULL, `plan_version_id` int NULL, `plan_definition` text NULL, `total_fen` bigint NOT NULL, `explanation` varchar(1000) NOT NULL, INDEX `idx_payout_statements_run` (`corp_id`, `run_id`), INDEX `idx_payout_statements_user` (`corp_id`, `userid`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `payout_lines` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `run_id` int NOT NULL, `statement_id` int NOT NULL, `userid` varchar(64) NOT NULL, `seq` int NOT NULL, `origin` varchar(16) NOT NULL, `component` varchar(64) NOT NULL, `kind` varchar(32) NOT NULL, `label` varchar(100) NOT NULL, `amount_fen` bigint NOT NULL, `rate` varchar(64) NULL, `explanation` varchar(1000) NOT NULL, `inputs` text NOT NULL, `contract_ref` varchar(140) NULL, `sources` text NOT NULL, `original_line_id` int NULL, `adjustment_id` int NULL, INDEX `idx_payout_lines_run` (`corp_id`, `run_id`), INDEX `idx_payout_lines_statement` (`corp_id`, `statement_id`), INDEX `idx_payout_lines_contract` (`corp_id`, `contract_ref`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `payout_run_inputs` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `run_id` int NOT NULL, `userid` varchar(64) NOT NULL, `kind` varchar(16) NOT NULL, `source` varchar(16) NOT NULL, `source_id` varchar(64) NOT NULL, `data` text NOT NULL, INDEX `idx_payout_run_inputs_run` (`corp_id`, `run_id`, `userid`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `payout_run_inputs`');
    await q.query('DROP TABLE `payout_lines`');
    await q.query('DROP TABLE `payout_statements`');
    await q.query('DROP TABLE `payout_runs`');
  }
}
