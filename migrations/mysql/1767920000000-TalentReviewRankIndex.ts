import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The talent review's default order (highest score first, then by person; 数据不足 last) straight from an index: the
 * page's ids walk (corp, period, job model, score descending, person) and stop after the page instead of joining and
 * sorting every score of the month (GET /api/v1/talent/review, measured with `npm run bench:api`).
 */
export class TalentReviewRankIndex1767920000000 implements MigrationInterface {
  name = 'TalentReviewRankIndex1767920000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX `idx_talent_match_scores_rank` ON `talent_match_scores` (`corp_id`, `period`, `job_model_id`, `score_t` DESC, `userid`)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_talent_match_scores_rank` ON `talent_match_scores`');
  }
}
