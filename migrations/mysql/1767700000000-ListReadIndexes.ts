import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for two list pages, measured at 10,000 people (`npm run bench:api`): the notification log
 * (GET /api/v1/notifications/log) pages the corp's notifications newest first, which without a (corp, id) index read
 * all of them through the due-time index and sorted them to keep 50, and now walks the index backwards; the pulse
 * survey list (GET /api/v1/pulse-surveys) counts each round's invitations and answers, which read every invitation
 * row of the corp (30,000) and grouped them, and now counts them from a covering (corp, round, answered) index.
 */
export class ListReadIndexes1767700000000 implements MigrationInterface {
  name = 'ListReadIndexes1767700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX `idx_notifications_log` ON `notifications` (`corp_id`, `id`)');
    await q.query('CREATE INDEX `idx_pulse_invitations_round` ON `pulse_invitations` (`corp_id`, `round_id`, `answered_on`)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_pulse_invitations_round` ON `pulse_invitations`');
    await q.query('DROP INDEX `idx_notifications_log` ON `notifications`');
  }
}
