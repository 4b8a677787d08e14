import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The users' department and status indexes also hold the userid, the supervisor index the pinyin and userid (see the MySQL migration). */
export class ScopeCoveringIndexes1767850000000 implements MigrationInterface {
  name = 'ScopeCoveringIndexes1767850000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_users_status"');
    await q.query('CREATE INDEX "idx_users_status" ON "users" ("corp_id", "status", "userid") ');
    await q.query('DROP INDEX "idx_users_main_dept"');
    await q.query('CREATE INDEX "idx_users_main_dept" ON "users" ("corp_id", "main_dept_id", "userid") ');
    await q.query('DROP INDEX "idx_users_supervisor"');
    await q.query('CREATE INDEX "idx_users_supervisor" ON "users" ("corp_id", "supervisor_userid", "name_pinyin", "userid") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_users_supervisor"');
    await q.query('CREATE INDEX "idx_users_supervisor" ON "users" ("corp_id", "supervisor_userid") ');
    await q.query('DROP INDEX "idx_users_main_dept"');
    await q.query('CREATE INDEX "idx_users_main_dept" ON "users" ("corp_id", "main_dept_id") ');
    await q.query('DROP INDEX "idx_users_status"');
    await q.query('CREATE INDEX "idx_users_status" ON "users" ("corp_id", "status") ');
  }
}
