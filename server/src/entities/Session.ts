import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A signed-in browser. Only the SHA-256 of the cookie value is stored, so a database leak leaks no session. */
@Entity({ name: 'sessions' })
@Index('idx_sessions_user', ['corpId', 'userid'])
export class Session {
  @PrimaryColumn({ name: 'id_hash', type: 'varchar', length: 64 })
  idHash: string;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 64 })
  userid: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt: Date;

  /** When the session was last used (kept to the minute): a session idle past SESSION_IDLE_MINUTES ends. */
  @Column({ name: 'last_seen_at', type: 'datetime', nullable: true })
  lastSeenAt: Date | null;
}
