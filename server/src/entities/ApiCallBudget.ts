import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Metered DingTalk calls made in one month (the standard edition allows 10,000 a month). */
@Entity({ name: 'api_call_budgets' })
export class ApiCallBudget {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** yyyy-mm (Asia/Shanghai). */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @Column({ name: 'metered_calls', type: 'int', default: 0 })
  meteredCalls: number;
}
