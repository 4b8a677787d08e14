import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * HR's review of a person's risk for one week: “已沟通” (talked with them) or “误报” (a false alarm), with a note.
 * Kept with history (a new review never replaces an old one). The next monthly model reads a week's latest 误报 as a
 * training hint: the weeks around it become label-0 rows (`buildTrainingSet`; README, 留才雷达).
 */
@Entity({ name: 'retention_reviews' })
@Index('idx_retention_reviews_person', ['corpId', 'userid', 'weekStart'])
export class RetentionReview {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 64 })
  userid: string;

  /** The week of the risk reviewed (`retention_risks.week_start`). */
  @Column({ name: 'week_start', type: 'varchar', length: 10 })
  weekStart: string;

  /** The band reviewed, as it was. */
  @Column({ type: 'varchar', length: 4, nullable: true })
  band: string | null;

  /** 已沟通 / 误报. */
  @Column({ type: 'varchar', length: 8 })
  outcome: string;

  @Column({ type: 'varchar', length: 500 })
  note: string;

  @Column({ name: 'reviewer_userid', type: 'varchar', length: 64 })
  reviewerUserid: string;

  @Column({ name: 'reviewed_at', type: 'datetime', precision: 3 })
  reviewedAt: Date;
}
