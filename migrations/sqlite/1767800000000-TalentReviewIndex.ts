import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A covering index for the paged talent review's counts and page (see the MySQL migration). */
export class TalentReviewIndex1767800000000 implements MigrationInterface {
  name = 'TalentReviewIndex1767800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "idx_talent_match_scores_review" ON "talent_match_scores" ("corp_id", "period", "job_model_id", "tier", "score_t", "userid") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_talent_match_scores_review"');
  }
}
