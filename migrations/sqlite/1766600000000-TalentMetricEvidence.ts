import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Portrait evidence: team and company medians per metric and month, and HR's versioned reference values. */
export class TalentMetricEvidence1766600000000 implements MigrationInterface {
  name = 'TalentMetricEvidence1766600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "talent_metric_medians" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "period" varchar(7) NOT NULL, "group_key" varchar(40) NOT NULL, "metric" varchar(40) NOT NULL, "median" varchar(32), "people" integer NOT NULL, "population" integer NOT NULL, "missing" varchar(200), "computed_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_talent_metric_medians" ON "talent_metric_medians" ("corp_id", "period", "group_key", "metric") ');
    await q.query(
      'CREATE TABLE "talent_metric_references" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "metric" varchar(40) NOT NULL, "version" integer NOT NULL, "value" varchar(32), "note" varchar(200), "set_by" varchar(64) NOT NULL, "set_at" datetime(3) NOT NULL)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_talent_metric_references" ON "talent_metric_references" ("corp_id", "metric", "version") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "talent_metric_references"');
    await q.query('DROP TABLE "talent_metric_medians"');
  }
}
