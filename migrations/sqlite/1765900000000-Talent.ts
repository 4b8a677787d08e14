import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Talent foundations (see the MySQL migration of the same name). */
export class Talent1765900000000 implements MigrationInterface {
  name = 'Talent1765900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "job_models" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(100) NOT NULL, "description" varchar(500), "revision" integer NOT NULL DEFAULT (0), "created_by" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_job_models_code" ON "job_models" ("corp_id", "code") ');
    await q.query(
      'CREATE TABLE "job_model_versions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "job_model_id" integer NOT NULL, "version" integer NOT NULL, "status" varchar(16) NOT NULL, "effective_from" varchar(10) NOT NULL, "effective_to" varchar(10), "definition" text NOT NULL, "note" varchar(500), "copied_from_id" integer, "created_by" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL, "published_by" varchar(64), "published_at" datetime(3))',
    );
    await q.query('CREATE INDEX "idx_job_model_versions_model" ON "job_model_versions" ("corp_id", "job_model_id") ');
    await q.query('CREATE UNIQUE INDEX "uq_job_model_versions_number" ON "job_model_versions" ("job_model_id", "version") ');
    await q.query(
      'CREATE TABLE "talent_metrics" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "period" varchar(7) NOT NULL, "metric" varchar(40) NOT NULL, "value" varchar(32), "sample" integer NOT NULL, "missing" varchar(200), "detail" text, "computed_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_talent_metrics" ON "talent_metrics" ("corp_id", "period", "userid", "metric") ');
    await q.query(
      'CREATE TABLE "talent_match_scores" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "period" varchar(7) NOT NULL, "job_model_id" integer NOT NULL, "version_id" integer NOT NULL, "score_t" integer, "tier" varchar(8), "detail" text NOT NULL, "computed_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_talent_match_scores" ON "talent_match_scores" ("corp_id", "period", "version_id", "userid") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "talent_match_scores"');
    await q.query('DROP TABLE "talent_metrics"');
    await q.query('DROP TABLE "job_model_versions"');
    await q.query('DROP TABLE "job_models"');
  }
}
