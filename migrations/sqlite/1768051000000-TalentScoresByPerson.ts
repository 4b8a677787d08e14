import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 员工档案's 画像 (and the talent person view) reads one person's match scores, newest month first. No index began with
 * the person: SQLite walked every score of the corp in (corp, period, job model) and sorted (2.4 ms a person at
 * 10,000 people); this index answers it from the person's own rows, in order.
 */
export class TalentScoresByPerson1768051000000 implements MigrationInterface {
  name = 'TalentScoresByPerson1768051000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "idx_talent_match_scores_person" ON "talent_match_scores" ("corp_id", "userid", "period", "job_model_id")');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_talent_match_scores_person"');
  }
}
