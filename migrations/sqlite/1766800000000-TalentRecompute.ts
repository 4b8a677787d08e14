import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Talent input hashes and on-demand recompute runs (see the MySQL migration). */
export class TalentRecompute1766800000000 implements MigrationInterface {
  name = 'TalentRecompute1766800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "talent_input_hashes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "period" varchar(7) NOT NULL, "userid" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL, "computed_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_talent_input_hashes" ON "talent_input_hashes" ("corp_id", "period", "userid") ');
    await q.query(
      'CREATE TABLE "talent_recompute_runs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "active_corp" varchar(64), "period" varchar(7) NOT NULL, "state" varchar(12) NOT NULL, "done" integer NOT NULL, "total" integer NOT NULL, "written" integer, "skipped" integer, "error" varchar(500), "requested_by" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL, "finished_at" datetime(3))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_talent_recompute_runs_active" ON "talent_recompute_runs" ("active_corp") ');
    await q.query('CREATE INDEX "idx_talent_recompute_runs_corp" ON "talent_recompute_runs" ("corp_id", "id") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_talent_recompute_runs_corp"');
    await q.query('DROP INDEX "uq_talent_recompute_runs_active"');
    await q.query('DROP TABLE "talent_recompute_runs"');
    await q.query('DROP INDEX "uq_talent_input_hashes"');
    await q.query('DROP TABLE "talent_input_hashes"');
  }
}
