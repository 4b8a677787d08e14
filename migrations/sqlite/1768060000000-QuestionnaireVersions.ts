import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTopicTriggers, dropTopicTriggers } from './1768040000000-DataVersions';
import { QUESTIONNAIRE_TOPICS } from '../mysql/1768060000000-QuestionnaireVersions';

/** The questionnaires' triggers of the assessment topic (see the MySQL migration). */
export class QuestionnaireVersions1768060000000 implements MigrationInterface {
  name = 'QuestionnaireVersions1768060000000';

  public async up(q: QueryRunner): Promise<void> {
    await createTopicTriggers(q, QUESTIONNAIRE_TOPICS);
  }

  public async down(q: QueryRunner): Promise<void> {
    await dropTopicTriggers(q, QUESTIONNAIRE_TOPICS);
  }
}
