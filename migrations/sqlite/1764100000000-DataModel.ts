import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The canonical data model for data in: attendance, leave, departures, deals, satisfaction, collaboration, training; sync checkpoints, the metered-call budget, and a note on sync runs. */
export class DataModel1764100000000 implements MigrationInterface {
  name = 'DataModel1764100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sync_runs" ADD COLUMN "count_rows" integer NOT NULL DEFAULT (0)');
    await q.query('ALTER TABLE "sync_runs" ADD COLUMN "note" text');
    await q.query(
      'CREATE TABLE "attendance_results" ("corp_id" varchar(64) NOT NULL, "source" varchar(16) NOT NULL, "source_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "work_date" varchar(10) NOT NULL, "check_type" varchar(16) NOT NULL, "time_result" varchar(16) NOT NULL, "location_result" varchar(16), "base_check_at" datetime, "user_check_at" datetime, "approve_id" varchar(64), "imported_at" datetime NOT NULL, PRIMARY KEY ("corp_id", "source", "source_id"))',
    );
    await q.query('CREATE INDEX "idx_attendance_user_date" ON "attendance_results" ("corp_id", "userid", "work_date") ');
    await q.query(
      'CREATE TABLE "leave_records" ("corp_id" varchar(64) NOT NULL, "source" varchar(16) NOT NULL, "source_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "leave_type" varchar(64) NOT NULL, "start_at" datetime NOT NULL, "end_at" datetime NOT NULL, "duration_unit" varchar(8) NOT NULL, "duration_hundredths" integer NOT NULL, "approval_state" varchar(16) NOT NULL, "imported_at" datetime NOT NULL, PRIMARY KEY ("corp_id", "source", "source_id"))',
    );
    await q.query('CREATE INDEX "idx_leave_user_start" ON "leave_records" ("corp_id", "userid", "start_at") ');
    await q.query(
      'CREATE TABLE "departures" ("corp_id" varchar(64) NOT NULL, "source" varchar(16) NOT NULL, "source_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "name" varchar(100), "last_day" varchar(10) NOT NULL, "reason_type" integer, "reason" varchar(500), "main_dept_id" bigint, "imported_at" datetime NOT NULL, PRIMARY KEY ("corp_id", "source", "source_id"))',
    );
    await q.query(
      'CREATE TABLE "deals" ("corp_id" varchar(64) NOT NULL, "source" varchar(16) NOT NULL, "source_id" varchar(64) NOT NULL, "customer_name" varchar(200) NOT NULL, "owner_userid" varchar(64), "amount_fen" bigint NOT NULL, "signed_on" varchar(10) NOT NULL, "renewal_years" integer NOT NULL DEFAULT (0), "status" varchar(16) NOT NULL, "imported_at" datetime NOT NULL, PRIMARY KEY ("corp_id", "source", "source_id"))',
    );
    await q.query('CREATE INDEX "idx_deals_owner_signed" ON "deals" ("corp_id", "owner_userid", "signed_on") ');
    await q.query(
      'CREATE TABLE "satisfaction_scores" ("corp_id" varchar(64) NOT NULL, "source" varchar(16) NOT NULL, "source_id" varchar(64) NOT NULL, "customer_name" varchar(200) NOT NULL, "owner_userid" varchar(64), "score_tenths" integer NOT NULL, "surveyed_on" varchar(10) NOT NULL, "imported_at" datetime NOT NULL, PRIMARY KEY ("corp_id", "source", "source_id"))',
    );
    await q.query(
      'CREATE TABLE "collaboration_events" ("corp_id" varchar(64) NOT NULL, "source" varchar(16) NOT NULL, "source_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "with_department" varchar(200) NOT NULL, "customer_name" varchar(200), "occurred_on" varchar(10) NOT NULL, "imported_at" datetime NOT NULL, PRIMARY KEY ("corp_id", "source", "source_id"))',
    );
    await q.query('CREATE INDEX "idx_collab_user_date" ON "collaboration_events" ("corp_id", "userid", "occurred_on") ');
    await q.query(
      'CREATE TABLE "training_records" ("corp_id" varchar(64) NOT NULL, "source" varchar(16) NOT NULL, "source_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "course" varchar(200) NOT NULL, "completion_percent" integer NOT NULL, "exam_score" integer, "completed_on" varchar(10), "imported_at" datetime NOT NULL, PRIMARY KEY ("corp_id", "source", "source_id"))',
    );
    await q.query(
      'CREATE TABLE "sync_checkpoints" ("corp_id" varchar(64) NOT NULL, "source" varchar(32) NOT NULL, "position" text NOT NULL, "updated_at" datetime(3) NOT NULL, PRIMARY KEY ("corp_id", "source"))',
    );
    await q.query(
      'CREATE TABLE "api_call_budgets" ("corp_id" varchar(64) NOT NULL, "month" varchar(7) NOT NULL, "metered_calls" integer NOT NULL DEFAULT (0), PRIMARY KEY ("corp_id", "month"))',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sync_runs" DROP COLUMN "count_rows"');
    await q.query('ALTER TABLE "sync_runs" DROP COLUMN "note"');
    await q.query('DROP TABLE "api_call_budgets"');
    await q.query('DROP TABLE "sync_checkpoints"');
    await q.query('DROP TABLE "training_records"');
    await q.query('DROP TABLE "collaboration_events"');
    await q.query('DROP TABLE "satisfaction_scores"');
    await q.query('DROP TABLE "deals"');
    await q.query('DROP TABLE "departures"');
    await q.query('DROP TABLE "leave_records"');
    await q.query('DROP TABLE "attendance_results"');
  }
}
