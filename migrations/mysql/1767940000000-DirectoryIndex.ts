import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people in name order by status, with the scope's columns: (corp, status, pinyin, name, userid, main department,
 * supervisor). 留才雷达's pages for HR walk the active people in name order and test the scope on the index entry,
 * stopping at the page. SQLite's index also holds the searched columns (initials, job number, title) so that a
 * directory search reads no rows; here they would pass InnoDB's 3,072-byte key limit (utf8mb4), and the clustered
 * rows are what a scan reads anyway. Not in the entities' sync (`synchronize: false` on User): the two differ.
 */
export class DirectoryIndex1767940000000 implements MigrationInterface {
  name = 'DirectoryIndex1767940000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX `idx_users_directory` ON `users` (`corp_id`, `status`, `name_pinyin`, `name`, `userid`, `main_dept_id`, `supervisor_userid`)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_users_directory` ON `users`');
  }
}
