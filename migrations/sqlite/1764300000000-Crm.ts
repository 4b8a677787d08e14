import type { MigrationInterface, QueryRunner } from 'typeorm';

/** CRM data in: customers (owner, segment, first/last deal, raw form data), follow-ups, and deals linked to their customer. */
export class Crm1764300000000 implements MigrationInterface {
  name = 'Crm1764300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "customers" ("corp_id" varchar(64) NOT NULL, "source" varchar(16) NOT NULL, "source_id" varchar(64) NOT NULL, "imported_at" datetime NOT NULL, "name" varchar(200) NOT NULL, "owner_userid" varchar(64), "segment" varchar(8), "first_deal_on" varchar(10), "last_deal_on" varchar(10), "data" text NOT NULL, PRIMARY KEY ("corp_id", "source", "source_id"))',
    );
    await q.query('CREATE INDEX "idx_customers_owner" ON "customers" ("corp_id", "owner_userid") ');
    await q.query(
      'CREATE TABLE "follow_ups" ("corp_id" varchar(64) NOT NULL, "source" varchar(16) NOT NULL, "source_id" varchar(64) NOT NULL, "imported_at" datetime NOT NULL, "owner_userid" varchar(64), "customer_source_id" varchar(64), "followed_at" datetime NOT NULL, PRIMARY KEY ("corp_id", "source", "source_id"))',
    );
    await q.query('CREATE INDEX "idx_follow_ups_owner_time" ON "follow_ups" ("corp_id", "owner_userid", "followed_at") ');
    await q.query('CREATE INDEX "idx_follow_ups_customer" ON "follow_ups" ("corp_id", "customer_source_id") ');
    await q.query('ALTER TABLE "deals" ADD COLUMN "customer_source_id" varchar(64)');
    await q.query('CREATE INDEX "idx_deals_customer" ON "deals" ("corp_id", "customer_source_id") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_deals_customer"');
    await q.query('ALTER TABLE "deals" DROP COLUMN "customer_source_id"');
    await q.query('DROP INDEX "idx_follow_ups_customer"');
    await q.query('DROP INDEX "idx_follow_ups_owner_time"');
    await q.query('DROP TABLE "follow_ups"');
    await q.query('DROP INDEX "idx_customers_owner"');
    await q.query('DROP TABLE "customers"');
  }
}
