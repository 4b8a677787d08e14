import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification log (GET /api/v1/notifications/log) counts the notifications in the viewer's scope by status: it
 * read every notification row of the corp (bodies included) and looked its recipient up, one user per notification.
 * Now it groups by recipient and status from this covering index and checks the scope once per recipient.
 */
export class NotificationCountIndex1767850000000 implements MigrationInterface {
  name = 'NotificationCountIndex1767850000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX `idx_notifications_recipient_status` ON `notifications` (`corp_id`, `recipient_userid`, `status`)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_notifications_recipient_status` ON `notifications`');
  }
}
