import { Column, Entity, Index } from 'typeorm';
import { SourcedRecord } from './SourcedRecord';

/** A course someone took: completion and exam score (0-100, integer). */
@Entity({ name: 'training_records' })
@Index('idx_training_user', ['corpId', 'userid'])
export class TrainingRecord extends SourcedRecord {
  @Column({ type: 'varchar', length: 64 })
  userid: string;

  @Column({ type: 'varchar', length: 200 })
  course: string;

  /** Completion in percent, 0-100. */
  @Column({ name: 'completion_percent', type: 'int' })
  completionPercent: number;

  @Column({ name: 'exam_score', type: 'int', nullable: true })
  examScore: number | null;

  /** yyyy-mm-dd, null while not completed. */
  @Column({ name: 'completed_on', type: 'varchar', length: 10, nullable: true })
  completedOn: string | null;
}
