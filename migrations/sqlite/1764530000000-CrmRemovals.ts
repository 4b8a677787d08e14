import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CRM deletions and personal customers: rows DingTalk no longer lists are marked `removed_at` (never deleted),
 * customers say whether they are enterprise or personal, follow-ups keep DingTalk's modification time (which tells
 * whether a re-read of the lookback window should have seen them), and `crm_seen` remembers what a full pass has
 * seen so far, landing with each page so a pass resumed after a crash still knows.
 */
export class CrmRemovals1764530000000 implements MigrationInterface {
  name = 'CrmRemovals1764530000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "customers" ADD COLUMN "kind" varchar(16) NOT NULL DEFAULT ('enterprise')`);
    await q.query('ALTER TABLE "customers" ADD COLUMN "removed_at" datetime');
    await q.query('ALTER TABLE "deals" ADD COLUMN "removed_at" datetime');
    await q.query('ALTER TABLE "follow_ups" ADD COLUMN "modified_at" datetime');
    await q.query('ALTER TABLE "follow_ups" ADD COLUMN "removed_at" datetime');
    await q.query(
      'CREATE TABLE "crm_seen" ("corp_id" varchar(64) NOT NULL, "kind" varchar(32) NOT NULL, "source_id" varchar(64) NOT NULL, "pass_ms" bigint NOT NULL, PRIMARY KEY ("corp_id", "kind", "source_id"))',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "crm_seen"');
    await q.query('ALTER TABLE "follow_ups" DROP COLUMN "removed_at"');
    await q.query('ALTER TABLE "follow_ups" DROP COLUMN "modified_at"');
    await q.query('ALTER TABLE "deals" DROP COLUMN "removed_at"');
    await q.query('ALTER TABLE "customers" DROP COLUMN "removed_at"');
    await q.query('ALTER TABLE "customers" DROP COLUMN "kind"');
  }
}
