import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only audit log (modules/audit): who did or read what, when, from which session. */
export class AuditLog1766100000000 implements MigrationInterface {
  name = 'AuditLog1766100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `audit_events` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `actor_userid` varchar(64) NOT NULL, `session_ref` varchar(32) NULL, `occurred_at` datetime(3) NOT NULL, `action` varchar(64) NOT NULL, `target_kind` varchar(32) NOT NULL, `target_id` varchar(64) NOT NULL, `subject_userid` varchar(64) NULL, `detail` text NULL, INDEX `idx_audit_events_time` (`corp_id`, `occurred_at`), INDEX `idx_audit_events_actor` (`corp_id`, `actor_userid`, `occurred_at`), INDEX `idx_audit_events_action` (`corp_id`, `action`, `occurred_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `audit_events`');
  }
}
