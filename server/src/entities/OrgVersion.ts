import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A corp's org version: bumped by database triggers on every insert, update and delete of its `departments` rows (in
 * the writing transaction, whatever wrote them: org sync, change events, factories). The web process keeps the corp's
 * departments while this number is unchanged (see `corpDepartments`). No row means no department was written since the
 * triggers exist (version 0).
 */
@Entity({ name: 'org_versions' })
export class OrgVersion {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'bigint', default: 0 })
  version: number;
}
