import { IMPORT_LIMITS } from '@liucai/shared';
import { importCellTooLarge, importRowTooLarge, importTooManyColumns, badImportFile } from './importErrors';
import type { SheetRow } from './cellValue';

/** Characters per cell and per row and cells per row; past any of them the whole file is refused. */
export interface CsvLimits {
  maxCellChars: number;
  maxRowChars: number;
  maxColumns: number;
}

const SEPARATOR = /[,\r\n]/g;

/**
 * Stream CSV records out of text chunks (RFC 4180 plus what Excel writes): quoted cells with "" escapes, commas
 * and line breaks inside quotes, CRLF, LF or lone CR line ends. Row numbers count records (header = 1), which
 * is what Excel shows even when a cell spans several lines. Only the current record is held in memory, as slices
 * of the chunks (never grown character by character), and a cell, row or column count over `limits` stops the
 * read at once with a 400 naming the row and column: a 49 MB cell costs one chunk, not gigabytes.
 */
export async function* csvRows(chunks: AsyncIterable<string>, limits: CsvLimits = IMPORT_LIMITS): AsyncGenerator<SheetRow> {
  let cells: string[] = [];
  let parts: string[] = []; // the current cell, as slices
  let cellChars = 0;
  let rowChars = 0;
  let quoted = false; // inside a quoted cell
  let afterQuote = false; // just saw a quote inside a quoted cell: an escape ("") or the closing quote
  let skipLf = false; // just ended a record on CR: a following LF belongs to it
  let row = 1;
  let startedRecord = false;
  let quoteRow = 0;
  let headers: string[] | null = null; // the first non-blank record, to name columns in messages

  const append = (text: string) => {
    if (!text) return;
    cellChars += text.length;
    rowChars += text.length;
    if (cellChars > limits.maxCellChars) throw importCellTooLarge(row, cells.length, headers, limits.maxCellChars);
    if (rowChars > limits.maxRowChars) throw importRowTooLarge(row, limits.maxRowChars);
    parts.push(text);
  };
  const endCell = () => {
    cells.push(parts.length === 1 ? parts[0]! : parts.join(''));
    parts = [];
    cellChars = 0;
    if (cells.length > limits.maxColumns) throw importTooManyColumns(row, limits.maxColumns);
  };
  const endRecord = (out: SheetRow[]) => {
    endCell();
    out.push({ row, cells });
    if (!headers && cells.some((c) => c.trim() !== '')) headers = cells.map((c) => c.trim().slice(0, 40));
    row++;
    cells = [];
    rowChars = 0;
    startedRecord = false;
  };

  for await (const chunk of chunks) {
    const out: SheetRow[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (skipLf) {
        skipLf = false;
        if (chunk[i] === '\n') {
          i++;
          continue;
        }
      }
      if (quoted) {
        if (afterQuote) {
          afterQuote = false;
          if (chunk[i] === '"') {
            append('"');
            i++;
            continue;
          }
          quoted = false; // that quote closed the cell; read on unquoted from here
        } else {
          const q = chunk.indexOf('"', i);
          append(chunk.slice(i, q < 0 ? chunk.length : q));
          if (q < 0) break;
          afterQuote = true;
          i = q + 1;
          continue;
        }
      }
      startedRecord = true;
      if (chunk[i] === '"' && cellChars === 0 && parts.length === 0) {
        quoted = true;
        quoteRow = row;
        i++;
        continue;
      }
      SEPARATOR.lastIndex = i;
      const m = SEPARATOR.exec(chunk);
      const end = m ? m.index : chunk.length;
      append(chunk.slice(i, end)); // a stray quote inside an unquoted cell is kept as text, as Excel does
      if (!m) break;
      if (m[0] === ',') endCell();
      else {
        endRecord(out);
        skipLf = m[0] === '\r';
      }
      i = end + 1;
    }
    for (const r of out) yield r;
  }
  if (quoted && !afterQuote) throw badImportFile(`第 ${quoteRow} 行：双引号没有闭合，文件可能被截断或格式有误`);
  if (startedRecord || parts.length > 0 || cells.length > 0 || afterQuote) {
    endCell();
    yield { row, cells };
  }
}
