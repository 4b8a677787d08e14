import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 数据 page reads precomputed counts instead of counting per view: one snapshot per corp (what each source
 * holds, day gaps, gap sizes, forecast figures) and the items of the named gaps with the person whose scope decides
 * who may see each. Day indexes on attendance results, raw clocks and leave starts let the refresh ask "anything on this day?"
 * with one index seek per day instead of reading a month of rows.
 */
export class DataQualitySnapshots1765360000000 implements MigrationInterface {
  name = 'DataQualitySnapshots1765360000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `data_quality_snapshots` (`corp_id` varchar(64) NOT NULL, `computed_at` datetime(3) NOT NULL, `payload` text NOT NULL, PRIMARY KEY (`corp_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `data_gap_items` (`corp_id` varchar(64) NOT NULL, `gap_id` varchar(40) NOT NULL, `seq` int NOT NULL, `subject_userid` varchar(64) NULL, `label` varchar(255) NOT NULL, INDEX `idx_data_gap_items_subject` (`corp_id`, `subject_userid`), PRIMARY KEY (`corp_id`, `gap_id`, `seq`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query('CREATE INDEX `idx_attendance_date` ON `attendance_results` (`corp_id`, `work_date`)');
    await q.query('CREATE INDEX `idx_clock_date` ON `clock_records` (`corp_id`, `work_date`)');
    await q.query('CREATE INDEX `idx_leave_start` ON `leave_records` (`corp_id`, `start_at`)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_leave_start` ON `leave_records`');
    await q.query('DROP INDEX `idx_clock_date` ON `clock_records`');
    await q.query('DROP INDEX `idx_attendance_date` ON `attendance_results`');
    await q.query('DROP TABLE `data_gap_items`');
    await q.query('DROP TABLE `data_quality_snapshots`');
  }
}
