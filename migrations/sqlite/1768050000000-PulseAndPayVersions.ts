import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTopicTriggers, dropTopicTriggers } from './1768040000000-DataVersions';
import { PULSE_AND_PAY_TOPICS } from '../mysql/1768050000000-PulseAndPayVersions';

/** The pulse and pay topics' triggers (see the MySQL migration). */
export class PulseAndPayVersions1768050000000 implements MigrationInterface {
  name = 'PulseAndPayVersions1768050000000';

  public async up(q: QueryRunner): Promise<void> {
    await createTopicTriggers(q, PULSE_AND_PAY_TOPICS);
  }

  public async down(q: QueryRunner): Promise<void> {
    await dropTopicTriggers(q, PULSE_AND_PAY_TOPICS);
  }
}
