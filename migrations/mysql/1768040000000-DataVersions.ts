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
const bump = (topic: string, corp: string) =>
  `INSERT INTO \`data_versions\` (\`corp_id\`, \`topic\`, \`version\`) VALUES (${corp}, '${topic}', 1) ON DUPLICATE KEY UPDATE \`version\` = \`version\` + 1`;

/** One trigger of a topic's table: its name, the write it follows and the row (NEW or OLD) that names the corp. */
export interface TopicTrigger {
  topic: string;
  table: string;
  name: string;
  event: (typeof EVENTS)[number][1];
  row: (typeof EVENTS)[number][2];
}

/** Runs `statement` for each trigger of `topics` (topic by topic, table by table, insert, update, delete), in turn. */
export async function eachTopicTrigger(topics: readonly [string, string[]][], statement: (t: TopicTrigger) => Promise<unknown>): Promise<void> {
  for (const [topic, tables] of topics)
    for (const table of tables) for (const [suffix, event, row] of EVENTS) await statement({ topic, table, name: trigger(table, suffix), event, row });
}

/** Creates the topics' triggers (MySQL / MariaDB syntax). */
export const createTopicTriggers = (q: QueryRunner, topics: readonly [string, string[]][]) =>
  eachTopicTrigger(topics, (t) =>
    q.query(`CREATE TRIGGER \`${t.name}\` AFTER ${t.event} ON \`${t.table}\` FOR EACH ROW ${bump(t.topic, `${t.row}.\`corp_id\``)}`),
  );

/** Drops the topics' triggers. */
export const dropTopicTriggers = (q: QueryRunner, topics: readonly [string, string[]][]) =>
  eachTopicTrigger(topics, (t) => q.query(`DROP TRIGGER \`${t.name}\``));

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
    await createTopicTriggers(q, TOPICS);
  }

  public async down(q: QueryRunner): Promise<void> {
    await dropTopicTriggers(q, TOPICS);
    await q.query('DROP TABLE `data_versions`');
  }
}
