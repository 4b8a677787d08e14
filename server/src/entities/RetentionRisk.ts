import type { RiskExplanationWords, RiskFacts } from '@liucai/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The explanation kept with a risk: since RISK_FACTS_FORMAT, the numbers the words are built from on read
 * (`explainRisk`); rows written before hold the words themselves, shown as they are.
 */
export type RetentionRiskExplanation = RiskFacts | RiskExplanationWords;

/**
 * The attrition risk of one active person for one week: the articles' rule (always) and the learned model (when
 * the company had enough leavers), each with its version. Never shown to the person it is about.
 */
@Entity({ name: 'retention_risks' })
@Index('idx_retention_risks_week_band', ['corpId', 'weekStart', 'band', 'userid'])
export class RetentionRisk {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  userid: string;

  @PrimaryColumn({ name: 'week_start', type: 'varchar', length: 10 })
  weekStart: string;

  /** `ok`, or `insufficient` for people without 8 weeks of baseline. */
  @Column({ type: 'varchar', length: 16 })
  baseline: 'ok' | 'insufficient';

  @Column({ name: 'baseline_weeks', type: 'int' })
  baselineWeeks: number;

  @Column({ name: 'rule_version', type: 'varchar', length: 32 })
  ruleVersion: string;

  @Column({ name: 'rule_fired', type: 'boolean' })
  ruleFired: boolean;

  /** 8000 (80%) when the rule fired, else null. Basis points. */
  @Column({ name: 'rule_probability_bp', type: 'int', nullable: true })
  ruleProbabilityBp: number | null;

  /** Relative changes against the baseline in basis points (−6000 = −60%); null when the baseline is zero. */
  @Column({ name: 'communication_change_bp', type: 'int', nullable: true })
  communicationChangeBp: number | null;

  @Column({ name: 'leave_change_bp', type: 'int', nullable: true })
  leaveChangeBp: number | null;

  /** The model version used (`retention_models.version`), null when there was none. */
  @Column({ name: 'model_version', type: 'varchar', length: 64, nullable: true })
  modelVersion: string | null;

  @Column({ name: 'model_probability_bp', type: 'int', nullable: true })
  modelProbabilityBp: number | null;

  /** 高 / 中 / 低: 高 when the rule fired, else the model's band; null without either. */
  @Column({ type: 'varchar', length: 4, nullable: true })
  band: string | null;

  @Column({ type: 'simple-json' })
  explanation: RetentionRiskExplanation;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;
}
