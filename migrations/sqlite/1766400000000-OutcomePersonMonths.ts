import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 转型看板: each person's month as facts, stored by the outcomes job. */
export class OutcomePersonMonths1766400000000 implements MigrationInterface {
  name = 'OutcomePersonMonths1766400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "outcome_person_months" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "month" varchar(7) NOT NULL, "userid" varchar(64) NOT NULL, "dept_id" bigint, "tier" varchar(8), "employed_start" boolean NOT NULL, "employed_end" boolean NOT NULL, "left_in_month" boolean NOT NULL, "hired" boolean NOT NULL, "revenue_fen" bigint NOT NULL, "big_revenue_fen" bigint NOT NULL, "training_total" integer NOT NULL, "training_done" integer NOT NULL, "band" varchar(4), "new_hire" varchar(8), "computed_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_outcome_person_months" ON "outcome_person_months" ("corp_id", "month", "userid") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "outcome_person_months"');
  }
}
