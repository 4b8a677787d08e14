import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 9-box from stored figures: each month's score row gets the person's recent sales (fen) and 9-box column, and
 * each month and job model its cut-offs with the window and version, all written by the talent.recompute job; the
 * index walks a box's people best score first (GET /api/v1/talent/review/nine-box, measured with `npm run bench:api`).
 */
export class NineBoxStored1768000000000 implements MigrationInterface {
  name = 'NineBoxStored1768000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `talent_match_scores` ADD `sales_fen` bigint NULL, ADD `performance` varchar(4) NULL');
    await q.query(
      'CREATE INDEX `idx_talent_match_scores_box` ON `talent_match_scores` (`corp_id`, `period`, `job_model_id`, `tier`, `performance`, `score_t` DESC, `userid`)',
    );
    await q.query(
      'CREATE TABLE `talent_nine_box_cutoffs` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `period` varchar(7) NOT NULL, `job_model_id` int NOT NULL, `version_id` int NOT NULL, `window_from` varchar(7) NOT NULL, `window_to` varchar(7) NOT NULL, `low_fen` bigint NOT NULL, `high_fen` bigint NOT NULL, `population` int NOT NULL, `computed_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_talent_nine_box_cutoffs` (`corp_id`, `period`, `job_model_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `talent_nine_box_cutoffs`');
    await q.query('DROP INDEX `idx_talent_match_scores_box` ON `talent_match_scores`');
    await q.query('ALTER TABLE `talent_match_scores` DROP COLUMN `performance`, DROP COLUMN `sales_fen`');
  }
}
