import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every signed-in request asks whether the actor has active reports (`loadActor`: 我的团队 and the supervisor's
 * pages). Since the directory's covering index (corp, status, …) exists SQLite answered that count by walking every
 * active person of the corp in it (0.8 ms at 10,000 people, on every request); this index answers it from the
 * actor's reports alone (0.02 ms).
 */
export class SupervisorStatusIndex1768031000000 implements MigrationInterface {
  name = 'SupervisorStatusIndex1768031000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "idx_users_supervisor_status" ON "users" ("corp_id", "supervisor_userid", "status") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_users_supervisor_status"');
  }
}
