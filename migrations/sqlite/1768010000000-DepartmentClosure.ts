import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Link department X into the closure (see the MySQL migration). `WHERE 1` lets the upsert follow a SELECT. */
const LINK = (
  x: string,
) => `INSERT INTO "department_closure" ("corp_id", "ancestor_id", "dept_id") SELECT ${x}."corp_id", ${x}."dept_id", ${x}."dept_id" WHERE 1 ON CONFLICT DO NOTHING;
  INSERT INTO "department_closure" ("corp_id", "ancestor_id", "dept_id")
    SELECT ${x}."corp_id", a."ancestor_id", s."dept_id"
    FROM (SELECT ${x}."parent_id" AS "ancestor_id" WHERE ${x}."parent_id" IS NOT NULL UNION SELECT ca."ancestor_id" FROM "department_closure" ca WHERE ca."corp_id" = ${x}."corp_id" AND ca."dept_id" = ${x}."parent_id") a
    JOIN "department_closure" s ON s."corp_id" = ${x}."corp_id" AND s."ancestor_id" = ${x}."dept_id" WHERE 1
    ON CONFLICT DO NOTHING;`;

/** Unlink department X from everything strictly above it (see the MySQL migration). */
const UNLINK = (x: string) => `DELETE FROM "department_closure" WHERE "corp_id" = ${x}."corp_id" AND "ancestor_id" <> "dept_id"
    AND "ancestor_id" IN (SELECT a."ancestor_id" FROM "department_closure" a WHERE a."corp_id" = ${x}."corp_id" AND a."dept_id" = ${x}."dept_id" AND a."ancestor_id" <> ${x}."dept_id")
    AND "dept_id" IN (SELECT s."dept_id" FROM "department_closure" s WHERE s."corp_id" = ${x}."corp_id" AND s."ancestor_id" = ${x}."dept_id");`;

/** The department tree as (ancestor, department) pairs, kept by triggers on `departments` (see the MySQL migration). */
export class DepartmentClosure1768010000000 implements MigrationInterface {
  name = 'DepartmentClosure1768010000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "department_closure" ("corp_id" varchar(64) NOT NULL, "ancestor_id" bigint NOT NULL, "dept_id" bigint NOT NULL, PRIMARY KEY ("corp_id", "ancestor_id", "dept_id"))',
    );
    await q.query('CREATE INDEX "idx_department_closure_dept" ON "department_closure" ("corp_id", "dept_id", "ancestor_id") ');
    await q.query(
      'INSERT INTO "department_closure" ("corp_id", "ancestor_id", "dept_id") WITH RECURSIVE up ("corp_id", "ancestor_id", "dept_id") AS (SELECT d."corp_id", d."dept_id", d."dept_id" FROM "departments" d UNION SELECT up."corp_id", p."parent_id", up."dept_id" FROM up JOIN "departments" p ON p."corp_id" = up."corp_id" AND p."dept_id" = up."ancestor_id" WHERE p."parent_id" IS NOT NULL) SELECT "corp_id", "ancestor_id", "dept_id" FROM up',
    );
    await q.query(`CREATE TRIGGER "trg_departments_closure_ins" AFTER INSERT ON "departments" BEGIN ${LINK('NEW')} END`);
    await q.query(
      `CREATE TRIGGER "trg_departments_closure_upd" AFTER UPDATE ON "departments" WHEN OLD."parent_id" IS NOT NEW."parent_id" OR OLD."dept_id" <> NEW."dept_id" OR OLD."corp_id" <> NEW."corp_id" BEGIN ${UNLINK('OLD')} ${LINK('NEW')} END`,
    );
    await q.query(`CREATE TRIGGER "trg_departments_closure_del" AFTER DELETE ON "departments" BEGIN ${UNLINK('OLD')} END`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER "trg_departments_closure_del"');
    await q.query('DROP TRIGGER "trg_departments_closure_upd"');
    await q.query('DROP TRIGGER "trg_departments_closure_ins"');
    await q.query('DROP TABLE "department_closure"');
  }
}
