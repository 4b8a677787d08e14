import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for the talent pages' reads (see the MySQL migration). */
export class TalentReadIndexes1767400000000 implements MigrationInterface {
  name = 'TalentReadIndexes1767400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "idx_talent_match_scores_latest" ON "talent_match_scores" ("corp_id", "period", "job_model_id") ');
    await q.query('CREATE INDEX "idx_talent_metrics_person" ON "talent_metrics" ("corp_id", "userid", "period") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_talent_metrics_person"');
    await q.query('DROP INDEX "idx_talent_match_scores_latest"');
  }
}
