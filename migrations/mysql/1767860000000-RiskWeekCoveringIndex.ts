import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 留才雷达 (GET /api/v1/retention/risks) for HR reads the week's (band, userid) of every risk and matches them with
 * the people in its departments. SQLite's secondary indexes hold the rowid, not the primary key, so without the
 * userid in the week index each of the week's ~10,000 risk rows (2 KB of explanation each) was read for two columns.
 * InnoDB's secondary indexes already carry the primary key; the column is added on both so the schemas stay one.
 */
export class RiskWeekCoveringIndex1767860000000 implements MigrationInterface {
  name = 'RiskWeekCoveringIndex1767860000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_retention_risks_week_band` ON `retention_risks`');
    await q.query('CREATE INDEX `idx_retention_risks_week_band` ON `retention_risks` (`corp_id`, `week_start`, `band`, `userid`)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_retention_risks_week_band` ON `retention_risks`');
    await q.query('CREATE INDEX `idx_retention_risks_week_band` ON `retention_risks` (`corp_id`, `week_start`, `band`)');
  }
}
