import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Excel/CSV imports: one row per committed import (progress and counts) and the rejected cells of each run. */
export class Imports1764200000000 implements MigrationInterface {
  name = 'Imports1764200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "import_runs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "kind" varchar(32) NOT NULL, "file_name" varchar(255) NOT NULL, "status" varchar(16) NOT NULL, "rows_total" integer, "rows_done" integer NOT NULL DEFAULT (0), "bytes_done" bigint NOT NULL DEFAULT (0), "bytes_total" bigint, "created" integer NOT NULL DEFAULT (0), "updated" integer NOT NULL DEFAULT (0), "unchanged" integer NOT NULL DEFAULT (0), "rejected" integer NOT NULL DEFAULT (0), "warnings" text, "error" text, "file_headers" text, "created_by" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL, "finished_at" datetime(3))',
    );
    await q.query('CREATE INDEX "idx_import_runs_corp_kind" ON "import_runs" ("corp_id", "kind", "id") ');
    await q.query(
      'CREATE TABLE "import_rejections" ("run_id" integer NOT NULL, "seq" integer NOT NULL, "corp_id" varchar(64) NOT NULL, "row_no" integer NOT NULL, "column_header" varchar(100), "value" varchar(500) NOT NULL, "message" varchar(500) NOT NULL, "cells" text, PRIMARY KEY ("run_id", "seq"))',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "import_rejections"');
    await q.query('DROP INDEX "idx_import_runs_corp_kind"');
    await q.query('DROP TABLE "import_runs"');
  }
}
