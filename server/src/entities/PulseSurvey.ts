import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A pulse survey (脉搏调查) HR scheduled for a team: a department with everything below it, its questions (JSON
 * PulseQuestion[]) and a cadence (`once`, `biweekly`, `monthly`); each round it opens is a `pulse_rounds` row.
 */
@Entity({ name: 'pulse_surveys' })
@Index('idx_pulse_surveys_dept', ['corpId', 'deptId'])
export class PulseSurvey {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ name: 'dept_id', type: 'bigint' })
  deptId: number;

  @Column({ type: 'varchar', length: 10 })
  cadence: string;

  /** JSON PulseQuestion[]. */
  @Column({ type: 'text' })
  questions: string;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
