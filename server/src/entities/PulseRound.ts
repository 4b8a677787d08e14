import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One round of a pulse survey: open from `opens_on` through `due_on` (Asia/Shanghai days), its questions fixed. */
@Entity({ name: 'pulse_rounds' })
@Index('uq_pulse_rounds', ['surveyId', 'opensOn'], { unique: true })
@Index('idx_pulse_rounds_corp', ['corpId', 'dueOn'])
export class PulseRound {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ name: 'survey_id', type: 'int' })
  surveyId: number;

  @Column({ name: 'opens_on', type: 'varchar', length: 10 })
  opensOn: string;

  @Column({ name: 'due_on', type: 'varchar', length: 10 })
  dueOn: string;

  /** JSON PulseQuestion[]: the survey's questions when the round opened. */
  @Column({ type: 'text' })
  questions: string;

  @Column({ type: 'int' })
  invited: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
