import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The snapshot of one input row a run read (a deal, a satisfaction score, a collaboration, the assignment), as it
 * was: a locked run keeps it even when the source row changes or goes. Lines point at rows here by kind and source id.
 */
@Entity({ name: 'payout_run_inputs' })
@Index('idx_payout_run_inputs_run', ['corpId', 'runId', 'userid'])
export class PayoutRunInput {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ name: 'run_id', type: 'int' })
  runId: number;

  @Column({ type: 'varchar', length: 64 })
  userid: string;

  /** deal | satisfaction | collaboration | assignment | paidLine | adjustment | guarantee */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ type: 'varchar', length: 16 })
  source: string;

  @Column({ name: 'source_id', type: 'varchar', length: 64 })
  sourceId: string;

  /** The row's fields as read (JSON). */
  @Column({ type: 'text' })
  data: string;
}
