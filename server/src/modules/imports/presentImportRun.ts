import { In, type DataSource } from 'typeorm';
import type { ImportRun as ImportRunDto } from '@liucai/shared';
import { User, type ImportRun } from '../../entities';

function parseWarnings(json: string | null): string[] {
  if (!json) return [];
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.map(String) : [];
}

/** An import run as HR sees it, with a percent for the progress bar (bytes read of the upload while running). */
export function presentImportRun(run: ImportRun, names: ReadonlyMap<string, string> = new Map()): ImportRunDto {
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
    createdByName: names.get(run.createdBy) ?? null,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    errorFileUrl: run.rejected > 0 ? `/api/v1/imports/runs/${run.id}/errors.csv` : null,
  };
}

/** Runs as HR sees them, with the names of who imported them (one query for all). */
export async function presentImportRuns(ds: DataSource, corpId: string, runs: ImportRun[]): Promise<ImportRunDto[]> {
  const userids = [...new Set(runs.map((r) => r.createdBy))];
  const users = userids.length ? await ds.getRepository(User).find({ select: { userid: true, name: true }, where: { corpId, userid: In(userids) } }) : [];
  const names = new Map(users.map((u) => [u.userid, u.name]));
  return runs.map((r) => presentImportRun(r, names));
}
