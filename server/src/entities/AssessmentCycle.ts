import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An assessment cycle (测评): HR launched one published questionnaire version to people and departments, with a due
 * day (inclusive, Asia/Shanghai) and an optional time limit per answer sheet. The people it went to are its
 * responses' subjects, fixed at launch.
 */
@Entity({ name: 'assessment_cycles' })
@Index('idx_assessment_cycles_corp', ['corpId', 'createdAt'])
export class AssessmentCycle {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ name: 'questionnaire_id', type: 'int' })
  questionnaireId: number;

  @Column({ name: 'version_id', type: 'int' })
  versionId: number;

  /** Last day answers are taken (yyyy-mm-dd, Asia/Shanghai, inclusive). */
  @Column({ name: 'due_on', type: 'varchar', length: 10 })
  dueOn: string;

  /** Minutes from opening an answer sheet to its submission; null = no limit. */
  @Column({ name: 'time_limit_minutes', type: 'int', nullable: true })
  timeLimitMinutes: number | null;

  /** Supervisors also rate their reports on the same questionnaire. */
  @Column({ name: 'supervisor_rating', type: 'boolean', default: false })
  supervisorRating: boolean;

  /** What HR chose, as JSON: { userids: string[], deptIds: number[] }. */
  @Column({ type: 'text' })
  audience: string;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'reminded_at', type: 'datetime', precision: 3, nullable: true })
  remindedAt: Date | null;
}
