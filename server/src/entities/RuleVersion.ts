import { Column, PrimaryGeneratedColumn } from 'typeorm';

export type RuleVersionStatus = 'draft' | 'published';

/**
 * One version of a versioned rule: its definition (JSON, validated by the shared code), effective dates (yyyy-mm-dd,
 * both inclusive; `effective_to` null = until further notice) and state. A draft may be edited; a published
 * version is used (simulations, assignments, later payout runs) and never changes again, except that publishing a
 * successor ends an open-ended one the day before the successor starts.
 */
export abstract class RuleVersion {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** 1, 2, 3 … within the rule. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  status: RuleVersionStatus;

  @Column({ name: 'effective_from', type: 'varchar', length: 10 })
  effectiveFrom: string;

  @Column({ name: 'effective_to', type: 'varchar', length: 10, nullable: true })
  effectiveTo: string | null;

  /** The definition as JSON text (an IncentivePlanDefinition or a KpiSchemeDefinition). */
  @Column({ type: 'text' })
  definition: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'copied_from_id', type: 'int', nullable: true })
  copiedFromId: number | null;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'published_by', type: 'varchar', length: 64, nullable: true })
  publishedBy: string | null;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;
}
