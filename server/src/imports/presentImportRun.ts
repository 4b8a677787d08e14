import type { ImportRun as ImportRunDto } from '@liucai/shared';
import type { ImportRun } from '../entities';

function parseWarnings(json: string | null): string[] {
  if (!json) return [];
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.map(String) : [];
}

/** An import run as HR sees it, with a percent for the progress bar (bytes read of the upload while running). */
export function presentImportRun(run: ImportRun): ImportRunDto {
  const finished = run.status === 'succeeded' || run.status === 'failed';
  const bytesDone = Number(run.bytesDone);
  const bytesTotal = run.bytesTotal === null ? null : Number(run.bytesTotal);
  const percent = finished ? 100 : bytesTotal ? Math.min(99, Math.floor((bytesDone * 100) / bytesTotal)) : 0;
  return {
    id: run.id,
    kind: run.kind,
    fileName: run.fileName,
    status: run.status,
    rowsTotal: run.rowsTotal,
    rowsDone: run.rowsDone,
    bytesDone,
    bytesTotal,
    percent,
    created: run.created,
    updated: run.updated,
    unchanged: run.unchanged,
    rejected: run.rejected,
    warnings: parseWarnings(run.warnings),
    error: run.error,
    createdBy: run.createdBy,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    errorFileUrl: run.rejected > 0 ? `/api/v1/imports/runs/${run.id}/errors.csv` : null,
  };
}
