import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Disputes of statement lines and the adjustments that resolve them in a person's next payout run. */
export class PayoutDisputes1766100200000 implements MigrationInterface {
  name = 'PayoutDisputes1766100200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "payout_disputes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "run_id" integer NOT NULL, "statement_id" integer NOT NULL, "line_id" integer NOT NULL, "reason" varchar(500) NOT NULL, "expected_fen" bigint NOT NULL, "actual_fen" bigint NOT NULL, "status" varchar(16) NOT NULL, "resolution" varchar(500), "adjustment_id" integer, "created_at" datetime(3) NOT NULL, "resolved_by" varchar(64), "resolved_at" datetime(3))',
    );
    await q.query('CREATE INDEX "idx_payout_disputes_user" ON "payout_disputes" ("corp_id", "userid") ');
    await q.query('CREATE INDEX "idx_payout_disputes_status" ON "payout_disputes" ("corp_id", "status") ');
    await q.query(
      'CREATE TABLE "payout_adjustments" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "amount_fen" bigint NOT NULL, "reason" varchar(500) NOT NULL, "dispute_id" integer, "created_by" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL, "applied_run_id" integer)',
    );
    await q.query('CREATE INDEX "idx_payout_adjustments_pending" ON "payout_adjustments" ("corp_id", "applied_run_id", "userid") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "payout_adjustments"');
    await q.query('DROP TABLE "payout_disputes"');
  }
}
