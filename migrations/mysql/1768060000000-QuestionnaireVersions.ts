import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTopicTriggers, dropTopicTriggers } from './1768040000000-DataVersions';

/** The tables this migration adds to a topic (the SQLite migration reads the same list). */
export const QUESTIONNAIRE_TOPICS: [topic: string, tables: string[]][] = [['assessment', ['questionnaires', 'questionnaire_versions']]];

/**
 * 问卷 join the assessment topic (see DataVersions), so 测评管理's questionnaire list is kept while they are unchanged,
 * like the other versioned rules' lists (KPI schemes and incentive plans under pay, job models under talent).
 */
export class QuestionnaireVersions1768060000000 implements MigrationInterface {
  name = 'QuestionnaireVersions1768060000000';

  public async up(q: QueryRunner): Promise<void> {
    await createTopicTriggers(q, QUESTIONNAIRE_TOPICS);
  }

  public async down(q: QueryRunner): Promise<void> {
    await dropTopicTriggers(q, QUESTIONNAIRE_TOPICS);
  }
}
