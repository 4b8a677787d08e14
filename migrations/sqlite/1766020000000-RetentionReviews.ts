import type { MigrationInterface, QueryRunner } from 'typeorm';

/** HR's reviews of a person's risk (已沟通 / 误报, with a note), kept with history. */
export class RetentionReviews1766020000000 implements MigrationInterface {
  name = 'RetentionReviews1766020000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "retention_reviews" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "week_start" varchar(10) NOT NULL, "band" varchar(4), "outcome" varchar(8) NOT NULL, "note" varchar(500) NOT NULL, "reviewer_userid" varchar(64) NOT NULL, "reviewed_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE INDEX "idx_retention_reviews_person" ON "retention_reviews" ("corp_id", "userid", "week_start") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "retention_reviews"');
  }
}
