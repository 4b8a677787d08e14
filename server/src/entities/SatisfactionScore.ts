import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A client satisfaction score (0-10, kept in tenths as an integer: 9.2 = 92). */
@Entity({ name: 'satisfaction_scores' })
export class SatisfactionScore {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  source: 'dingtalk' | 'import';

  @PrimaryColumn({ name: 'source_id', type: 'varchar', length: 64 })
  sourceId: string;

  @Column({ name: 'customer_name', type: 'varchar', length: 200 })
  customerName: string;

  @Column({ name: 'owner_userid', type: 'varchar', length: 64, nullable: true })
  ownerUserid: string | null;

  @Column({ name: 'score_tenths', type: 'int' })
  scoreTenths: number;

  /** yyyy-mm-dd. */
  @Column({ name: 'surveyed_on', type: 'varchar', length: 10 })
  surveyedOn: string;

  @Column({ name: 'imported_at', type: 'datetime' })
  importedAt: Date;
}
