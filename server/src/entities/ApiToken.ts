import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A corp's open-API token (ERP/OA integration), created and revoked by HR or an admin. Only the SHA-256 of the token is
 * stored (the token is shown once, when created); `prefix` (its first characters) names it in lists. A token acts as
 * the person who created it, with their roles and HR departments as they are at each call.
 */
@Entity({ name: 'api_tokens' })
@Index('uq_api_tokens_hash', ['tokenHash'], { unique: true })
@Index('idx_api_tokens_corp', ['corpId', 'createdBy'])
export class ApiToken {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  /** The token's first 12 characters (“lct_” and 8 more), to recognise it; never enough to use it. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'datetime', precision: 3, nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 64, nullable: true })
  revokedBy: string | null;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
