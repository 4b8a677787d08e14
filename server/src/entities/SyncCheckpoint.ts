import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where an incremental sync of one source got to, so a restarted worker resumes instead of starting over. */
@Entity({ name: 'sync_checkpoints' })
export class SyncCheckpoint {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** e.g. `attendance`, `leave`, `departures`. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  source: string;

  /** The last completed window or cursor, source-specific. */
  @Column({ type: 'simple-json' })
  position: Record<string, unknown>;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
