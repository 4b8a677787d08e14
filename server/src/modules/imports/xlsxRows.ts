import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors';
import { IMPORT_LIMITS } from '@liucai/shared';
import { cellText, type CellValue, type SheetRow } from './cellValue';
import { badImportFile, importCellTooLarge, importRowTooLarge, importTooManyColumns } from './importErrors';

/** What reading the workbook noticed besides rows (e.g. sheets that were skipped). */
export interface XlsxNotes {
  sheetName: string | null;
  skippedSheets: number;
}

function toCell(value: unknown, numFmt: string | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'number') {
    // A percent-formatted cell holds 0.85 for "85%": give the parsers what the user sees.
    return numFmt?.includes('%') ? `${Number((value * 100).toPrecision(12))}%` : value;
  }
  if (typeof value === 'object') {
    const v = value as { formula?: unknown; sharedFormula?: unknown; error?: unknown; richText?: { text?: unknown }[]; text?: unknown };
    if (v.formula !== undefined || v.sharedFormula !== undefined) return { formula: String(v.formula ?? v.sharedFormula ?? '') };
    if (v.error !== undefined) return { error: String(v.error) };
    if (Array.isArray(v.richText)) return v.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
    if (typeof v.text === 'string') return v.text;
  }
  return String(value as string);
}

/** The same limits as a CSV (cell, row, columns), refusing the file at the first row over them; returns the header names. */
function checkRowSize(row: number, cells: CellValue[], headers: string[] | null): string[] | null {
  if (cells.length > IMPORT_LIMITS.maxColumns) throw importTooManyColumns(row, IMPORT_LIMITS.maxColumns);
  let total = 0;
  cells.forEach((c, i) => {
    const n = cellText(c).length;
    if (n > IMPORT_LIMITS.maxCellChars) throw importCellTooLarge(row, i, headers, IMPORT_LIMITS.maxCellChars);
    total += n;
  });
  if (total > IMPORT_LIMITS.maxRowChars) throw importRowTooLarge(row, IMPORT_LIMITS.maxRowChars);
  return headers ?? (cells.some((c) => cellText(c).trim() !== '') ? cells.map((c) => cellText(c).trim().slice(0, 40)) : null);
}

/**
 * `input` as exceljs's streaming reader should get it: the zip parser it pipes `input` into (unzipper's Parse) ends
 * its list of entries when its input ends and every byte is buffered, not when it has read the entries: a reader
 * still busy with an earlier entry (a worksheet spooled to a temp file) then loses the rest of the list. The workbook,
 * its relationships or its shared strings went missing about once in 300 reads on a loaded machine: a TypeError, or
 * a sheet read without its shared strings. Without that early end the parser ends its list at the zip's end record,
 * or fails with FILE_ENDED on a cut-off file. Exported for its test.
 */
export function zipEndsWhenRead<T extends Readable>(input: T): T {
  const pipe = input.pipe.bind(input);
  input.pipe = <D extends NodeJS.WritableStream>(dest: D, opts?: { end?: boolean }): D => {
    const emitter = dest as unknown as NodeJS.EventEmitter;
    for (const listener of emitter.listeners('finish'))
      if (/emit\(['"]end['"]\)/.test(String(listener))) emitter.removeListener('finish', listener as () => void);
    return pipe(dest, opts);
  };
  return input;
}

/**
 * Stream the rows of the first worksheet of an .xlsx upload with exceljs's WorkbookReader: rows are parsed one at
 * a time from the zip stream (a worksheet stored before the shared strings is spooled to a temp file by exceljs,
 * not held in memory). Formula cells come out as `{ formula }`, never evaluated; date-formatted cells as Dates.
 */
export async function* xlsxRows(input: Readable, notes: XlsxNotes): AsyncGenerator<SheetRow> {
  // styles: 'cache' is what lets exceljs tell a date cell (a number with a date format) from a plain number.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(zipEndsWhenRead(input), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  let sheets = 0;
  let headers: string[] | null = null;
  try {
    for await (const sheet of reader) {
      sheets++;
      if (sheets > 1) {
        notes.skippedSheets++;
        // Read to its end, unparsed: exceljs deletes a spooled sheet's temp file once the sheet is passed, and a
        // sheet left unread would then fail to open (an error event nobody listens to, which ends the process).
        for await (const _row of sheet) void _row;
        continue;
      }
      notes.sheetName = (sheet as unknown as { name?: string }).name ?? null;
      for await (const row of sheet) {
        const cells: CellValue[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          cells[col - 1] = toCell(cell.value, cell.numFmt);
        });
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
        headers = checkRowSize(row.number, cells, headers);
        yield { row: row.number, cells };
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof Error && /signature|zip|end of central|invalid|FILE_ENDED|unexpected/i.test(err.message)) {
      throw badImportFile('无法读取 .xlsx 文件：文件损坏或不是 Excel 工作簿（.xls 请另存为 .xlsx）');
    }
    throw err;
  }
  if (sheets === 0) throw badImportFile('无法读取 .xlsx 文件：没有找到工作表（.xls 请另存为 .xlsx）');
}
