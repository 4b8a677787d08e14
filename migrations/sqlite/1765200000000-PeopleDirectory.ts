import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People directory and 员工档案: each user's pinyin initials and whole pinyin (filled in by the next org sync, which
 * computes them for every stored person, including people who left); whether they belong to departments besides
 * their main one (filled in here from the memberships); and the indexes the directory's search, filters and sorts and
 * the person page's tabs read by (training, satisfaction and departures by person).
 */
export class PeopleDirectory1765200000000 implements MigrationInterface {
  name = 'PeopleDirectory1765200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "users" ADD COLUMN "name_initials" varchar(100)');
    await q.query('ALTER TABLE "users" ADD COLUMN "name_pinyin" varchar(255)');
    await q.query('ALTER TABLE "users" ADD COLUMN "in_other_depts" boolean NOT NULL DEFAULT (0)');
    await q.query(
      'UPDATE "users" SET "in_other_depts" = 1 WHERE EXISTS (SELECT 1 FROM "user_departments" ud WHERE ud."corp_id" = "users"."corp_id" AND ud."userid" = "users"."userid" AND ("users"."main_dept_id" IS NULL OR ud."dept_id" <> "users"."main_dept_id"))',
    );
    await q.query('CREATE INDEX "idx_users_initials" ON "users" ("corp_id", "name_initials") ');
    await q.query('CREATE INDEX "idx_users_pinyin" ON "users" ("corp_id", "name_pinyin") ');
    await q.query('CREATE INDEX "idx_users_job_number" ON "users" ("corp_id", "job_number") ');
    await q.query('CREATE INDEX "idx_users_main_dept" ON "users" ("corp_id", "main_dept_id") ');
    await q.query('CREATE INDEX "idx_users_hired_on" ON "users" ("corp_id", "hired_on") ');
    await q.query('CREATE INDEX "idx_users_other_depts" ON "users" ("corp_id", "in_other_depts") ');
    await q.query('CREATE INDEX "idx_training_user" ON "training_records" ("corp_id", "userid") ');
    await q.query('CREATE INDEX "idx_satisfaction_owner" ON "satisfaction_scores" ("corp_id", "owner_userid") ');
    await q.query('CREATE INDEX "idx_departures_user" ON "departures" ("corp_id", "userid") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_departures_user"');
    await q.query('DROP INDEX "idx_satisfaction_owner"');
    await q.query('DROP INDEX "idx_training_user"');
    await q.query('DROP INDEX "idx_users_other_depts"');
    await q.query('DROP INDEX "idx_users_hired_on"');
    await q.query('DROP INDEX "idx_users_main_dept"');
    await q.query('DROP INDEX "idx_users_job_number"');
    await q.query('DROP INDEX "idx_users_pinyin"');
    await q.query('DROP INDEX "idx_users_initials"');
    await q.query('ALTER TABLE "users" DROP COLUMN "in_other_depts"');
    await q.query('ALTER TABLE "users" DROP COLUMN "name_pinyin"');
    await q.query('ALTER TABLE "users" DROP COLUMN "name_initials"');
  }
}
