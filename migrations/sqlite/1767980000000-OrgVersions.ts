import type { MigrationInterface, QueryRunner } from 'typeorm';

const BUMP = (corp: string, when = '') =>
  `INSERT INTO "org_versions" ("corp_id", "version") SELECT ${corp}, 1 WHERE 1${when} ON CONFLICT ("corp_id") DO UPDATE SET "version" = "version" + 1;`;

/** A per-corp org version bumped by triggers on every write to `departments` (see the MySQL migration). */
export class OrgVersions1767980000000 implements MigrationInterface {
  name = 'OrgVersions1767980000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE "org_versions" ("corp_id" varchar(64) PRIMARY KEY NOT NULL, "version" bigint NOT NULL DEFAULT (0))');
    await q.query(`CREATE TRIGGER "trg_departments_org_version_ins" AFTER INSERT ON "departments" BEGIN ${BUMP('NEW."corp_id"')} END`);
    await q.query(
      `CREATE TRIGGER "trg_departments_org_version_upd" AFTER UPDATE ON "departments" BEGIN ${BUMP('NEW."corp_id"')} ${BUMP('OLD."corp_id"', ' AND OLD."corp_id" <> NEW."corp_id"')} END`,
    );
    await q.query(`CREATE TRIGGER "trg_departments_org_version_del" AFTER DELETE ON "departments" BEGIN ${BUMP('OLD."corp_id"')} END`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER "trg_departments_org_version_del"');
    await q.query('DROP TRIGGER "trg_departments_org_version_upd"');
    await q.query('DROP TRIGGER "trg_departments_org_version_ins"');
    await q.query('DROP TABLE "org_versions"');
  }
}
