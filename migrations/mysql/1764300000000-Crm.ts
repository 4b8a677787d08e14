import type { MigrationInterface, QueryRunner } from 'typeorm';

/** CRM data in: customers (owner, segment, first/last deal, raw form data), follow-ups, and deals linked to their customer. */
export class Crm1764300000000 implements MigrationInterface {
  name = 'Crm1764300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `customers` (`corp_id` varchar(64) NOT NULL, `source` varchar(16) NOT NULL, `source_id` varchar(64) NOT NULL, `imported_at` datetime NOT NULL, `name` varchar(200) NOT NULL, `owner_userid` varchar(64) NULL, `segment` varchar(8) NULL, `first_deal_on` varchar(10) NULL, `last_deal_on` varchar(10) NULL, `data` text NOT NULL, INDEX `idx_customers_owner` (`corp_id`, `owner_userid`), PRIMARY KEY (`corp_id`, `source`, `source_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query(
      'CREATE TABLE `follow_ups` (`corp_id` varchar(64) NOT NULL, `source` varchar(16) NOT NULL, `source_id` varchar(64) NOT NULL, `imported_at` datetime NOT NULL, `owner_userid` varchar(64) NULL, `customer_source_id` varchar(64) NULL, `followed_at` datetime NOT NULL, INDEX `idx_follow_ups_owner_time` (`corp_id`, `owner_userid`, `followed_at`), INDEX `idx_follow_ups_customer` (`corp_id`, `customer_source_id`), PRIMARY KEY (`corp_id`, `source`, `source_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await q.query('ALTER TABLE `deals` ADD `customer_source_id` varchar(64) NULL');
    await q.query('CREATE INDEX `idx_deals_customer` ON `deals` (`corp_id`, `customer_source_id`)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_deals_customer` ON `deals`');
    await q.query('ALTER TABLE `deals` DROP COLUMN `customer_source_id`');
    await q.query('DROP TABLE `follow_ups`');
    await q.query('DROP TABLE `customers`');
  }
}
