import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One month of the DingTalk metered quota as this app spent it: metered API calls and metered Webhook&Stream events
 * in all (the per-purpose breakdown is in `metered_usage`), and whether DingTalk itself refused a call for the
 * monthly quota (the quota is the whole organisation's, shared with its other apps).
 */
@Entity({ name: 'api_call_budgets' })
export class ApiCallBudget {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** yyyy-mm (Asia/Shanghai). */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @Column({ name: 'metered_calls', type: 'int', default: 0 })
  meteredCalls: number;

  @Column({ name: 'metered_events', type: 'int', default: 0 })
  meteredEvents: number;

  /** When DingTalk last answered 90020 / ApiCountLimitForOrg this month. */
  @Column({ name: 'quota_refused_at', type: 'datetime', precision: 3, nullable: true })
  quotaRefusedAt: Date | null;

  /** DingTalk's message with that answer (it names the organisation's count and quota). */
  @Column({ name: 'quota_refused_detail', type: 'varchar', length: 255, nullable: true })
  quotaRefusedDetail: string | null;
}
