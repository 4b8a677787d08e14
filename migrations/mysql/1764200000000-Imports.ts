import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Excel/CSV imports: one row per committed import (progress and counts) and the rejected cells of each run. */
export class Imports1764200000000 implements MigrationInterface {
  name = 'Imports1764200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      "CREATE TABLE `import_runs` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `kind` varchar(32) NOT NULL, `file_name` varchar(255) NOT NULL, `status` varchar(16) NOT NULL, `rows_total` int NULL, `rows_done` int NOT NULL DEFAULT '0', `bytes_done` bigint NOT NULL DEFAULT '0', `bytes_total` bigint NULL, `created` int NOT NULL DEFAULT '0', `updated` int NOT NULL DEFAULT '0', `unchanged` int NOT NULL DEFAULT '0', `rejected` int NOT NULL DEFAULT '0', `warnings` text NULL, `error` text NULL, `file_headers` text NULL, `created_by` varchar(64) NOT NULL, `created_at` datetime(3) NOT NULL, `finished_at` datetime(3) NULL, INDEX `idx_import_runs_corp_kind` (`corp_id`, `kind`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
    await q.query(
      'CREATE TABLE `import_rejections` (`run_id` int NOT NULL, `seq` int NOT NULL, `corp_id` varchar(64) NOT NULL, `row_no` int NOT NULL, `column_header` varchar(100) NULL, `value` varchar(500) NOT NULL, `message` varchar(500) NOT NULL, `cells` text NULL, PRIMARY KEY (`run_id`, `seq`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `import_rejections`');
    await q.query('DROP TABLE `import_runs`');
  }
}
