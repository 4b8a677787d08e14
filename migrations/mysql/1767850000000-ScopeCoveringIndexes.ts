import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The userids of a people scope (peopleScope.ts `scopeUseridsSql`: HR's departments, the reports, oneself) read from
 * the users' department and supervisor indexes alone. SQLite's secondary indexes hold the rowid, not the primary key,
 * so each of the ~7,000 people in an HR scope at 10,000 people was a table row read for its userid (通知记录's status
 * counts); the status index likewise (留才雷达's counts leave out who is not active). InnoDB's secondary indexes already carry the primary key; the column is added on both so the schemas
 * stay one. The supervisor index also holds the pinyin: a supervisor's reports by name (the directory's
 * `?supervisor=`, 我的's reports, the person page's direct reports) are read from it in order, where SQLite walked the
 * (corp, pinyin) index over every user to find them (3 ms → 0.03 ms for 18 reports at 10,000 people).
 */
export class ScopeCoveringIndexes1767850000000 implements MigrationInterface {
  name = 'ScopeCoveringIndexes1767850000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_users_status` ON `users`');
    await q.query('CREATE INDEX `idx_users_status` ON `users` (`corp_id`, `status`, `userid`)');
    await q.query('DROP INDEX `idx_users_main_dept` ON `users`');
    await q.query('CREATE INDEX `idx_users_main_dept` ON `users` (`corp_id`, `main_dept_id`, `userid`)');
    await q.query('DROP INDEX `idx_users_supervisor` ON `users`');
    await q.query('CREATE INDEX `idx_users_supervisor` ON `users` (`corp_id`, `supervisor_userid`, `name_pinyin`, `userid`)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_users_supervisor` ON `users`');
    await q.query('CREATE INDEX `idx_users_supervisor` ON `users` (`corp_id`, `supervisor_userid`)');
    await q.query('DROP INDEX `idx_users_main_dept` ON `users`');
    await q.query('CREATE INDEX `idx_users_main_dept` ON `users` (`corp_id`, `main_dept_id`)');
    await q.query('DROP INDEX `idx_users_status` ON `users`');
    await q.query('CREATE INDEX `idx_users_status` ON `users` (`corp_id`, `status`)');
  }
}
