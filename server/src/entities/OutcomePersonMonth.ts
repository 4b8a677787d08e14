import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 转型看板: one person's month as facts (shared/src/outcomes/facts.ts), stored by the outcomes job so the dashboard
 * adds rows up within HR's scope instead of reading deals, training and scores per request. Rewritten for the
 * trailing months on each run; `dept_id` is the person's main department when computed.
 */
@Entity({ name: 'outcome_person_months' })
@Index('uq_outcome_person_months', ['corpId', 'month', 'userid'], { unique: true })
export class OutcomePersonMonth {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** yyyy-mm. */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'varchar', length: 64 })
  userid: string;

  @Column({ name: 'dept_id', type: 'bigint', nullable: true })
  deptId: number | null;

  /** move / train / reassign, null: no score or 数据不足. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  tier: string | null;

  @Column({ name: 'employed_start', type: 'boolean' })
  employedStart: boolean;

  @Column({ name: 'employed_end', type: 'boolean' })
  employedEnd: boolean;

  @Column({ name: 'left_in_month', type: 'boolean' })
  left: boolean;

  @Column({ type: 'boolean' })
  hired: boolean;

  @Column({ name: 'revenue_fen', type: 'bigint' })
  revenueFen: number;

  @Column({ name: 'big_revenue_fen', type: 'bigint' })
  bigRevenueFen: number;

  @Column({ name: 'training_total', type: 'int' })
  trainingTotal: number;

  @Column({ name: 'training_done', type: 'int' })
  trainingDone: number;

  /** 高 / 中 / 低 of the month's last risk week, null: none. */
  @Column({ type: 'varchar', length: 4, nullable: true })
  band: string | null;

  /** On the hire month: met / missed / unknown / pending. */
  @Column({ name: 'new_hire', type: 'varchar', length: 8, nullable: true })
  newHire: string | null;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;
}
