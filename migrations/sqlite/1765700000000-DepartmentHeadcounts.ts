import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Precomputed department headcounts (people directly in it, and in it or anywhere below it, each once), so the org
 * page answers from a few indexed rows at 10,000 people instead of counting every membership per request. Filled
 * by the next org sync (and on first read when empty).
 */
export class DepartmentHeadcounts1765700000000 implements MigrationInterface {
  name = 'DepartmentHeadcounts1765700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "department_headcounts" ("corp_id" varchar(64) NOT NULL, "dept_id" bigint NOT NULL, "headcount" integer NOT NULL, "total_headcount" integer NOT NULL, PRIMARY KEY ("corp_id", "dept_id"))',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "department_headcounts"');
  }
}
