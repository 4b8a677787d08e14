import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory's covering index: the active (or departed) people in name order (pinyin, name, userid) with what a
 * search matches (name, initials, job number, title) and the scope's columns (main department, supervisor), so the
 * directory's search and 留才雷达's pages in name order test each person on the index entry without reading the row
 * (see the MySQL migration, which holds fewer columns). Not in the entities' sync (`synchronize: false` on User).
 */
export class DirectoryIndex1767940000000 implements MigrationInterface {
  name = 'DirectoryIndex1767940000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX "idx_users_directory" ON "users" ("corp_id", "status", "name_pinyin", "name", "userid", "main_dept_id", "supervisor_userid", "name_initials", "job_number", "title") ',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_users_directory"');
  }
}
