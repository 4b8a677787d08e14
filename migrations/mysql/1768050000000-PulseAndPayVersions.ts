import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTopicTriggers, dropTopicTriggers } from './1768040000000-DataVersions';

/** The topics this migration adds, and their tables (the SQLite migration reads the same list). */
export const PULSE_AND_PAY_TOPICS: [topic: string, tables: string[]][] = [
  ['pulse', ['pulse_surveys', 'pulse_rounds', 'pulse_invitations', 'pulse_answers']],
  [
    'pay',
    [
      'kpi_schemes',
      'kpi_scheme_versions',
      'kpi_scores',
      'kpi_ratings',
      'kpi_promotions',
      'kpi_import_values',
      'incentive_plans',
      'incentive_plan_versions',
      'incentive_plan_assignments',
      'payout_runs',
      'payout_run_inputs',
      'payout_lines',
      'payout_statements',
      'payout_adjustments',
      'payout_disputes',
    ],
  ],
];

/**
 * Two more topics for kept answers (see DataVersions): 脉搏调查's survey list and 团队绩效 / 发放批次's lists are kept
 * while their tables are unchanged, the date they were read on being part of their key.
 */
export class PulseAndPayVersions1768050000000 implements MigrationInterface {
  name = 'PulseAndPayVersions1768050000000';

  public async up(q: QueryRunner): Promise<void> {
    await createTopicTriggers(q, PULSE_AND_PAY_TOPICS);
  }

  public async down(q: QueryRunner): Promise<void> {
    await dropTopicTriggers(q, PULSE_AND_PAY_TOPICS);
  }
}
