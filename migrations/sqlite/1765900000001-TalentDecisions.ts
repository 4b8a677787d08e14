import type { MigrationInterface, QueryRunner } from 'typeorm';

/** HR decisions of the talent review (see the MySQL migration). */
export class TalentDecisions1765900000001 implements MigrationInterface {
  name = 'TalentDecisions1765900000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "talent_decisions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "period" varchar(7) NOT NULL, "job_model_id" integer NOT NULL, "version_id" integer NOT NULL, "suggested_score_t" integer, "suggested_tier" varchar(8), "kind" varchar(8) NOT NULL, "tier" varchar(8) NOT NULL, "reason" varchar(500), "decided_by" varchar(64) NOT NULL, "decided_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE INDEX "idx_talent_decisions_person" ON "talent_decisions" ("corp_id", "userid", "period") ');
    await q.query('CREATE INDEX "idx_talent_decisions_period" ON "talent_decisions" ("corp_id", "period", "job_model_id") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_talent_decisions_period"');
    await q.query('DROP INDEX "idx_talent_decisions_person"');
    await q.query('DROP TABLE "talent_decisions"');
  }
}
