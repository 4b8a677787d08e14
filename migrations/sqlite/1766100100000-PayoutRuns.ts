import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payout runs (modules/pay): a run per month and department subtree, each person's statement with the plan version it
 * used, its lines (component, amount in fen, rate, sources, clawback and adjustment links), and the snapshot of every
 * input row read.
 */
export class PayoutRuns1766100100000 implements MigrationInterface {
  name = 'PayoutRuns1766100100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "payout_runs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "period" varchar(7) NOT NULL, "dept_id" bigint NOT NULL, "status" varchar(16) NOT NULL, "compute_state" varchar(16) NOT NULL, "compute_seq" integer NOT NULL DEFAULT (0), "computed_at" datetime(3), "input_hash" varchar(64), "total_fen" bigint NOT NULL DEFAULT (0), "people" integer NOT NULL DEFAULT (0), "compute_error" varchar(500), "created_by" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL, "locked_by" varchar(64), "locked_at" datetime(3), "approved_by" varchar(64), "approved_at" datetime(3), "published_by" varchar(64), "published_at" datetime(3))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_payout_runs_period_dept" ON "payout_runs" ("corp_id", "period", "dept_id") ');
    await q.query(
      'CREATE TABLE "payout_statements" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "run_id" integer NOT NULL, "userid" varchar(64) NOT NULL, "dept_id" bigint, "plan_id" integer, "plan_version_id" integer, "plan_definition" text, "total_fen" bigint NOT NULL, "explanation" varchar(1000) NOT NULL)',
    );
    await q.query('CREATE INDEX "idx_payout_statements_run" ON "payout_statements" ("corp_id", "run_id") ');
    await q.query('CREATE INDEX "idx_payout_statements_user" ON "payout_statements" ("corp_id", "userid") ');
    await q.query(
      'CREATE TABLE "payout_lines" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "run_id" integer NOT NULL, "statement_id" integer NOT NULL, "userid" varchar(64) NOT NULL, "seq" integer NOT NULL, "origin" varchar(16) NOT NULL, "component" varchar(64) NOT NULL, "kind" varchar(32) NOT NULL, "label" varchar(100) NOT NULL, "amount_fen" bigint NOT NULL, "rate" varchar(64), "explanation" varchar(1000) NOT NULL, "inputs" text NOT NULL, "contract_ref" varchar(140), "sources" text NOT NULL, "original_line_id" integer, "adjustment_id" integer)',
    );
    await q.query('CREATE INDEX "idx_payout_lines_run" ON "payout_lines" ("corp_id", "run_id") ');
    await q.query('CREATE INDEX "idx_payout_lines_statement" ON "payout_lines" ("corp_id", "statement_id") ');
    await q.query('CREATE INDEX "idx_payout_lines_contract" ON "payout_lines" ("corp_id", "contract_ref") ');
    await q.query(
      'CREATE TABLE "payout_run_inputs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "run_id" integer NOT NULL, "userid" varchar(64) NOT NULL, "kind" varchar(16) NOT NULL, "source" varchar(16) NOT NULL, "source_id" varchar(64) NOT NULL, "data" text NOT NULL)',
    );
    await q.query('CREATE INDEX "idx_payout_run_inputs_run" ON "payout_run_inputs" ("corp_id", "run_id", "userid") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "payout_run_inputs"');
    await q.query('DROP TABLE "payout_lines"');
    await q.query('DROP TABLE "payout_statements"');
    await q.query('DROP TABLE "payout_runs"');
  }
}
