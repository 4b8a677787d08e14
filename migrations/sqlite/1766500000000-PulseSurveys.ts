import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pulse surveys (脉搏调查) with anonymous answers (WITHOUT ROWID: no hidden arrival order), and team atmosphere. */
export class PulseSurveys1766500000000 implements MigrationInterface {
  name = 'PulseSurveys1766500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "pulse_surveys" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "title" varchar(100) NOT NULL, "dept_id" bigint NOT NULL, "cadence" varchar(10) NOT NULL, "questions" text NOT NULL, "active" boolean NOT NULL, "created_by" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE INDEX "idx_pulse_surveys_dept" ON "pulse_surveys" ("corp_id", "dept_id") ');
    await q.query(
      'CREATE TABLE "pulse_rounds" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "survey_id" integer NOT NULL, "opens_on" varchar(10) NOT NULL, "due_on" varchar(10) NOT NULL, "questions" text NOT NULL, "invited" integer NOT NULL, "created_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_pulse_rounds" ON "pulse_rounds" ("survey_id", "opens_on") ');
    await q.query('CREATE INDEX "idx_pulse_rounds_corp" ON "pulse_rounds" ("corp_id", "due_on") ');
    await q.query(
      'CREATE TABLE "pulse_invitations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "round_id" integer NOT NULL, "userid" varchar(64) NOT NULL, "dept_id" bigint NOT NULL, "answered_on" varchar(10))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_pulse_invitations" ON "pulse_invitations" ("round_id", "userid") ');
    await q.query('CREATE INDEX "idx_pulse_invitations_user" ON "pulse_invitations" ("corp_id", "userid") ');
    await q.query(
      'CREATE TABLE "pulse_answers" ("id" varchar(32) PRIMARY KEY NOT NULL, "corp_id" varchar(64) NOT NULL, "round_id" integer NOT NULL, "dept_id" bigint NOT NULL, "answers" text NOT NULL) WITHOUT ROWID',
    );
    await q.query('CREATE INDEX "idx_pulse_answers_round" ON "pulse_answers" ("corp_id", "round_id") ');
    await q.query(
      'CREATE TABLE "team_atmospheres" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "month" varchar(7) NOT NULL, "dept_id" bigint NOT NULL, "level" varchar(4), "score" integer NOT NULL, "respondents" integer NOT NULL, "enps" integer, "reasons" text NOT NULL, "actions" text NOT NULL, "computed_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_team_atmospheres" ON "team_atmospheres" ("corp_id", "month", "dept_id") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of ['team_atmospheres', 'pulse_answers', 'pulse_invitations', 'pulse_rounds', 'pulse_surveys']) await q.query(`DROP TABLE "${t}"`);
  }
}
