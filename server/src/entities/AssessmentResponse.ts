import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AssessmentRole = 'self' | 'supervisor';

/**
 * One answer sheet of a cycle: `rater` answers about `subject` — themself (`self`) or, as their supervisor, a
 * report (`supervisor`); the two are kept apart. Saved answers (JSON) until submitted once; `deadlineAt` is when
 * the time limit ends (set when the sheet is opened); `scores` (JSON DimensionScore[]) are computed at submission.
 */
@Entity({ name: 'assessment_responses' })
@Index('uq_assessment_responses', ['cycleId', 'subjectUserid', 'role'], { unique: true })
@Index('idx_assessment_responses_rater', ['corpId', 'raterUserid'])
@Index('idx_assessment_responses_subject', ['corpId', 'subjectUserid'])
@Index('idx_assessment_responses_cycle', ['corpId', 'cycleId', 'subjectUserid', 'role', 'startedAt', 'submittedAt'])
export class AssessmentResponse {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ name: 'cycle_id', type: 'int' })
  cycleId: number;

  /** The questionnaire version answered (the cycle's), kept here so scores name it without a join. */
  @Column({ name: 'version_id', type: 'int' })
  versionId: number;

  @Column({ name: 'subject_userid', type: 'varchar', length: 64 })
  subjectUserid: string;

  @Column({ name: 'rater_userid', type: 'varchar', length: 64 })
  raterUserid: string;

  @Column({ type: 'varchar', length: 16 })
  role: AssessmentRole;

  @Column({ type: 'text', nullable: true })
  answers: string | null;

  @Column({ name: 'started_at', type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ name: 'deadline_at', type: 'datetime', precision: 3, nullable: true })
  deadlineAt: Date | null;

  @Column({ name: 'saved_at', type: 'datetime', precision: 3, nullable: true })
  savedAt: Date | null;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  scores: string | null;
}
