/**
 * Wire shapes and limits of the Excel/CSV import (`/api/v1/imports`): historical deals, satisfaction scores,
 * collaboration logs, training records, past departures and values of KPI indicators with the source “导入数据”.
 */

/** What an import file holds; one declarative column spec per kind on the server. */
export const IMPORT_KINDS = ['deals', 'satisfaction', 'collaboration', 'training', 'departures', 'kpiValues'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * Upload limits: bytes of the raw file and data rows (the header row not counted); characters of one cell, of one
 * row and columns per row (a file over these is refused at the first such row, naming row and column, without
 * reading further); and how much of a value is echoed back (a dry run's `value`, an error file's original cells).
 */
export const IMPORT_LIMITS = {
  maxBytes: 50 * 1024 * 1024,
  maxRows: 500_000,
  previewErrors: 200,
  maxCellChars: 32 * 1024,
  maxRowChars: 256 * 1024,
  maxColumns: 200,
  maxEchoedValue: 200,
  maxEchoedCell: 1000,
} as const;

/** One column of an import template. */
export interface ImportColumnInfo {
  /** The Chinese header the file must carry (surrounding spaces and full-width parentheses are tolerated). */
  header: string;
  required: boolean;
  /** A value as it would appear in the file. */
  example: string;
  /** What the column accepts, in words. */
  hint: string;
}

/** GET /api/v1/imports/kinds */
export interface ImportKindInfo {
  kind: ImportKind;
  label: string;
  /** What makes a row the same row on re-import (so it updates instead of duplicating). */
  keyDescription: string;
  columns: ImportColumnInfo[];
}

/** One problem with one cell (or a whole row when `column` is null). `row` is the sheet's row number (header = 1). */
export interface ImportRowError {
  row: number;
  column: string | null;
  value: string;
  message: string;
}

/** POST /api/v1/imports/:kind?mode=dry-run: what a commit would do, nothing written. */
export interface ImportDryRun {
  kind: ImportKind;
  fileName: string;
  /** Data rows read (blank rows skipped). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows with at least one error. */
  rejected: number;
  /** The first `IMPORT_LIMITS.previewErrors` errors. */
  errors: ImportRowError[];
  warnings: string[];
}

export type ImportRunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** An import run (commit) as HR sees it: POST /api/v1/imports/:kind?mode=commit, GET /api/v1/imports/runs[/:id]. */
export interface ImportRun {
  id: number;
  kind: ImportKind;
  fileName: string;
  status: ImportRunStatus;
  /** Data rows in the file; null until the whole file has been read. */
  rowsTotal: number | null;
  rowsDone: number;
  /** Upload bytes read so far and the declared size (null without Content-Length): the progress bar while running. */
  bytesDone: number;
  bytesTotal: number | null;
  /** 0-100 for the progress bar (100 only when finished). */
  percent: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: string[];
  error: string | null;
  createdBy: string;
  /** The name of who imported it (null when that user is not in the organisation's people). */
  createdByName: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** Where to download the rejected rows (null when none were rejected). */
  errorFileUrl: string | null;
}
