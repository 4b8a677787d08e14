import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ImportKind, ImportRunStatus } from '@liucai/shared';

/** One committed import of an Excel/CSV file, with the progress and counts HR sees. */
@Entity({ name: 'import_runs' })
@Index('idx_import_runs_corp_kind', ['corpId', 'kind', 'id'])
export class ImportRun {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: ImportKind;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 16 })
  status: ImportRunStatus;

  /** Data rows in the file; null until the whole file was read. */
  @Column({ name: 'rows_total', type: 'int', nullable: true })
  rowsTotal: number | null;

  @Column({ name: 'rows_done', type: 'int', default: 0 })
  rowsDone: number;

  /** Upload bytes read so far: the streamed file's progress. */
  @Column({ name: 'bytes_done', type: 'bigint', default: 0 })
  bytesDone: number;

  /** Content-Length of the upload, when the client sent one. */
  @Column({ name: 'bytes_total', type: 'bigint', nullable: true })
  bytesTotal: number | null;

  @Column({ type: 'int', default: 0 })
  created: number;

  @Column({ type: 'int', default: 0 })
  updated: number;

  @Column({ type: 'int', default: 0 })
  unchanged: number;

  @Column({ type: 'int', default: 0 })
  rejected: number;

  /** JSON array of warnings (unknown columns, departed people kept by id, ...). */
  @Column({ type: 'text', nullable: true })
  warnings: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** JSON array of the file's header row, to label the original cells in the error file. */
  @Column({ name: 'file_headers', type: 'text', nullable: true })
  fileHeaders: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}
