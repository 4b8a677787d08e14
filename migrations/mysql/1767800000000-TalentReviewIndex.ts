import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A covering index for the paged talent review (GET /api/v1/talent/review, measured at 10,000 people with
 * `npm run bench:api`): the tier counts and the page's ids read a month and job model's scores by (corp, period, job
 * model) and need each row's tier, score and person; from the index alone instead of each score's row (whose JSON
 * detail the page reads only for the 20 people it shows).
 */
export class TalentReviewIndex1767800000000 implements MigrationInterface {
  name = 'TalentReviewIndex1767800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX `idx_talent_match_scores_review` ON `talent_match_scores` (`corp_id`, `period`, `job_model_id`, `tier`, `score_t`, `userid`)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_talent_match_scores_review` ON `talent_match_scores`');
  }
}
