import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for the notification log's and the pulse survey list's reads (see the MySQL migration). */
export class ListReadIndexes1767700000000 implements MigrationInterface {
  name = 'ListReadIndexes1767700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "idx_notifications_log" ON "notifications" ("corp_id", "id") ');
    await q.query('CREATE INDEX "idx_pulse_invitations_round" ON "pulse_invitations" ("corp_id", "round_id", "answered_on") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_pulse_invitations_round"');
    await q.query('DROP INDEX "idx_notifications_log"');
  }
}
