import { zh } from '@liucai/shared';
import type { DataSource } from 'typeorm';
import { IMPORT_LIMITS } from '@liucai/shared';
import type { ImportEntity, ImportKindDef } from './importKind';
import { cellText, isBlank, type SheetRow } from './cellValue';
import { matchHeaders, type HeaderMap } from './headerMatcher';
import { parseRow } from './rowParser';
import { importSourceId } from './importSourceId';
import { writeImportBatch } from './importBatchWriter';
import type { ImportReferences } from './importReferences';
import { isExampleRow } from './exampleRow';
import type { RejectionSink } from './rejectionSink';
import type { WarningLog } from './warningLog';
import { badImportFile, importTooManyRows } from './importErrors';
import { echoText } from './echoText';

const BATCH = 500;

/** Counts so far; `rows` are data rows read (blank rows skipped). */
export interface ImportCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** Read up to the first non-blank row and match it as the header row (throws on missing required headers). */
export async function readImportHeader(def: ImportKindDef, rows: AsyncIterator<SheetRow>): Promise<HeaderMap> {
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    if (next.value.cells.every(isBlank)) continue;
    return matchHeaders(def, next.value.cells);
  }
  throw badImportFile(`文件是空的：第一行应为表头（${def.columns.map((c) => c.spec.header).join('、')}）`);
}

export interface ProcessOptions {
  ds: DataSource;
  def: ImportKindDef;
  corpId: string;
  headers: HeaderMap;
  /** False for a dry run: everything is compared and counted, nothing written. */
  write: boolean;
  sink: RejectionSink;
  warnings: WarningLog;
  now: Date;
  /** Today in Asia/Shanghai: dates after it are refused. */
  today: string;
  /** People (with the importer's scope), departments and customers, loaded once for the file. */
  refs: ImportReferences;
  /** The template's example rows (this importer's and the fixed one): a row equal to one is skipped. */
  examples: string[][];
  /** Collects the months of the rows written (kinds with `period`), for the follow-up jobs. */
  touched?: Set<string>;
  /** Called after each batch (about every 500 rows), e.g. to record progress. */
  onProgress?: (counts: ImportCounts) => Promise<void>;
}

/**
 * Validate, compare and (when `write`) upsert the data rows after the header, 500 at a time, holding only the
 * current batch in memory (plus one short hash per key, to reject a key repeated within the file: with
 * duplicates "last one wins" a re-import could never come out unchanged).
 */
export async function processImportRows(rows: AsyncIterator<SheetRow>, o: ProcessOptions): Promise<ImportCounts> {
  const counts: ImportCounts = { rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
  const firstRowOfKey = new Map<number, number>();
  let batch: ImportEntity[] = [];
  const flush = async () => {
    const c = await writeImportBatch(o.ds, o.def, o.corpId, batch, o.write, o.touched);
    batch = [];
    counts.created += c.created;
    counts.updated += c.updated;
    counts.unchanged += c.unchanged;
    await o.onProgress?.(counts);
  };
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    const row = next.value;
    if (row.cells.every(isBlank)) continue;
    if (isExampleRow(o.def, o.headers, row, o.examples)) {
      o.warnings.addRow('模板中的示例行，已跳过（未导入）', row.row);
      continue;
    }
    if (++counts.rows > IMPORT_LIMITS.maxRows) throw importTooManyRows();
    const cells = () => row.cells.map((c) => echoText(cellText(c), IMPORT_LIMITS.maxEchoedCell));
    // A row's warnings count only if the row is imported: a refused row says what is wrong with it instead.
    const rowWarnings: string[] = [];
    const parsed = parseRow(o.def, o.headers, row, { ...o.refs, today: o.today, warnings: { addRow: (m) => rowWarnings.push(m) }, row: row.row });
    if (!parsed.ok) {
      counts.rejected++;
      await o.sink.add(parsed.errors, cells());
      continue;
    }
    const keyParts = o.def.key(parsed.values);
    const sourceId = importSourceId(o.def.kind, keyParts);
    // 52 bits of the hash as a plain number (half the memory of a string key): a false "duplicate" among
    // 500,000 keys has odds of about 1 in 36,000 files, and would be reported, never silently dropped.
    const short = parseInt(sourceId.slice(0, 13), 16);
    const first = firstRowOfKey.get(short);
    if (first !== undefined) {
      counts.rejected++;
      const message = zh`与第 ${first} 行重复（${o.def.keyDescription}相同）：同一文件中只导入第一行`;
      await o.sink.add([{ row: row.row, column: null, value: echoText(keyParts.filter(Boolean).join(' / '), IMPORT_LIMITS.maxEchoedValue), message }], cells());
      continue;
    }
    firstRowOfKey.set(short, row.row);
    for (const m of rowWarnings) o.warnings.addRow(m, row.row);
    batch.push(Object.assign(new o.def.entity(), o.def.toRow(parsed.values), { corpId: o.corpId, source: 'import' as const, sourceId, importedAt: o.now }));
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await o.sink.finish();
  return counts;
}
