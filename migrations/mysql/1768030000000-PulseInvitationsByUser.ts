import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 测评 → 脉搏调查 (`GET /pulse/mine`) reads a person's 20 latest invitations, newest round first. With the index on
 * (corp, userid) alone SQLite chose the (corp, round) index to avoid the sort and walked every invitation of the corp
 * (11 ms at 10,000 people); the person's index now carries the round, so the read is a short range in order.
 */
export class PulseInvitationsByUser1768030000000 implements MigrationInterface {
  name = 'PulseInvitationsByUser1768030000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX `idx_pulse_invitations_user_round` ON `pulse_invitations` (`corp_id`, `userid`, `round_id`)');
    await q.query('DROP INDEX `idx_pulse_invitations_user` ON `pulse_invitations`');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX `idx_pulse_invitations_user` ON `pulse_invitations` (`corp_id`, `userid`)');
    await q.query('DROP INDEX `idx_pulse_invitations_user_round` ON `pulse_invitations`');
  }
}
