import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Follow-up notes (follow_content) are kept, and each person's client-feedback keywords per month. */
export class FollowUpContent1766600100000 implements MigrationInterface {
  name = 'FollowUpContent1766600100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `follow_ups` ADD `content` text NULL');
    await q.query(
      'CREATE TABLE `talent_feedback_terms` (`id` int NOT NULL AUTO_INCREMENT, `corp_id` varchar(64) NOT NULL, `period` varchar(7) NOT NULL, `userid` varchar(64) NOT NULL, `documents` int NOT NULL, `terms` text NOT NULL, `computed_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_talent_feedback_terms` (`corp_id`, `period`, `userid`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `talent_feedback_terms`');
    await q.query('ALTER TABLE `follow_ups` DROP COLUMN `content`');
  }
}
