import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who was asked in a round and whether they answered (one answer per person and round). Deliberately unlinkable to
 * the answer (`pulse_answers`): no shared id, and only the day of answering, never a time.
 */
@Entity({ name: 'pulse_invitations' })
@Index('uq_pulse_invitations', ['roundId', 'userid'], { unique: true })
@Index('idx_pulse_invitations_user_round', ['corpId', 'userid', 'roundId'])
@Index('idx_pulse_invitations_round', ['corpId', 'roundId', 'answeredOn'])
export class PulseInvitation {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ name: 'round_id', type: 'int' })
  roundId: number;

  @Column({ type: 'varchar', length: 64 })
  userid: string;

  /** The person's group: their main department when invited (the survey's department when it lies outside). */
  @Column({ name: 'dept_id', type: 'bigint' })
  deptId: number;

  /** yyyy-mm-dd (Asia/Shanghai) of the answer; null: not answered. */
  @Column({ name: 'answered_on', type: 'varchar', length: 10, nullable: true })
  answeredOn: string | null;
}
