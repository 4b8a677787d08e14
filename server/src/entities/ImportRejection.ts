import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One rejected cell (or row) of an import run: the downloadable error file is read from here. */
@Entity({ name: 'import_rejections' })
export class ImportRejection {
  @PrimaryColumn({ name: 'run_id', type: 'int' })
  runId: number;

  /** Order within the run (file order). */
  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** The sheet's row number (header = 1). */
  @Column({ name: 'row_no', type: 'int' })
  rowNo: number;

  /** The column's header; null when the problem is the whole row (e.g. a duplicate). */
  @Column({ name: 'column_header', type: 'varchar', length: 100, nullable: true })
  columnHeader: string | null;

  @Column({ type: 'varchar', length: 500 })
  value: string;

  @Column({ type: 'varchar', length: 500 })
  message: string;

  /** JSON array of the row's original cells, kept on the row's first error so HR can fix and re-upload. */
  @Column({ type: 'text', nullable: true })
  cells: string | null;
}
