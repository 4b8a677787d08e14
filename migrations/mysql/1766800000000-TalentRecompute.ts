import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Talent recomputes: each person's input hash per month (rows of unchanged people are not rewritten) and the
 * on-demand recompute runs HR starts, with their progress (one queued or running per corp: unique `active_corp`).
 */
export class TalentRecompute1766800000000 implements MigrationInterface {
  name = 'TalentRecompute1766800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `talent_input_hashes` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `period` varchar(7) NOT NULL, `userid` varchar(64) NOT NULL, `hash` varchar(64) NOT NULL, `computed_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_talent_input_hashes` (`corp_id`, `period`, `userid`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `talent_recompute_runs` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `active_corp` varchar(64) NULL, `period` varchar(7) NOT NULL, `state` varchar(12) NOT NULL, `done` int NOT NULL, `total` int NOT NULL, `written` int NULL, `skipped` int NULL, `error` varchar(500) NULL, `requested_by` varchar(64) NOT NULL, `created_at` datetime(3) NOT NULL, `updated_at` datetime(3) NOT NULL, `finished_at` datetime(3) NULL, UNIQUE INDEX `uq_talent_recompute_runs_active` (`active_corp`), INDEX `idx_talent_recompute_runs_corp` (`corp_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `talent_recompute_runs`');
    await q.query('DROP TABLE `talent_input_hashes`');
  }
}
