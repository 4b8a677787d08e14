import { zh } from '@liucai/shared';
import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { IMPORT_LIMITS, type ImportDryRun } from '@liucai/shared';
import { AppError } from '../../errors';
import { dependencyDownOf } from '../../dependencyDown';
import { untilDatabaseAnswers } from '../../db/untilDatabaseAnswers';
import { ImportRun } from '../../entities';
import type { ImportKindDef } from './importKind';
import { ByteMeter } from './byteMeter';
import { uploadRows, type UploadFormat } from './uploadRows';
import type { XlsxNotes } from './xlsxRows';
import { processImportRows, readImportHeader, type ImportCounts } from './importProcessor';
import { MAX_STORED_REJECTIONS, previewSink, runRejectionSink } from './rejectionSink';
import { WarningLog } from './warningLog';
import { cellText } from './cellValue';
import type { Actor } from '../../appTypes';
import { shanghaiDate } from '../../util/dates';
import { exampleRow, loadImportReferences } from './importReferences';

/** One upload to import: who (their corp and scope), what kind, and the raw body stream. */
export interface ImportUpload {
  ds: DataSource;
  actor: Actor;
  def: ImportKindDef;
  fileName: string;
  format: UploadFormat;
  body: Readable;
  /** Content-Length, when the client declared one. */
  bytesTotal: number | null;
  now?: () => Date;
  /** Filled by a commit with the months of the rows it wrote (kinds with `period`, e.g. KPI 指标值). */
  touched?: Set<string>;
}

const PROGRESS_EVERY_MS = 250;
/** How long a failed import waits for the database to come back to record that it failed. */
const RUN_CLOSE_WAIT_MS = 15 * 60 * 1000;

function open(u: ImportUpload) {
  const meter = new ByteMeter(u.body, IMPORT_LIMITS.maxBytes);
  const notes: XlsxNotes = { sheetName: null, skippedSheets: 0 };
  const rows = uploadRows(u.format, meter, notes)[Symbol.asyncIterator]();
  const warnings = new WarningLog();
  return { meter, notes, rows, warnings };
}

/** What every row is checked against: references with the importer's scope, today, the template's example rows. */
async function checks(u: ImportUpload, now: Date) {
  const refs = await loadImportReferences(u.ds, u.actor, u.def);
  const examples = [exampleRow(u.def, refs, u.actor.userid), u.def.columns.map((c) => c.spec.example)];
  return { refs, examples, today: shanghaiDate(now) };
}

function fileWarnings(notes: XlsxNotes, headerWarnings: string[], log: WarningLog): string[] {
  const sheet = notes.skippedSheets ? [zh`只导入了第一个工作表${notes.sheetName ? `“${notes.sheetName}”` : ''}，其余 ${notes.skippedSheets} 个已忽略`] : [];
  return [...sheet, ...headerWarnings, ...log.list()];
}

/** Read the whole upload, compare every row with the database, and say what a commit would do. Writes nothing. */
export async function dryRunImport(u: ImportUpload): Promise<ImportDryRun> {
  const { notes, rows, warnings } = open(u);
  const headers = await readImportHeader(u.def, rows);
  const sink = previewSink();
  const now = (u.now ?? (() => new Date()))();
  const counts = await processImportRows(rows, {
    ds: u.ds,
    def: u.def,
    corpId: u.actor.corpId,
    headers,
    write: false,
    sink,
    warnings,
    now,
    ...(await checks(u, now)),
  });
  return { kind: u.def.kind, fileName: u.fileName, ...counts, errors: sink.preview, warnings: fileWarnings(notes, headers.warnings, warnings) };
}

/**
 * Import the upload for real, streaming: the header is checked first (a bad file creates no run), then an
 * import_runs row records progress as batches are written, and finally the counts. Returns the finished run;
 * on failure the run is marked failed (rows written so far stay: re-importing the file is safe) and the error
 * is rethrown for the response.
 */
export async function commitImport(u: ImportUpload): Promise<ImportRun> {
  const now = u.now ?? (() => new Date());
  const { meter, notes, rows, warnings } = open(u);
  const headerRow: string[] = [];
  const headers = await readImportHeader(u.def, {
    next: async () => {
      const n = await rows.next();
      if (!n.done) headerRow.splice(0, headerRow.length, ...n.value.cells.map((c) => cellText(c)));
      return n;
    },
  });
  const runs = u.ds.getRepository(ImportRun);
  const run = await runs.save(
    Object.assign(new ImportRun(), {
      corpId: u.actor.corpId,
      kind: u.def.kind,
      fileName: u.fileName.slice(0, 255),
      status: 'running' as const,
      rowsTotal: null,
      bytesTotal: u.bytesTotal,
      bytesDone: meter.bytes,
      fileHeaders: JSON.stringify(headerRow),
      createdBy: u.actor.userid,
      createdAt: now(),
    }),
  );
  const sink = runRejectionSink(u.ds, u.actor.corpId, run.id);
  let last: ImportCounts = { rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
  let lastWrite = 0;
  const progress = (c: ImportCounts) => ({
    rowsDone: c.rows,
    bytesDone: meter.bytes,
    created: c.created,
    updated: c.updated,
    unchanged: c.unchanged,
    rejected: c.rejected,
  });
  try {
    const started = now();
    const counts = await processImportRows(rows, {
      ds: u.ds,
      def: u.def,
      corpId: u.actor.corpId,
      headers,
      write: true,
      sink,
      warnings,
      now: started,
      touched: u.touched,
      ...(await checks(u, started)),
      onProgress: async (c) => {
        last = { ...c };
        if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = Date.now();
        await runs.update({ id: run.id }, progress(c));
      },
    });
    const all = fileWarnings(notes, headers.warnings, warnings);
    if (sink.truncated()) all.push(`错误文件只保存了前 ${MAX_STORED_REJECTIONS} 条错误`);
    await runs.update({ id: run.id }, { ...progress(counts), status: 'succeeded', rowsTotal: counts.rows, warnings: JSON.stringify(all), finishedAt: now() });
  } catch (err) {
    const dbDown = dependencyDownOf(err) === 'database';
    const message = err instanceof AppError ? err.message : dbDown ? '数据库连接中断，导入已停止' : '服务器内部错误';
    const kept = last.created + last.updated ? `（此前已写入的 ${last.created + last.updated} 行保留；修正后重新导入同一文件不会重复写入）` : '';
    await sink.finish().catch(() => undefined);
    const markFailed = () =>
      runs.update(
        { id: run.id },
        {
          ...progress(last),
          status: 'failed',
          error: message + kept,
          warnings: JSON.stringify(fileWarnings(notes, headers.warnings, warnings)),
          finishedAt: now(),
        },
      );
    await markFailed().catch((markErr: unknown) => {
      if (dependencyDownOf(markErr) !== 'database') throw markErr;
      // The database is down: close the run once it is back (never left "running"), without holding the response.
      void untilDatabaseAnswers(u.ds, RUN_CLOSE_WAIT_MS)
        .then((back) => (back ? markFailed() : undefined))
        .catch(() => undefined);
    });
    throw err;
  }
  return runs.findOneByOrFail({ id: run.id });
}
