import type { MigrationInterface, QueryRunner } from 'typeorm';

/** KPI scores, supervisors' ratings and promotion eligibilities (see the MySQL migration). */
export class KpiScores1766200000000 implements MigrationInterface {
  name = 'KpiScores1766200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "kpi_scores" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "period" varchar(7) NOT NULL, "scheme_id" integer NOT NULL, "version_id" integer NOT NULL, "team" varchar(8), "total_h" integer NOT NULL, "pass_score_h" integer NOT NULL, "met" boolean NOT NULL, "detail" text NOT NULL, "computed_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_kpi_scores" ON "kpi_scores" ("corp_id", "period", "userid") ');
    await q.query('CREATE INDEX "idx_kpi_scores_person" ON "kpi_scores" ("corp_id", "userid") ');
    await q.query(
      'CREATE TABLE "kpi_ratings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "period" varchar(7) NOT NULL, "indicator_id" varchar(64) NOT NULL, "rating" integer NOT NULL, "comment" varchar(500), "rated_by" varchar(64) NOT NULL, "rated_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_kpi_ratings" ON "kpi_ratings" ("corp_id", "period", "userid", "indicator_id") ');
    await q.query(
      'CREATE TABLE "kpi_promotions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "streak_from" varchar(7) NOT NULL, "period" varchar(7) NOT NULL, "evidence" text NOT NULL, "created_at" datetime(3) NOT NULL, "decision" varchar(16), "decision_note" varchar(500), "decided_by" varchar(64), "decided_at" datetime(3))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_kpi_promotions" ON "kpi_promotions" ("corp_id", "userid", "streak_from") ');
    await q.query('CREATE INDEX "idx_kpi_promotions_period" ON "kpi_promotions" ("corp_id", "period") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_kpi_promotions_period"');
    await q.query('DROP INDEX "uq_kpi_promotions"');
    await q.query('DROP TABLE "kpi_promotions"');
    await q.query('DROP INDEX "uq_kpi_ratings"');
    await q.query('DROP TABLE "kpi_ratings"');
    await q.query('DROP INDEX "idx_kpi_scores_person"');
    await q.query('DROP INDEX "uq_kpi_scores"');
    await q.query('DROP TABLE "kpi_scores"');
  }
}
