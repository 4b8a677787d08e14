import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The flag's index on `users` gets the userid: the people scope's "members beyond their main department" part starts
 * from the flagged people (about one in twenty) and needs only their userids, so it reads no user row (SQLite; InnoDB's
 * secondary indexes hold the key already). Replaces the index of `PeopleDirectory` (1765200000000).
 */
export class MembersIndex1768010100000 implements MigrationInterface {
  name = 'MembersIndex1768010100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_users_other_depts` ON `users`');
    await q.query('CREATE INDEX `idx_users_other_depts` ON `users` (`corp_id`, `in_other_depts`, `userid`)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_users_other_depts` ON `users`');
    await q.query('CREATE INDEX `idx_users_other_depts` ON `users` (`corp_id`, `in_other_depts`)');
  }
}
