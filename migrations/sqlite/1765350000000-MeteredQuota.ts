import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The metered quota as DingTalk counts it (doc 8.1): events count against their own monthly quota, the month
 * remembers whether DingTalk itself refused a call for the quota (90020 / ApiCountLimitForOrg), and spend is kept per
 * purpose, so work notifications can have a reserved share and the 数据 page can say where the month went.
 */
export class MeteredQuota1765350000000 implements MigrationInterface {
  name = 'MeteredQuota1765350000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "api_call_budgets" ADD COLUMN "metered_events" integer NOT NULL DEFAULT (0)');
    await q.query('ALTER TABLE "api_call_budgets" ADD COLUMN "quota_refused_at" datetime(3)');
    await q.query('ALTER TABLE "api_call_budgets" ADD COLUMN "quota_refused_detail" varchar(255)');
    await q.query(
      'CREATE TABLE "metered_usage" ("corp_id" varchar(64) NOT NULL, "month" varchar(7) NOT NULL, "purpose" varchar(16) NOT NULL, "api_calls" integer NOT NULL DEFAULT (0), "events" integer NOT NULL DEFAULT (0), PRIMARY KEY ("corp_id", "month", "purpose"))',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "metered_usage"');
    await q.query('ALTER TABLE "api_call_budgets" DROP COLUMN "quota_refused_detail"');
    await q.query('ALTER TABLE "api_call_budgets" DROP COLUMN "quota_refused_at"');
    await q.query('ALTER TABLE "api_call_budgets" DROP COLUMN "metered_events"');
  }
}
