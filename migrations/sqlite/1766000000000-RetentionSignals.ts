import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Retention radar: weekly activity per person, the weekly risk (rule and model, with versions), model trainings. */
export class RetentionSignals1766000000000 implements MigrationInterface {
  name = 'RetentionSignals1766000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "retention_week_signals" ("corp_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "week_start" varchar(10) NOT NULL, "leave_count" integer NOT NULL, "leave_day_hundredths" integer NOT NULL, "late_count" integer NOT NULL, "absence_count" integer NOT NULL, "unexcused_absence_count" integer NOT NULL, "follow_ups" integer NOT NULL, "collaborations" integer NOT NULL, "helping" integer NOT NULL, "deals" integer NOT NULL, "computed_at" datetime(3) NOT NULL, PRIMARY KEY ("corp_id", "userid", "week_start"))',
    );
    await q.query('CREATE INDEX "idx_retention_signals_week" ON "retention_week_signals" ("corp_id", "week_start") ');
    await q.query(
      'CREATE TABLE "retention_risks" ("corp_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "week_start" varchar(10) NOT NULL, "baseline" varchar(16) NOT NULL, "baseline_weeks" integer NOT NULL, "rule_version" varchar(32) NOT NULL, "rule_fired" boolean NOT NULL, "rule_probability_bp" integer, "communication_change_bp" integer, "leave_change_bp" integer, "model_version" varchar(64), "model_probability_bp" integer, "band" varchar(4), "explanation" text NOT NULL, "computed_at" datetime(3) NOT NULL, PRIMARY KEY ("corp_id", "userid", "week_start"))',
    );
    await q.query('CREATE INDEX "idx_retention_risks_week_band" ON "retention_risks" ("corp_id", "week_start", "band") ');
    await q.query(
      'CREATE TABLE "retention_models" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "version" varchar(64) NOT NULL, "status" varchar(16) NOT NULL, "leavers" integer NOT NULL, "stayers" integer NOT NULL, "out_of_fold_auc_bp" integer, "params" text, "message" varchar(500), "created_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE INDEX "idx_retention_models_corp" ON "retention_models" ("corp_id", "id") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "retention_models"');
    await q.query('DROP TABLE "retention_risks"');
    await q.query('DROP TABLE "retention_week_signals"');
  }
}
