import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One anonymous pulse answer. No user id, no time and no ordering: the key is random (so rows sort in no order of
 * arrival; SQLite keeps the table WITHOUT ROWID, so no hidden rowid counts arrivals either), and the only link to a
 * person is their group (`dept_id`), whose results are shown only under the disclosure rule.
 */
@Entity({ name: 'pulse_answers', withoutRowid: true })
@Index('idx_pulse_answers_round', ['corpId', 'roundId'])
export class PulseAnswer {
  /** 32 random hex digits. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ name: 'round_id', type: 'int' })
  roundId: number;

  @Column({ name: 'dept_id', type: 'bigint' })
  deptId: number;

  /** JSON: question id → 0–10 / 1–5 / text. */
  @Column({ type: 'text' })
  answers: string;
}
