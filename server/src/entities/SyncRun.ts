import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SyncKind, SyncTrigger } from '@liucai/shared';

export type SyncRunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** One run of a sync job, with the progress HR sees. */
@Entity({ name: 'sync_runs' })
@Index('idx_sync_runs_corp_kind', ['corpId', 'kind', 'id'])
export class SyncRun {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: SyncKind;

  @Column({ type: 'varchar', length: 16 })
  status: SyncRunStatus;

  @Column({ type: 'varchar', length: 16 })
  trigger: SyncTrigger;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phase: string | null;

  @Column({ name: 'progress_done', type: 'int', default: 0 })
  progressDone: number;

  @Column({ name: 'progress_total', type: 'int', default: 0 })
  progressTotal: number;

  @Column({ name: 'count_departments', type: 'int', default: 0 })
  countDepartments: number;

  @Column({ name: 'count_users', type: 'int', default: 0 })
  countUsers: number;

  @Column({ name: 'count_left', type: 'int', default: 0 })
  countLeft: number;

  @Column({ name: 'count_supervisors', type: 'int', default: 0 })
  countSupervisors: number;

  /** Rows taken in (attendance results, leaves, departures). */
  @Column({ name: 'count_rows', type: 'int', default: 0 })
  countRows: number;

  @Column({ name: 'api_calls', type: 'int', default: 0 })
  apiCalls: number;

  @Column({ name: 'requested_by', type: 'varchar', length: 64, nullable: true })
  requestedBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** Not a failure: e.g. the metered-call budget limited how far the run went. */
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
