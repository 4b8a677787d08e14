import { Column, Entity, Index } from 'typeorm';
import { SourcedRecord } from './SourcedRecord';

/** A client satisfaction score (0-10, kept in tenths as an integer: 9.2 = 92). */
@Entity({ name: 'satisfaction_scores' })
@Index('idx_satisfaction_owner', ['corpId', 'ownerUserid'])
export class SatisfactionScore extends SourcedRecord {
  @Column({ name: 'customer_name', type: 'varchar', length: 200 })
  customerName: string;

  @Column({ name: 'owner_userid', type: 'varchar', length: 64, nullable: true })
  ownerUserid: string | null;

  @Column({ name: 'score_tenths', type: 'int' })
  scoreTenths: number;

  /** yyyy-mm-dd. */
  @Column({ name: 'surveyed_on', type: 'varchar', length: 10 })
  surveyedOn: string;
}
