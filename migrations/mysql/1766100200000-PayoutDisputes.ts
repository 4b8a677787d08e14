import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Disputes of statement lines and the adjustments that resolve them in a person's next payout run. */
export class PayoutDisputes1766100200000 implements MigrationInterface {
  name = 'PayoutDisputes1766100200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `payout_disputes` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `run_id` int NOT NULL, `statement_id` int NOT NULL, `line_id` int NOT NULL, `reason` varchar(500) NOT NULL, `expected_fen` bigint NOT NULL, `actual_fen` bigint NOT NULL, `status` varchar(16) NOT NULL, `resolution` varchar(500) NULL, `adjustment_id` int NULL, `created_at` datetime(3) NOT NULL, `resolved_by` varchar(64) NULL, `resolved_at` datetime(3) NULL, INDEX `idx_payout_disputes_user` (`corp_id`, `userid`), INDEX `idx_payout_disputes_status` (`corp_id`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `payout_adjustments` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `amount_fen` bigint NOT NULL, `reason` varchar(500) NOT NULL, `dispute_id` int NULL, `created_by` varchar(64) NOT NULL, `created_at` datetime(3) NOT NULL, `applied_run_id` int NULL, INDEX `idx_payout_adjustments_pending` (`corp_id`, `applied_run_id`, `userid`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `payout_adjustments`');
    await q.query('DROP TABLE `payout_disputes`');
  }
}
