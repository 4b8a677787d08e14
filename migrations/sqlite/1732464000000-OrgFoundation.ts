import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Org foundation (SQLite twin of the MySQL migration of the same name). */
export class OrgFoundation1732464000000 implements MigrationInterface {
  name = 'OrgFoundation1732464000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "corps" ("corp_id" varchar(64) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "agent_id" bigint, "created_at" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await q.query(
      'CREATE TABLE "departments" ("corp_id" varchar(64) NOT NULL, "dept_id" bigint NOT NULL, "parent_id" bigint, "name" varchar(200) NOT NULL, "sort_order" integer NOT NULL DEFAULT (0), "manager_userids" text NOT NULL, "active" boolean NOT NULL DEFAULT (1), PRIMARY KEY ("corp_id", "dept_id"))',
    );
    await q.query('CREATE INDEX "idx_departments_parent" ON "departments" ("corp_id", "parent_id") ');
    await q.query(
      'CREATE TABLE "hr_scopes" ("corp_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "dept_id" bigint NOT NULL, "granted_by" varchar(64) NOT NULL, "granted_at" datetime NOT NULL, PRIMARY KEY ("corp_id", "userid", "dept_id"))',
    );
    await q.query(
      'CREATE TABLE "sessions" ("id_hash" varchar(64) PRIMARY KEY NOT NULL, "corp_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "created_at" datetime NOT NULL, "expires_at" datetime NOT NULL)',
    );
    await q.query('CREATE INDEX "idx_sessions_user" ON "sessions" ("corp_id", "userid") ');
    await q.query(
      'CREATE TABLE "sync_runs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "kind" varchar(32) NOT NULL, "status" varchar(16) NOT NULL, "trigger" varchar(16) NOT NULL, "phase" varchar(32), "progress_done" integer NOT NULL DEFAULT (0), "progress_total" integer NOT NULL DEFAULT (0), "count_departments" integer NOT NULL DEFAULT (0), "count_users" integer NOT NULL DEFAULT (0), "count_left" integer NOT NULL DEFAULT (0), "count_supervisors" integer NOT NULL DEFAULT (0), "api_calls" integer NOT NULL DEFAULT (0), "requested_by" varchar(64), "created_at" datetime(3) NOT NULL, "started_at" datetime(3), "finished_at" datetime(3), "error" text)',
    );
    await q.query('CREATE INDEX "idx_sync_runs_corp_kind" ON "sync_runs" ("corp_id", "kind", "id") ');
    await q.query(
      'CREATE TABLE "users" ("corp_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "unionid" varchar(64), "name" varchar(100) NOT NULL, "title" varchar(100), "job_number" varchar(64), "avatar" varchar(500), "hired_on" varchar(10), "main_dept_id" bigint, "manager_userid" varchar(64), "supervisor_userid" varchar(64), "is_admin" boolean NOT NULL DEFAULT (0), "is_boss" boolean NOT NULL DEFAULT (0), "status" varchar(16) NOT NULL DEFAULT (\'active\'), "left_on" varchar(10), PRIMARY KEY ("corp_id", "userid"))',
    );
    await q.query('CREATE INDEX "idx_users_status" ON "users" ("corp_id", "status") ');
    await q.query('CREATE INDEX "idx_users_supervisor" ON "users" ("corp_id", "supervisor_userid") ');
    await q.query(
      'CREATE TABLE "user_departments" ("corp_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "dept_id" bigint NOT NULL, "is_leader" boolean NOT NULL DEFAULT (0), PRIMARY KEY ("corp_id", "userid", "dept_id"))',
    );
    await q.query('CREATE INDEX "idx_user_departments_dept" ON "user_departments" ("corp_id", "dept_id") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "user_departments"');
    await q.query('DROP TABLE "users"');
    await q.query('DROP TABLE "sync_runs"');
    await q.query('DROP TABLE "sessions"');
    await q.query('DROP TABLE "hr_scopes"');
    await q.query('DROP TABLE "departments"');
    await q.query('DROP TABLE "corps"');
  }
}
