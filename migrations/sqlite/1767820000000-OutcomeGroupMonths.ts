import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 转型看板: the stored person-months added up per month, grouping, group and main department (read by the page); and
 * 测评管理: a cycle's sheets in subject order with their state, so its counts and pages never read the answers.
 */
export class OutcomeGroupMonths1767820000000 implements MigrationInterface {
  name = 'OutcomeGroupMonths1767820000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "outcome_group_months" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "month" varchar(7) NOT NULL, "grouping_kind" varchar(8) NOT NULL, "group_key" varchar(32) NOT NULL, "scope_dept_id" bigint, "rows" integer NOT NULL, "headcount" integer NOT NULL, "leavers" integer NOT NULL, "retained" integer NOT NULL, "revenue_fen" bigint NOT NULL, "big_revenue_fen" bigint NOT NULL, "training_total" integer NOT NULL, "training_done" integer NOT NULL, "new_met" integer NOT NULL, "new_missed" integer NOT NULL, "new_unknown" integer NOT NULL, "new_pending" integer NOT NULL, "tier_move" integer NOT NULL, "tier_train" integer NOT NULL, "tier_reassign" integer NOT NULL, "tier_none" integer NOT NULL, "risk_high" integer NOT NULL, "risk_mid" integer NOT NULL, "risk_low" integer NOT NULL, "risk_none" integer NOT NULL, "stayed11" integer NOT NULL, "computed_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE INDEX "idx_outcome_group_months_scope" ON "outcome_group_months" ("corp_id", "grouping_kind", "scope_dept_id", "month") ');
    await q.query('CREATE INDEX "idx_outcome_group_months_month" ON "outcome_group_months" ("corp_id", "grouping_kind", "month", "computed_at") ');
    await q.query(
      'CREATE INDEX "idx_assessment_responses_cycle" ON "assessment_responses" ("corp_id", "cycle_id", "subject_userid", "role", "started_at", "submitted_at") ',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_assessment_responses_cycle"');
    await q.query('DROP TABLE "outcome_group_months"');
  }
}
