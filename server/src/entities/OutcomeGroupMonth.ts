import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 转型看板: what the stored person-months add up to, per month, grouping (all / dept / tier), group and the people's
 * main department (`scope_dept_id`, users.main_dept_id when built), so the dashboard adds the sums of the departments
 * in HR's scope instead of every person-month (shared/src/outcomes/groupSums.ts). Rebuilt whole from
 * `outcome_person_months` after each outcomes run and after an org sync that changed people.
 */
@Entity({ name: 'outcome_group_months' })
@Index('idx_outcome_group_months_scope', ['corpId', 'grouping', 'scopeDeptId', 'month'])
@Index('idx_outcome_group_months_month', ['corpId', 'grouping', 'month', 'computedAt'])
export class OutcomeGroupMonth {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** yyyy-mm. */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  /** all / dept / tier. */
  @Column({ name: 'grouping_kind', type: 'varchar', length: 8 })
  grouping: string;

  /** `all`, `dept:<id>` / `dept:none`, `tier:<move|train|reassign|none>`. */
  @Column({ name: 'group_key', type: 'varchar', length: 32 })
  groupKey: string;

  /** The people's main department when built (null: none); HR adds up the departments in its scope. */
  @Column({ name: 'scope_dept_id', type: 'bigint', nullable: true })
  scopeDeptId: number | null;

  @Column({ type: 'int' })
  rows: number;

  @Column({ type: 'int' })
  headcount: number;

  @Column({ type: 'int' })
  leavers: number;

  @Column({ type: 'int' })
  retained: number;

  @Column({ name: 'revenue_fen', type: 'bigint' })
  revenueFen: number;

  @Column({ name: 'big_revenue_fen', type: 'bigint' })
  bigRevenueFen: number;

  @Column({ name: 'training_total', type: 'int' })
  trainingTotal: number;

  @Column({ name: 'training_done', type: 'int' })
  trainingDone: number;

  @Column({ name: 'new_met', type: 'int' })
  newMet: number;

  @Column({ name: 'new_missed', type: 'int' })
  newMissed: number;

  @Column({ name: 'new_unknown', type: 'int' })
  newUnknown: number;

  @Column({ name: 'new_pending', type: 'int' })
  newPending: number;

  @Column({ name: 'tier_move', type: 'int' })
  tierMove: number;

  @Column({ name: 'tier_train', type: 'int' })
  tierTrain: number;

  @Column({ name: 'tier_reassign', type: 'int' })
  tierReassign: number;

  @Column({ name: 'tier_none', type: 'int' })
  tierNone: number;

  @Column({ name: 'risk_high', type: 'int' })
  riskHigh: number;

  @Column({ name: 'risk_mid', type: 'int' })
  riskMid: number;

  @Column({ name: 'risk_low', type: 'int' })
  riskLow: number;

  @Column({ name: 'risk_none', type: 'int' })
  riskNone: number;

  @Column({ name: 'stayed11', type: 'int' })
  stayed11: number;

  /** When the person-months added up were computed (the latest of them): the page's “computed at”. */
  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;
}
