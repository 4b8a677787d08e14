import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Metered DingTalk calls and events of one month for one purpose (a sync kind, event re-reads, notifications). */
@Entity({ name: 'metered_usage' })
export class MeteredUsage {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** yyyy-mm (Asia/Shanghai). */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  /** `attendance`, `leave`, `crm`, `notify`, `workflow`, `other` (see callBudget.ts). */
  @PrimaryColumn({ type: 'varchar', length: 16 })
  purpose: string;

  @Column({ name: 'api_calls', type: 'int', default: 0 })
  apiCalls: number;

  @Column({ type: 'int', default: 0 })
  events: number;
}
