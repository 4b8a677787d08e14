import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A course someone took: completion and exam score (0-100, integer). */
@Entity({ name: 'training_records' })
export class TrainingRecord {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  source: 'dingtalk' | 'import';

  @PrimaryColumn({ name: 'source_id', type: 'varchar', length: 64 })
  sourceId: string;

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

  @Column({ name: 'imported_at', type: 'datetime' })
  importedAt: Date;
}
