import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sessions remember when they were last used, so an idle session ends (SESSION_IDLE_MINUTES). */
export class SessionActivity1765400000000 implements MigrationInterface {
  name = 'SessionActivity1765400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sessions" ADD COLUMN "last_seen_at" datetime');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sessions" DROP COLUMN "last_seen_at"');
  }
}
