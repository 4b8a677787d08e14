import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The talent review's default order from an index (see the MySQL migration). */
export class TalentReviewRankIndex1767920000000 implements MigrationInterface {
  name = 'TalentReviewRankIndex1767920000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "idx_talent_match_scores_rank" ON "talent_match_scores" ("corp_id", "period", "job_model_id", "score_t" DESC, "userid") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_talent_match_scores_rank"');
  }
}
