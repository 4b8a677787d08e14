import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Imported values of KPI indicators (see the MySQL migration). */
export class KpiImportValues1767000000000 implements MigrationInterface {
  name = 'KpiImportValues1767000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "kpi_import_values" ("corp_id" varchar(64) NOT NULL, "source" varchar(16) NOT NULL, "source_id" varchar(64) NOT NULL, "userid" varchar(64) NOT NULL, "period" varchar(7) NOT NULL, "indicator_id" varchar(64) NOT NULL, "value" varchar(32) NOT NULL, "note" varchar(500), "imported_at" datetime NOT NULL, PRIMARY KEY ("corp_id", "source", "source_id"))',
    );
    await q.query('CREATE INDEX "idx_kpi_import_values_period" ON "kpi_import_values" ("corp_id", "period") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_kpi_import_values_period"');
    await q.query('DROP TABLE "kpi_import_values"');
  }
}
