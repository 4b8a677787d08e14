import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 留才雷达's week index also holds the userid, so HR's list reads a week's (band, userid) from it alone (see the MySQL migration). */
export class RiskWeekCoveringIndex1767860000000 implements MigrationInterface {
  name = 'RiskWeekCoveringIndex1767860000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_retention_risks_week_band"');
    await q.query('CREATE INDEX "idx_retention_risks_week_band" ON "retention_risks" ("corp_id", "week_start", "band", "userid") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_retention_risks_week_band"');
    await q.query('CREATE INDEX "idx_retention_risks_week_band" ON "retention_risks" ("corp_id", "week_start", "band") ');
  }
}
