import { Column, PrimaryColumn } from 'typeorm';

/**
 * What every row of the data-in model carries: the tenant, where it came from and its id there (together the key,
 * so a re-sync or re-import updates instead of duplicating), and when Liucai took it in.
 */
export abstract class SourcedRecord {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  source: 'dingtalk' | 'import';

  @PrimaryColumn({ name: 'source_id', type: 'varchar', length: 64 })
  sourceId: string;

  @Column({ name: 'imported_at', type: 'datetime' })
  importedAt: Date;
}
