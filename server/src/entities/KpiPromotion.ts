import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A promotion eligibility: a person met KPI for the required consecutive months (the streak starting `streak_from`),
 * with the evidence (months and scores) as JSON. One row per streak, so HR and the supervisor are told once; HR's
 * decision (promote / notYet with a note) is recorded on it once, and audited.
 */
@Entity({ name: 'kpi_promotions' })
@Index('uq_kpi_promotions', ['corpId', 'userid', 'streakFrom'], { unique: true })
@Index('idx_kpi_promotions_period', ['corpId', 'period'])
export class KpiPromotion {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 64 })
  userid: string;

  /** The streak's first month (yyyy-mm). */
  @Column({ name: 'streak_from', type: 'varchar', length: 7 })
  streakFrom: string;

  /** The month that made the person eligible (yyyy-mm). */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  /** PromotionStreak['evidence'] as JSON. */
  @Column({ type: 'text' })
  evidence: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** promote | notYet; null until HR decides. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  decision: string | null;

  @Column({ name: 'decision_note', type: 'varchar', length: 500, nullable: true })
  decisionNote: string | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 64, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;
}
