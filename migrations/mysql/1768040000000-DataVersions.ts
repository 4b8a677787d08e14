import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each topic and the tables whose writes change it (the SQLite migration reads the same list). */
export const TOPICS: [topic: string, tables: string[]][] = [
  ['people', ['users', 'user_departments', 'department_headcounts']],
  ['assessment', ['assessment_cycles', 'assessment_responses']],
  ['notify', ['notifications', 'notification_sends']],
  ['retention', ['retention_risks', 'retention_reviews', 'retention_week_signals', 'retention_models']],
  [
    'talent',
    [
      'talent_match_scores',
      'talent_decisions',
      'talent_nine_box_cutoffs',
      'talent_recompute_runs',
      'job_models',
      'job_model_versions',
      'talent_metrics',
      'talent_metric_medians',
      'talent_metric_references',
      'talent_feedback_terms',
    ],
  ],
  ['outcomes', ['outcome_person_months', 'outcome_group_months', 'team_atmospheres']],
];
export const EVENTS = [
  ['ins', 'INSERT', 'NEW'],
  ['upd', 'UPDATE', 'NEW'],
  ['del', 'DELETE', 'OLD'],
] as const;
export const trigger = (table: string, suffix: string) => `trg_${table}_data_version_${suffix}`;
export const bump = (topic: string, corp: string) =>
  `INSERT INTO \`data_versions\` (\`corp_id\`, \`topic\`, \`version\`) VALUES (${corp}, '${topic}', 1) ON DUPLICATE KEY UPDATE \`version\` = \`version\` + 1`;

/**
 * Per corp and topic, a version bumped by triggers on every write to the topic's tables, in the writing transaction
 * (like `org_versions`): the web process keeps aggregates it computed in a scope (e.g. 测评管理's sheet counts, 通知记录's
 * status counts, the 9-box, 转型看板) while the versions it read them at are unchanged, checked with one read by key per use.
 * Triggers, not application code, so no write path (jobs, imports, factories, raw SQL) can forget them.
 */
export class DataVersions1768040000000 implements MigrationInterface {
  name = 'DataVersions1768040000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      "CREATE TABLE `data_versions` (`corp_id` varchar(64) NOT NULL, `topic` varchar(32) NOT NULL, `version` bigint NOT NULL DEFAULT '0', PRIMARY KEY (`corp_id`, `topic`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
    for (const [topic, tables] of TOPICS)
      for (const table of tables)
        for (const [suffix, event, row] of EVENTS)
          await q.query(`CREATE TRIGGER \`${trigger(table, suffix)}\` AFTER ${event} ON \`${table}\` FOR EACH ROW ${bump(topic, `${row}.\`corp_id\``)}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [, tables] of TOPICS) for (const table of tables) for (const [suffix] of EVENTS) await q.query(`DROP TRIGGER \`${trigger(table, suffix)}\``);
    await q.query('DROP TABLE `data_versions`');
  }
}
