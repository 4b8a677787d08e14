import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENTS, TOPICS, trigger } from '../mysql/1768040000000-DataVersions';

export const bump = (topic: string, corp: string) =>
  `INSERT INTO "data_versions" ("corp_id", "topic", "version") SELECT ${corp}, '${topic}', 1 WHERE 1 ON CONFLICT ("corp_id", "topic") DO UPDATE SET "version" = "version" + 1;`;

/** Per corp and topic, a version bumped by triggers on every write to the topic's tables (see the MySQL migration). */
export class DataVersions1768040000000 implements MigrationInterface {
  name = 'DataVersions1768040000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "data_versions" ("corp_id" varchar(64) NOT NULL, "topic" varchar(32) NOT NULL, "version" bigint NOT NULL DEFAULT (0), PRIMARY KEY ("corp_id", "topic"))',
    );
    for (const [topic, tables] of TOPICS)
      for (const table of tables)
        for (const [suffix, event, row] of EVENTS)
          await q.query(`CREATE TRIGGER "${trigger(table, suffix)}" AFTER ${event} ON "${table}" BEGIN ${bump(topic, `${row}."corp_id"`)} END`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [, tables] of TOPICS) for (const table of tables) for (const [suffix] of EVENTS) await q.query(`DROP TRIGGER "${trigger(table, suffix)}"`);
    await q.query('DROP TABLE "data_versions"');
  }
}
