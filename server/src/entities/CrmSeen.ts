import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Scratch state of a full CRM pass: the DingTalk ids a list has shown so far. It lands with each page and its
 * checkpoint, so a pass resumed after a crash still knows what it saw; when the list's last page lands, stored rows
 * of that list not seen by the pass are marked removed and these rows are cleared (commands/crmRemovals.ts).
 */
@Entity({ name: 'crm_seen' })
export class CrmSeen {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** Which list: `customers`, `personalCustomers`, `contracts` or `followUps`. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  kind: string;

  @PrimaryColumn({ name: 'source_id', type: 'varchar', length: 64 })
  sourceId: string;

  /** The pass (its start, ms) that saw it: only this pass's rows count when it decides. */
  @Column({ name: 'pass_ms', type: 'bigint' })
  passMs: number;
}
