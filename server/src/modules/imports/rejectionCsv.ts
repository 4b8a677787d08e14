import type { DataSource } from 'typeorm';
import { MoreThan } from 'typeorm';
import { ImportRejection, type ImportRun } from '../../entities';
import { CSV_BOM, csvLine } from './csvWriter';

const PAGE = 1000;

/** The error file's own columns, before the file's headers; an import of a fixed error file ignores them. */
export const ERROR_FILE_COLUMNS = ['行号', '错误说明'] as const;

interface RowGroup {
  rowNo: number;
  messages: string[];
  cells: string[];
}

const line = (g: RowGroup) => csvLine([String(g.rowNo), g.messages.join('；'), ...g.cells]);

/**
 * The error file of a run, streamed page by page from import_rejections: one line per rejected source row with all
 * its errors together (行号, 错误说明 as "列：说明；列：说明"), then the row's original cells under the file's own
 * headers, so HR fixes the cells in place and imports this very file again (its two leading columns are ignored).
 * Every cell is formula-neutralised.
 */
export async function* rejectionCsv(ds: DataSource, run: ImportRun): AsyncGenerator<string> {
  const headers: unknown = run.fileHeaders ? JSON.parse(run.fileHeaders) : [];
  const fileHeaders = Array.isArray(headers) ? headers.map(String) : [];
  yield CSV_BOM + csvLine([...ERROR_FILE_COLUMNS, ...fileHeaders]);
  let after = 0;
  let group: RowGroup | null = null;
  for (;;) {
    const page = await ds
      .getRepository(ImportRejection)
      .find({ where: { runId: run.id, corpId: run.corpId, seq: MoreThan(after) }, order: { seq: 'ASC' }, take: PAGE });
    if (!page.length) break;
    let out = '';
    for (const r of page) {
      // A row's errors are stored together (consecutive seq), its original cells on the first of them.
      if (!group || r.rowNo !== group.rowNo) {
        if (group) out += line(group);
        const parsed: unknown = r.cells !== null ? JSON.parse(r.cells) : [];
        group = { rowNo: r.rowNo, messages: [], cells: Array.isArray(parsed) ? parsed.map(String) : [] };
      }
      group.messages.push(r.columnHeader ? `${r.columnHeader}：${r.message}` : r.message);
    }
    if (out) yield out;
    after = page[page.length - 1]!.seq;
  }
  if (group) yield line(group);
}
