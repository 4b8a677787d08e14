import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Imported values of KPI indicators with the source “导入数据”: one per person, month and indicator. */
export class KpiImportValues1767000000000 implements MigrationInterface {
  name = 'KpiImportValues1767000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `kpi_import_values` (`corp_id` varchar(64) NOT NULL, `source` varchar(16) NOT NULL, `source_id` varchar(64) NOT NULL, `userid` varchar(64) NOT NULL, `period` varchar(7) NOT NULL, `indicator_id` varchar(64) NOT NULL, `value` varchar(32) NOT NULL, `note` varchar(500) NULL, `imported_at` datetime NOT NULL, INDEX `idx_kpi_import_values_period` (`corp_id`, `period`), PRIMARY KEY (`corp_id`, `source`, `source_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `kpi_import_values`');
  }
}
