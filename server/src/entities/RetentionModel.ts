import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One training of a company's attrition model (monthly): trained with its parameters and validation, or
 * `insufficient` with the “数据不足” message. Immutable once written; risks name the version they used.
 */
@Entity({ name: 'retention_models' })
@Index('idx_retention_models_corp', ['corpId', 'id'])
export class RetentionModel {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** e.g. `logistic-l2-platt-v1@2026-11`. */
  @Column({ type: 'varchar', length: 64 })
  version: string;

  @Column({ type: 'varchar', length: 16 })
  status: 'trained' | 'insufficient';

  @Column({ type: 'int' })
  leavers: number;

  @Column({ type: 'int' })
  stayers: number;

  /** Out-of-fold ROC-AUC × 10,000, null when not trained. */
  @Column({ name: 'out_of_fold_auc_bp', type: 'int', nullable: true })
  outOfFoldAucBp: number | null;

  /** The trained model (features, standardiser, coefficients, calibration), null when not trained. */
  @Column({ type: 'simple-json', nullable: true })
  params: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  message: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
