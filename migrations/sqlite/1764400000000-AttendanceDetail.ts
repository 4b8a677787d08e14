import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Raw clock records (/attendance/listRecord): one row per actual clock, with where and how it was made. */
export class AttendanceDetail1764400000000 implements MigrationInterface {
  name = 'AttendanceDetail1764400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "clock_records" ("corp_id" varchar(64) NOT NULL, "source" varchar(16) NOT NULL, "source_id" varchar(64) NOT NULL, "imported_at" datetime NOT NULL, "userid" varchar(64) NOT NULL, "work_date" varchar(10) NOT NULL, "check_at" datetime NOT NULL, "check_type" varchar(16), "source_type" varchar(16), "time_result" varchar(16), "location_result" varchar(16), "location_method" varchar(16), "address" varchar(255), "device_id" varchar(64), "outside_remark" varchar(255), PRIMARY KEY ("corp_id", "source", "source_id"))',
    );
    await q.query('CREATE INDEX "idx_clock_user_time" ON "clock_records" ("corp_id", "userid", "check_at") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_clock_user_time"');
    await q.query('DROP TABLE "clock_records"');
  }
}
