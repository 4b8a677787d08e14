import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENTS, trigger } from '../mysql/1768040000000-DataVersions';
import { bump } from './1768040000000-DataVersions';
import { PULSE_AND_PAY_TOPICS } from '../mysql/1768050000000-PulseAndPayVersions';

/** The pulse and pay topics' triggers (see the MySQL migration). */
export class PulseAndPayVersions1768050000000 implements MigrationInterface {
  name = 'PulseAndPayVersions1768050000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const [topic, tables] of PULSE_AND_PAY_TOPICS)
      for (const table of tables)
        for (const [suffix, event, row] of EVENTS)
          await q.query(`CREATE TRIGGER "${trigger(table, suffix)}" AFTER ${event} ON "${table}" BEGIN ${bump(topic, `${row}."corp_id"`)} END`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [, tables] of PULSE_AND_PAY_TOPICS)
      for (const table of tables) for (const [suffix] of EVENTS) await q.query(`DROP TRIGGER "${trigger(table, suffix)}"`);
  }
}
