import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the outbox (`notifications`, one row per thing to tell one person, unique per dedupe key), the
 * DingTalk calls that carry them (`notification_sends`, recorded before each call so an interrupted one can be
 * reconciled) and a lease so one drain per corp sends at a time (`notify_drain_locks`).
 */
export class Notifications1765600000000 implements MigrationInterface {
  name = 'Notifications1765600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "notifications" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "recipient_userid" varchar(64) NOT NULL, "kind" varchar(64) NOT NULL, "dedupe_key" varchar(191) NOT NULL, "urgency" varchar(8) NOT NULL, "ignore_quiet_hours" boolean NOT NULL DEFAULT (0), "title" varchar(200) NOT NULL, "body" text NOT NULL, "page" varchar(100), "page_query" varchar(500), "status" varchar(16) NOT NULL, "wait_reason" varchar(32), "not_before" datetime(3) NOT NULL, "send_id" integer, "send_day" varchar(10), "content_hash" varchar(64), "delivery" varchar(16) NOT NULL DEFAULT ('unknown'), "delivery_code" integer, "attempts" integer NOT NULL DEFAULT (0), "error" text, "read_at" datetime(3), "created_at" datetime(3) NOT NULL, "sent_at" datetime(3))`,
    );
    await q.query('CREATE UNIQUE INDEX "uq_notifications_dedupe" ON "notifications" ("corp_id", "recipient_userid", "dedupe_key")');
    await q.query('CREATE INDEX "idx_notifications_due" ON "notifications" ("corp_id", "status", "not_before")');
    await q.query('CREATE INDEX "idx_notifications_recipient" ON "notifications" ("corp_id", "recipient_userid", "id")');
    await q.query('CREATE INDEX "idx_notifications_send" ON "notifications" ("send_id")');
    await q.query('CREATE INDEX "idx_notifications_day" ON "notifications" ("corp_id", "send_day", "recipient_userid")');
    await q.query(
      `CREATE TABLE "notification_sends" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "status" varchar(16) NOT NULL, "attempt" integer NOT NULL DEFAULT (1), "lease_until" datetime(3) NOT NULL, "msg" text NOT NULL, "content_hash" varchar(64) NOT NULL, "recipient_count" integer NOT NULL, "send_day" varchar(10) NOT NULL, "task_id" varchar(32), "error" text, "readback_at" datetime(3), "readback_count" integer NOT NULL DEFAULT (0), "progress" integer, "created_at" datetime(3) NOT NULL, "sent_at" datetime(3), "recalled_at" datetime(3), "recalled_by" varchar(64))`,
    );
    await q.query('CREATE INDEX "idx_notification_sends_status" ON "notification_sends" ("corp_id", "status", "lease_until")');
    await q.query('CREATE INDEX "idx_notification_sends_readback" ON "notification_sends" ("corp_id", "readback_at")');
    await q.query('CREATE INDEX "idx_notification_sends_created" ON "notification_sends" ("corp_id", "created_at")');
    await q.query(
      'CREATE TABLE "notify_drain_locks" ("corp_id" varchar(64) PRIMARY KEY NOT NULL, "holder" varchar(64) NOT NULL, "lease_until" datetime(3) NOT NULL)',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "notify_drain_locks"');
    await q.query('DROP TABLE "notification_sends"');
    await q.query('DROP TABLE "notifications"');
  }
}
