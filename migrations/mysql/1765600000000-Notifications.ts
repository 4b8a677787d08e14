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
      "CREATE TABLE `notifications` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `recipient_userid` varchar(64) NOT NULL, `kind` varchar(64) NOT NULL, `dedupe_key` varchar(191) NOT NULL, `urgency` varchar(8) NOT NULL, `ignore_quiet_hours` tinyint NOT NULL DEFAULT 0, `title` varchar(200) NOT NULL, `body` text NOT NULL, `page` varchar(100) NULL, `page_query` varchar(500) NULL, `status` varchar(16) NOT NULL, `wait_reason` varchar(32) NULL, `not_before` datetime(3) NOT NULL, `send_id` int NULL, `send_day` varchar(10) NULL, `content_hash` varchar(64) NULL, `delivery` varchar(16) NOT NULL DEFAULT 'unknown', `delivery_code` int NULL, `attempts` int NOT NULL DEFAULT 0, `error` text NULL, `read_at` datetime(3) NULL, `created_at` datetime(3) NOT NULL, `sent_at` datetime(3) NULL, UNIQUE INDEX `uq_notifications_dedupe` (`corp_id`, `recipient_userid`, `dedupe_key`), INDEX `idx_notifications_due` (`corp_id`, `status`, `not_before`), INDEX `idx_notifications_recipient` (`corp_id`, `recipient_userid`, `id`), INDEX `idx_notifications_send` (`send_id`), INDEX `idx_notifications_day` (`corp_id`, `send_day`, `recipient_userid`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
    await q.query(
      'CREATE TABLE `notification_sends` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `status` varchar(16) NOT NULL, `attempt` int NOT NULL DEFAULT 1, `lease_until` datetime(3) NOT NULL, `msg` text NOT NULL, `content_hash` varchar(64) NOT NULL, `recipient_count` int NOT NULL, `send_day` varchar(10) NOT NULL, `task_id` varchar(32) NULL, `error` text NULL, `readback_at` datetime(3) NULL, `readback_count` int NOT NULL DEFAULT 0, `progress` int NULL, `created_at` datetime(3) NOT NULL, `sent_at` datetime(3) NULL, `recalled_at` datetime(3) NULL, `recalled_by` varchar(64) NULL, INDEX `idx_notification_sends_status` (`corp_id`, `status`, `lease_until`), INDEX `idx_notification_sends_readback` (`corp_id`, `readback_at`), INDEX `idx_notification_sends_created` (`corp_id`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `notify_drain_locks` (`corp_id` varchar(64) NOT NULL, `holder` varchar(64) NOT NULL, `lease_until` datetime(3) NOT NULL, PRIMARY KEY (`corp_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `notify_drain_locks`');
    await q.query('DROP TABLE `notification_sends`');
    await q.query('DROP TABLE `notifications`');
  }
}
