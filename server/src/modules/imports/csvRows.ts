import { badImportFile } from './importErrors';
import type { SheetRow } from './cellValue';

/**
 * Stream CSV records out of text chunks (RFC 4180 plus what Excel writes): quoted cells with "" escapes, commas
 * and line breaks inside quotes, CRLF, LF or lone CR line ends. Row numbers count records (header = 1), which
 * is what Excel shows even when a cell spans several lines. Only the current record is held in memory.
 */
export async function* csvRows(chunks: AsyncIterable<string>): AsyncGenerator<SheetRow> {
  let cells: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted cell
  let afterQuote = false; // just saw a quote inside a quoted cell: an escape ("") or the closing quote
  let skipLf = false; // just ended a record on CR: a following LF belongs to it
  let row = 1;
  let startedRecord = false;
  let quoteRow = 0;
  for await (const chunk of chunks) {
    const out: SheetRow[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (skipLf) {
        skipLf = false;
        if (ch === '\n') continue;
      }
      if (quoted) {
        if (afterQuote) {
          afterQuote = false;
          if (ch === '"') {
            field += '"';
            continue;
          }
          quoted = false; // that quote closed the cell; fall through to handle ch unquoted
        } else if (ch === '"') {
          afterQuote = true;
          continue;
        } else {
          field += ch;
          continue;
        }
      }
      startedRecord = true;
      if (ch === ',') {
        cells.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        cells.push(field);
        out.push({ row, cells });
        row++;
        cells = [];
        field = '';
        startedRecord = false;
        skipLf = ch === '\r';
      } else if (ch === '"' && field === '') {
        quoted = true;
        quoteRow = row;
      } else {
        field += ch; // a stray quote inside an unquoted cell is kept as text, as Excel does
      }
    }
    for (const r of out) yield r;
  }
  if (quoted && !afterQuote) throw badImportFile(`第 ${quoteRow} 行：双引号没有闭合，文件可能被截断或格式有误`);
  if (startedRecord || field !== '' || cells.length > 0 || afterQuote) {
    cells.push(field);
    yield { row, cells };
  }
}
