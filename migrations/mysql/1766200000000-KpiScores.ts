import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KPI results: monthly scores per person (with the scheme version and every input as JSON), supervisors' ratings of
 * judgement indicators, and promotion eligibilities with HR's decision.
 */
export class KpiScores1766200000000 implements MigrationInterface {
  name = 'KpiScores1766200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `kpi_scores` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `period` varchar(7) NOT NULL, `scheme_id` int NOT NULL, `version_id` int NOT NULL, `team` varchar(8) NULL, `total_h` int NOT NULL, `pass_score_h` int NOT NULL, `met` tinyint NOT NULL, `detail` text NOT NULL, `computed_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_kpi_scores` (`corp_id`, `period`, `userid`), INDEX `idx_kpi_scores_person` (`corp_id`, `userid`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `kpi_ratings` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `period` varchar(7) NOT NULL, `indicator_id` varchar(64) NOT NULL, `rating` int NOT NULL, `comment` varchar(500) NULL, `rated_by` varchar(64) NOT NULL, `rated_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_kpi_ratings` (`corp_id`, `period`, `userid`, `indicator_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `kpi_promotions` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `streak_from` varchar(7) NOT NULL, `period` varchar(7) NOT NULL, `evidence` text NOT NULL, `created_at` datetime(3) NOT NULL, `decision` varchar(16) NULL, `decision_note` varchar(500) NULL, `decided_by` varchar(64) NULL, `decided_at` datetime(3) NULL, UNIQUE INDEX `uq_kpi_promotions` (`corp_id`, `userid`, `streak_from`), INDEX `idx_kpi_promotions_period` (`corp_id`, `period`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `kpi_promotions`');
    await q.query('DROP TABLE `kpi_ratings`');
    await q.query('DROP TABLE `kpi_scores`');
  }
}
