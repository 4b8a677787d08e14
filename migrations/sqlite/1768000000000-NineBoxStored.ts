import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The 9-box from stored figures: sales and column per score row, cut-offs per month and job model (see the MySQL migration). */
export class NineBoxStored1768000000000 implements MigrationInterface {
  name = 'NineBoxStored1768000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "talent_match_scores" ADD COLUMN "sales_fen" bigint');
    await q.query('ALTER TABLE "talent_match_scores" ADD COLUMN "performance" varchar(4)');
    await q.query(
      'CREATE INDEX "idx_talent_match_scores_box" ON "talent_match_scores" ("corp_id", "period", "job_model_id", "tier", "performance", "score_t" DESC, "userid") ',
    );
    await q.query(
      'CREATE TABLE "talent_nine_box_cutoffs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "period" varchar(7) NOT NULL, "job_model_id" integer NOT NULL, "version_id" integer NOT NULL, "window_from" varchar(7) NOT NULL, "window_to" varchar(7) NOT NULL, "low_fen" bigint NOT NULL, "high_fen" bigint NOT NULL, "population" integer NOT NULL, "computed_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_talent_nine_box_cutoffs" ON "talent_nine_box_cutoffs" ("corp_id", "period", "job_model_id") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "uq_talent_nine_box_cutoffs"');
    await q.query('DROP TABLE "talent_nine_box_cutoffs"');
    await q.query('DROP INDEX "idx_talent_match_scores_box"');
    await q.query('ALTER TABLE "talent_match_scores" DROP COLUMN "performance"');
    await q.query('ALTER TABLE "talent_match_scores" DROP COLUMN "sales_fen"');
  }
}
