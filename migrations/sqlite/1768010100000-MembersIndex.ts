import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The flag's index on `users` gets the userid (see the MySQL migration). */
export class MembersIndex1768010100000 implements MigrationInterface {
  name = 'MembersIndex1768010100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_users_other_depts"');
    await q.query('CREATE INDEX "idx_users_other_depts" ON "users" ("corp_id", "in_other_depts", "userid") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_users_other_depts"');
    await q.query('CREATE INDEX "idx_users_other_depts" ON "users" ("corp_id", "in_other_depts") ');
  }
}
