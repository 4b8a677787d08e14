import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TOPICS, eachTopicTrigger } from '../mysql/1768040000000-DataVersions';

const bump = (topic: string, corp: string) =>
  `INSERT INTO "data_versions" ("corp_id", "topic", "version") SELECT ${corp}, '${topic}', 1 WHERE 1 ON CONFLICT ("corp_id", "topic") DO UPDATE SET "version" = "version" + 1;`;

/** Creates the topics' triggers (SQLite syntax). */
export const createTopicTriggers = (q: QueryRunner, topics: readonly [string, string[]][]) =>
  eachTopicTrigger(topics, (t) => q.query(`CREATE TRIGGER "${t.name}" AFTER ${t.event} ON "${t.table}" BEGIN ${bump(t.topic, `${t.row}."corp_id"`)} END`));

/** Drops the topics' triggers. */
export const dropTopicTriggers = (q: QueryRunner, topics: readonly [string, string[]][]) =>
  eachTopicTrigger(topics, (t) => q.query(`DROP TRIGGER "${t.name}"`));

/** Per corp and topic, a version bumped by triggers on every write to the topic's tables (see the MySQL migration). */
export class DataVersions1768040000000 implements MigrationInterface {
  name = 'DataVersions1768040000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "data_versions" ("corp_id" varchar(64) NOT NULL, "topic" varchar(32) NOT NULL, "version" bigint NOT NULL DEFAULT (0), PRIMARY KEY ("corp_id", "topic"))',
    );
    await createTopicTriggers(q, TOPICS);
  }

  public async down(q: QueryRunner): Promise<void> {
    await dropTopicTriggers(q, TOPICS);
    await q.query('DROP TABLE "data_versions"');
  }
}
