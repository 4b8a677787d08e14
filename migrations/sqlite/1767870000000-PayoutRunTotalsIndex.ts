import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The statements' run index also holds the department and total (see the MySQL migration). */
export class PayoutRunTotalsIndex1767870000000 implements MigrationInterface {
  name = 'PayoutRunTotalsIndex1767870000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_payout_statements_run"');
    await q.query('CREATE INDEX "idx_payout_statements_run" ON "payout_statements" ("corp_id", "run_id", "dept_id", "total_fen") ');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_payout_statements_run"');
    await q.query('CREATE INDEX "idx_payout_statements_run" ON "payout_statements" ("corp_id", "run_id") ');
  }
}
