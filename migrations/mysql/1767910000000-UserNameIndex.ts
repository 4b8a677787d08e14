import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A covering index for the name lookups by userid (a department's managers, the people a list refers to): the
 * (corp, userid) key read the whole row for each name; with (corp, userid, status, name, title) the lookup stays in
 * the index. Measured on the 10,000-person bench world: the 角色设置 picker's 562 department managers, 4.3 → 1.3 ms.
 */
export class UserNameIndex1767910000000 implements MigrationInterface {
  name = 'UserNameIndex1767910000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX `idx_users_names` ON `users` (`corp_id`, `userid`, `status`, `name`, `title`)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_users_names` ON `users`');
  }
}
