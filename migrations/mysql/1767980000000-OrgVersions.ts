import type { MigrationInterface, QueryRunner } from 'typeorm';

const BUMP = (corp: string) =>
  `INSERT INTO \`org_versions\` (\`corp_id\`, \`version\`) VALUES (${corp}, 1) ON DUPLICATE KEY UPDATE \`version\` = \`version\` + 1`;

/**
 * A per-corp org version bumped by triggers on every write to `departments`, in the writing transaction: the web
 * process keeps a corp's departments (and their index) while the version is unchanged, and checks it with one read
 * by key per use. Triggers, not application code, so no write path (org sync, change events, imports, factories,
 * raw SQL) can forget it.
 */
export class OrgVersions1767980000000 implements MigrationInterface {
  name = 'OrgVersions1767980000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      "CREATE TABLE `org_versions` (`corp_id` varchar(64) NOT NULL, `version` bigint NOT NULL DEFAULT '0', PRIMARY KEY (`corp_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
    await q.query(`CREATE TRIGGER \`trg_departments_org_version_ins\` AFTER INSERT ON \`departments\` FOR EACH ROW ${BUMP('NEW.`corp_id`')}`);
    await q.query(
      `CREATE TRIGGER \`trg_departments_org_version_upd\` AFTER UPDATE ON \`departments\` FOR EACH ROW BEGIN ${BUMP('NEW.`corp_id`')}; IF OLD.\`corp_id\` <> NEW.\`corp_id\` THEN ${BUMP('OLD.`corp_id`')}; END IF; END`,
    );
    await q.query(`CREATE TRIGGER \`trg_departments_org_version_del\` AFTER DELETE ON \`departments\` FOR EACH ROW ${BUMP('OLD.`corp_id`')}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER `trg_departments_org_version_del`');
    await q.query('DROP TRIGGER `trg_departments_org_version_upd`');
    await q.query('DROP TRIGGER `trg_departments_org_version_ins`');
    await q.query('DROP TABLE `org_versions`');
  }
}
