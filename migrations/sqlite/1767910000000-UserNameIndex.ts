import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A covering index for the name lookups by userid (see the MySQL migration). */
export class UserNameIndex1767910000000 implements MigrationInterface {
  name = 'UserNameIndex1767910000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "idx_users_names" ON "users" ("corp_id", "userid", "status", "name", "title") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_users_names"');
  }
}
