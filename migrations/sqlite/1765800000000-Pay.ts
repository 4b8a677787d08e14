import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pay foundations: incentive plans and their effective-dated versions, plan assignments (a person, or a job within a
 * department), KPI schemes and their versions. Definitions are JSON validated by shared/src/pay.
 */
export class Pay1765800000000 implements MigrationInterface {
  name = 'Pay1765800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "incentive_plans" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(100) NOT NULL, "description" varchar(500), "revision" integer NOT NULL DEFAULT (0), "created_by" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_incentive_plans_code" ON "incentive_plans" ("corp_id", "code") ');
    await q.query(
      'CREATE TABLE "incentive_plan_versions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "plan_id" integer NOT NULL, "version" integer NOT NULL, "status" varchar(16) NOT NULL, "effective_from" varchar(10) NOT NULL, "effective_to" varchar(10), "definition" text NOT NULL, "note" varchar(500), "copied_from_id" integer, "created_by" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL, "published_by" varchar(64), "published_at" datetime(3))',
    );
    await q.query('CREATE INDEX "idx_incentive_plan_versions_plan" ON "incentive_plan_versions" ("corp_id", "plan_id") ');
    await q.query('CREATE UNIQUE INDEX "uq_incentive_plan_versions_number" ON "incentive_plan_versions" ("plan_id", "version") ');
    await q.query(
      'CREATE TABLE "incentive_plan_assignments" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "plan_id" integer NOT NULL, "target_kind" varchar(8) NOT NULL, "userid" varchar(64), "job_title" varchar(100), "dept_id" bigint, "effective_from" varchar(10) NOT NULL, "effective_to" varchar(10), "created_by" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE INDEX "idx_incentive_assignments_user" ON "incentive_plan_assignments" ("corp_id", "userid") ');
    await q.query('CREATE INDEX "idx_incentive_assignments_job" ON "incentive_plan_assignments" ("corp_id", "job_title") ');
    await q.query(
      'CREATE TABLE "kpi_schemes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(100) NOT NULL, "description" varchar(500), "job_title" varchar(100), "revision" integer NOT NULL DEFAULT (0), "created_by" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_kpi_schemes_code" ON "kpi_schemes" ("corp_id", "code") ');
    await q.query(
      'CREATE TABLE "kpi_scheme_versions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "scheme_id" integer NOT NULL, "version" integer NOT NULL, "status" varchar(16) NOT NULL, "effective_from" varchar(10) NOT NULL, "effective_to" varchar(10), "definition" text NOT NULL, "note" varchar(500), "copied_from_id" integer, "created_by" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL, "published_by" varchar(64), "published_at" datetime(3))',
    );
    await q.query('CREATE INDEX "idx_kpi_scheme_versions_scheme" ON "kpi_scheme_versions" ("corp_id", "scheme_id") ');
    await q.query('CREATE UNIQUE INDEX "uq_kpi_scheme_versions_number" ON "kpi_scheme_versions" ("scheme_id", "version") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "kpi_scheme_versions"');
    await q.query('DROP TABLE "kpi_schemes"');
    await q.query('DROP TABLE "incentive_plan_assignments"');
    await q.query('DROP TABLE "incentive_plan_versions"');
    await q.query('DROP TABLE "incentive_plans"');
  }
}
