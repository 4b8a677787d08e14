import type { MigrationInterface, QueryRunner } from 'typeorm';

/** DingTalk events received (HTTP callback / Stream), one row per event key, for deduplication. */
export class DingTalkEvents1764000000000 implements MigrationInterface {
  name = 'DingTalkEvents1764000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "dingtalk_events" ("corp_id" varchar(64) NOT NULL, "event_key" varchar(64) NOT NULL, "event_type" varchar(64) NOT NULL, "source" varchar(16) NOT NULL, "payload" text NOT NULL, "received_at" datetime(3) NOT NULL, PRIMARY KEY ("corp_id", "event_key"))',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "dingtalk_events"');
  }
}
