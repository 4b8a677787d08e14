import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the talent pages' reads, measured at 10,000 people (`npm run bench:api`): every talent API first asks
 * for the newest scored month and its first job model (`latestScored`), which read all the corp's scores (7.5 ms on
 * SQLite) and now reads the index; the 9-box's recent sales join each scored person's portrait months
 * (`recentSalesOfScored`), which without a (person, month) index scanned three months of everyone's metrics per
 * person (37 s of SQLite CPU per request at 10,000 people) and now seeks them (20 ms).
 */
export class TalentReadIndexes1767400000000 implements MigrationInterface {
  name = 'TalentReadIndexes1767400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX `idx_talent_match_scores_latest` ON `talent_match_scores` (`corp_id`, `period`, `job_model_id`)');
    await q.query('CREATE INDEX `idx_talent_metrics_person` ON `talent_metrics` (`corp_id`, `userid`, `period`)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_talent_metrics_person` ON `talent_metrics`');
    await q.query('DROP INDEX `idx_talent_match_scores_latest` ON `talent_match_scores`');
  }
}
