import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Open-API tokens (ERP/OA integration): only the token's SHA-256 is stored. */
export class ApiTokens1766700000000 implements MigrationInterface {
  name = 'ApiTokens1766700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "api_tokens" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corp_id" varchar(64) NOT NULL, "name" varchar(60) NOT NULL, "token_hash" varchar(64) NOT NULL, "prefix" varchar(16) NOT NULL, "created_by" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL, "last_used_at" datetime(3), "revoked_by" varchar(64), "revoked_at" datetime(3))',
    );
    await q.query('CREATE INDEX "idx_api_tokens_corp" ON "api_tokens" ("corp_id", "created_by") ');
    await q.query('CREATE UNIQUE INDEX "uq_api_tokens_hash" ON "api_tokens" ("token_hash") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "api_tokens"');
  }
}
