import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Link department X (NEW or OLD) into the closure: its own row, then every department at or above its parent (the
 * parent itself too, synced or not) above every department at or below X. IGNORE: pairs already there stay.
 */
const LINK = (
  x: string,
) => `INSERT IGNORE INTO \`department_closure\` (\`corp_id\`, \`ancestor_id\`, \`dept_id\`) VALUES (${x}.\`corp_id\`, ${x}.\`dept_id\`, ${x}.\`dept_id\`);
  IF ${x}.\`parent_id\` IS NOT NULL THEN
    INSERT IGNORE INTO \`department_closure\` (\`corp_id\`, \`ancestor_id\`, \`dept_id\`)
      SELECT ${x}.\`corp_id\`, a.\`ancestor_id\`, s.\`dept_id\`
      FROM (SELECT ${x}.\`parent_id\` AS \`ancestor_id\` UNION SELECT ca.\`ancestor_id\` FROM \`department_closure\` ca WHERE ca.\`corp_id\` = ${x}.\`corp_id\` AND ca.\`dept_id\` = ${x}.\`parent_id\`) a
      JOIN \`department_closure\` s ON s.\`corp_id\` = ${x}.\`corp_id\` AND s.\`ancestor_id\` = ${x}.\`dept_id\`;
  END IF;`;

/** Unlink department X from everything above it: the pairs (strictly above X, at or below X). Own rows stay. */
const UNLINK = (x: string) => `DELETE c FROM \`department_closure\` c
    JOIN \`department_closure\` a ON a.\`corp_id\` = c.\`corp_id\` AND a.\`ancestor_id\` = c.\`ancestor_id\`
    JOIN \`department_closure\` s ON s.\`corp_id\` = c.\`corp_id\` AND s.\`dept_id\` = c.\`dept_id\`
    WHERE c.\`corp_id\` = ${x}.\`corp_id\` AND a.\`dept_id\` = ${x}.\`dept_id\` AND a.\`ancestor_id\` <> ${x}.\`dept_id\`
      AND s.\`ancestor_id\` = ${x}.\`dept_id\` AND c.\`ancestor_id\` <> c.\`dept_id\`;`;

/**
 * The department tree as (ancestor, department) pairs, each department with itself and everything above it, kept by
 * triggers on `departments` in the writing transaction (as `org_versions` is): an insert links the new department
 * (and whatever was synced below it before it), a move unlinks its subtree from the old ancestors and links it under
 * the new ones, a delete unlinks it. A people scope of HR's granted departments is then an index range of this table
 * instead of hundreds of department ids bound into every statement. Filled from `departments` here (a recursive walk
 * up from every department), so an existing database, the bench worlds included, has it at once. Assumes a tree, as
 * DingTalk's is (a cycle would leave extra pairs).
 */
export class DepartmentClosure1768010000000 implements MigrationInterface {
  name = 'DepartmentClosure1768010000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `department_closure` (`corp_id` varchar(64) NOT NULL, `ancestor_id` bigint NOT NULL, `dept_id` bigint NOT NULL, INDEX `idx_department_closure_dept` (`corp_id`, `dept_id`, `ancestor_id`), PRIMARY KEY (`corp_id`, `ancestor_id`, `dept_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'INSERT INTO `department_closure` (`corp_id`, `ancestor_id`, `dept_id`) SELECT `corp_id`, `ancestor_id`, `dept_id` FROM (WITH RECURSIVE up (`corp_id`, `ancestor_id`, `dept_id`) AS (SELECT d.`corp_id`, d.`dept_id`, d.`dept_id` FROM `departments` d UNION SELECT up.`corp_id`, p.`parent_id`, up.`dept_id` FROM up JOIN `departments` p ON p.`corp_id` = up.`corp_id` AND p.`dept_id` = up.`ancestor_id` WHERE p.`parent_id` IS NOT NULL) SELECT `corp_id`, `ancestor_id`, `dept_id` FROM up) walked',
    );
    await q.query(`CREATE TRIGGER \`trg_departments_closure_ins\` AFTER INSERT ON \`departments\` FOR EACH ROW BEGIN ${LINK('NEW')} END`);
    await q.query(
      `CREATE TRIGGER \`trg_departments_closure_upd\` AFTER UPDATE ON \`departments\` FOR EACH ROW BEGIN
  IF NOT (OLD.\`parent_id\` <=> NEW.\`parent_id\`) OR OLD.\`dept_id\` <> NEW.\`dept_id\` OR OLD.\`corp_id\` <> NEW.\`corp_id\` THEN
    ${UNLINK('OLD')}
    ${LINK('NEW')}
  END IF;
END`,
    );
    await q.query(`CREATE TRIGGER \`trg_departments_closure_del\` AFTER DELETE ON \`departments\` FOR EACH ROW BEGIN ${UNLINK('OLD')} END`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER `trg_departments_closure_del`');
    await q.query('DROP TRIGGER `trg_departments_closure_upd`');
    await q.query('DROP TRIGGER `trg_departments_closure_ins`');
    await q.query('DROP TABLE `department_closure`');
  }
}
