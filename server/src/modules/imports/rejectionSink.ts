import type { DataSource } from 'typeorm';
import type { ImportRowError } from '@liucai/shared';
import { IMPORT_LIMITS } from '@liucai/shared';
import { ImportRejection } from '../../entities';

/** Where rejected cells go: kept in memory for a dry run's preview, or written to import_rejections for a run. */
export interface RejectionSink {
  add(errors: ImportRowError[], cells: string[]): Promise<void>;
  finish(): Promise<void>;
  /** The first errors, for a response. */
  preview: ImportRowError[];
}

/** A dry run's sink: the first few errors only. */
export function previewSink(): RejectionSink {
  const preview: ImportRowError[] = [];
  return {
    preview,
    add: async (errors) => {
      for (const e of errors) if (preview.length < IMPORT_LIMITS.previewErrors) preview.push(e);
    },
    finish: async () => undefined,
  };
}

const BATCH = 500;
/** Stored rejections per run: past this the error file says it is cut short (the counts stay exact). */
export const MAX_STORED_REJECTIONS = 100_000;

/** A run's sink: rejected cells in batches into import_rejections, the row's original cells on its first error. */
export function runRejectionSink(ds: DataSource, corpId: string, runId: number): RejectionSink & { truncated: () => boolean } {
  const preview: ImportRowError[] = [];
  let pending: ImportRejection[] = [];
  let seq = 0;
  let dropped = 0;
  const flush = async () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    await ds.createQueryBuilder().insert().into(ImportRejection).values(batch).execute();
  };
  return {
    preview,
    truncated: () => dropped > 0,
    add: async (errors, cells) => {
      errors.forEach((e, i) => {
        if (preview.length < IMPORT_LIMITS.previewErrors) preview.push(e);
        if (seq >= MAX_STORED_REJECTIONS) {
          dropped++;
          return;
        }
        pending.push(
          Object.assign(new ImportRejection(), {
            runId,
            seq: ++seq,
            corpId,
            rowNo: e.row,
            columnHeader: e.column,
            value: e.value.slice(0, 500),
            message: e.message.slice(0, 500),
            cells: i === 0 ? JSON.stringify(cells) : null,
          }),
        );
      });
      if (pending.length >= BATCH) await flush();
    },
    finish: flush,
  };
}
