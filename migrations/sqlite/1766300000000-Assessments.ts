import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Assessments (see the MySQL migration of the same name). */
export class Assessments1766300000000 implements MigrationInterface {
  name = 'Assessments1766300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "questionnaires" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(100) NOT NULL, "description" varchar(500), "revision" integer NOT NULL DEFAULT (0), "created_by" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_questionnaires_code" ON "questionnaires" ("corp_id", "code") ');
    await q.query(
      'CREATE TABLE "questionnaire_versions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "questionnaire_id" integer NOT NULL, "version" integer NOT NULL, "status" varchar(16) NOT NULL, "effective_from" varchar(10) NOT NULL, "effective_to" varchar(10), "definition" text NOT NULL, "note" varchar(500), "copied_from_id" integer, "created_by" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL, "published_by" varchar(64), "published_at" datetime(3))',
    );
    await q.query('CREATE INDEX "idx_questionnaire_versions_questionnaire" ON "questionnaire_versions" ("corp_id", "questionnaire_id") ');
    await q.query('CREATE UNIQUE INDEX "uq_questionnaire_versions_number" ON "questionnaire_versions" ("questionnaire_id", "version") ');
    await q.query(
      'CREATE TABLE "assessment_cycles" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "title" varchar(100) NOT NULL, "questionnaire_id" integer NOT NULL, "version_id" integer NOT NULL, "due_on" varchar(10) NOT NULL, "time_limit_minutes" integer, "supervisor_rating" boolean NOT NULL DEFAULT (0), "audience" text NOT NULL, "created_by" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL, "reminded_at" datetime(3))',
    );
    await q.query('CREATE INDEX "idx_assessment_cycles_corp" ON "assessment_cycles" ("corp_id", "created_at") ');
    await q.query(
      'CREATE TABLE "assessment_responses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "cycle_id" integer NOT NULL, "version_id" integer NOT NULL, "subject_userid" varchar(64) NOT NULL, "rater_userid" varchar(64) NOT NULL, "role" varchar(16) NOT NULL, "answers" text, "started_at" datetime(3), "deadline_at" datetime(3), "saved_at" datetime(3), "submitted_at" datetime(3), "scores" text)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_assessment_responses" ON "assessment_responses" ("cycle_id", "subject_userid", "role") ');
    await q.query('CREATE INDEX "idx_assessment_responses_rater" ON "assessment_responses" ("corp_id", "rater_userid") ');
    await q.query('CREATE INDEX "idx_assessment_responses_subject" ON "assessment_responses" ("corp_id", "subject_userid") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "assessment_responses"');
    await q.query('DROP TABLE "assessment_cycles"');
    await q.query('DROP TABLE "questionnaire_versions"');
    await q.query('DROP TABLE "questionnaires"');
  }
}
