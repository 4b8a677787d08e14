import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A corp's version of one topic of data (`DATA_TOPICS`: who is in which scope, assessments, notifications, retention
 * risks, talent scores): bumped by database triggers in the writing transaction on every write to the topic's tables,
 * whatever wrote them. The web process keeps aggregates it computed (e.g. counts in HR's scope) while the versions they
 * were read at are unchanged (see `keptRead`). No row means nothing was written since the triggers exist (version 0).
 */
@Entity({ name: 'data_versions' })
export class DataVersion {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  topic: string;

  @Column({ type: 'bigint', default: 0 })
  version: number;
}
