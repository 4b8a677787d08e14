import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One thing a named data gap is about (a person without a supervisor, a contract without an owner …), in the order
 * the page lists them, with the person whose scope decides who may see it: a viewer sees the items whose subject
 * lies in their people scope (an admin also those with no subject).
 */
@Entity({ name: 'data_gap_items' })
@Index('idx_data_gap_items_subject', ['corpId', 'subjectUserid'])
export class DataGapItem {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @PrimaryColumn({ name: 'gap_id', type: 'varchar', length: 40 })
  gapId: string;

  /** Position in the gap's list (newest or most relevant first). */
  @PrimaryColumn({ type: 'int' })
  seq: number;

  /** The person whose scope the item belongs to (the person, or the customer's owner); null: nobody's. */
  @Column({ name: 'subject_userid', type: 'varchar', length: 64, nullable: true })
  subjectUserid: string | null;

  /** What the page shows, e.g. `张三` or `华东建材（2026-11-02）`. */
  @Column({ type: 'varchar', length: 255 })
  label: string;
}
