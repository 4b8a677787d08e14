import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A supervisor's rating (1–5) of one judgement indicator (source `supervisorRating`) of a report for one month,
 * with a comment (required for 1 and 5). Rated within the month's window; a later rating in the window replaces it
 * (each write is in the audit log).
 */
@Entity({ name: 'kpi_ratings' })
@Index('uq_kpi_ratings', ['corpId', 'period', 'userid', 'indicatorId'], { unique: true })
export class KpiRating {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** The person rated. */
  @Column({ type: 'varchar', length: 64 })
  userid: string;

  /** yyyy-mm. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ name: 'indicator_id', type: 'varchar', length: 64 })
  indicatorId: string;

  /** 1–5. */
  @Column({ type: 'int' })
  rating: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  comment: string | null;

  @Column({ name: 'rated_by', type: 'varchar', length: 64 })
  ratedBy: string;

  @Column({ name: 'rated_at', type: 'datetime', precision: 3 })
  ratedAt: Date;
}
