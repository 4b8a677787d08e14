import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person's client-feedback keywords of one month: the terms of their follow-up notes of the 3 months ending with it
 * that stand out against the company's notes (shared/src/talent/feedbackTerms.ts), written by talent.recompute.
 */
@Entity({ name: 'talent_feedback_terms' })
@Index('uq_talent_feedback_terms', ['corpId', 'period', 'userid'], { unique: true })
export class TalentFeedbackTerms {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** yyyy-mm. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 64 })
  userid: string;

  /** Follow-up notes of the person in the window (the sample). */
  @Column({ type: 'int' })
  documents: number;

  /** JSON: [{ term, count, documents, score }], best first. */
  @Column({ type: 'text' })
  terms: string;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;
}
