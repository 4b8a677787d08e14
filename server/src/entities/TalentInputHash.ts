import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What a person's stored portrait and match scores of a month were computed from: a SHA-256 of the portrait
 * (every metric's value, sample, 数据不足 reason and source detail) and of the job-model versions scored against
 * (id and definition). A recompute that arrives at the same hash leaves the person's rows alone.
 */
@Entity({ name: 'talent_input_hashes' })
@Index('uq_talent_input_hashes', ['corpId', 'period', 'userid'], { unique: true })
export class TalentInputHash {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** yyyy-mm. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 64 })
  userid: string;

  /** Hex SHA-256. */
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;
}
