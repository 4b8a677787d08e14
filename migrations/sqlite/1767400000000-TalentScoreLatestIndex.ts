import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The newest scored month and its first job model from the index alone (see the MySQL migration). */
export class TalentScoreLatestIndex1767400000000 implements MigrationInterface {
  name = 'TalentScoreLatestIndex1767400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "idx_talent_match_scores_latest" ON "talent_match_scores" ("corp_id", "period", "job_model_id") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_talent_match_scores_latest"');
  }
}
