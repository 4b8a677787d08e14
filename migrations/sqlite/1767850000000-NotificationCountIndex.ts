import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 通知记录's status counts read a (corp, recipient, status) index only (see the MySQL migration). */
export class NotificationCountIndex1767850000000 implements MigrationInterface {
  name = 'NotificationCountIndex1767850000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "idx_notifications_recipient_status" ON "notifications" ("corp_id", "recipient_userid", "status") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_notifications_recipient_status"');
  }
}
