import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One audited event, append-only: who (`actor_userid`, from which session), in which corp, when, did what
 * (`action`, e.g. `pay.statement.read`) to what (`target_kind` + `target_id`), and whose data it was
 * (`subject_userid`, for reads of someone else's pay or KPI). Rows are only ever inserted (modules/audit), and
 * deleted only by the retention purge once older than AUDIT_RETENTION_YEARS.
 */
@Entity({ name: 'audit_events' })
@Index('idx_audit_events_time', ['corpId', 'occurredAt'])
@Index('idx_audit_events_actor', ['corpId', 'actorUserid', 'occurredAt'])
@Index('idx_audit_events_action', ['corpId', 'action', 'occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** The signed-in person, or `system` for jobs. */
  @Column({ name: 'actor_userid', type: 'varchar', length: 64 })
  actorUserid: string;

  /** A short reference to the session (the first 16 hex digits of its hash: never the cookie); null for jobs. */
  @Column({ name: 'session_ref', type: 'varchar', length: 32, nullable: true })
  sessionRef: string | null;

  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'target_kind', type: 'varchar', length: 32 })
  targetKind: string;

  @Column({ name: 'target_id', type: 'varchar', length: 64 })
  targetId: string;

  /** Whose data it is (a read of someone else's pay), or null. */
  @Column({ name: 'subject_userid', type: 'varchar', length: 64, nullable: true })
  subjectUserid: string | null;

  /** Small JSON with what changed or what was read (never whole records). */
  @Column({ type: 'text', nullable: true })
  detail: string | null;
}
