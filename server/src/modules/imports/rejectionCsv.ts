import type { DataSource } from 'typeorm';
import { MoreThan } from 'typeorm';
import { ImportRejection, type ImportRun } from '../../entities';
import { CSV_BOM, csvLine } from './csvWriter';

const PAGE = 1000;

/**
 * The error file of a run, streamed page by page from import_rejections: 行号, 列, 值, 错误说明, then the row's
 * original cells under the file's own headers (so HR can fix them in place). Every cell is formula-neutralised.
 */
export async function* rejectionCsv(ds: DataSource, run: ImportRun): AsyncGenerator<string> {
  const headers: unknown = run.fileHeaders ? JSON.parse(run.fileHeaders) : [];
  const fileHeaders = Array.isArray(headers) ? headers.map(String) : [];
  yield CSV_BOM + csvLine(['行号', '列', '值', '错误说明', ...fileHeaders]);
  let after = 0;
  let rowNo = -1;
  let rowCells: string[] = [];
  for (;;) {
    const page = await ds
      .getRepository(ImportRejection)
      .find({ where: { runId: run.id, corpId: run.corpId, seq: MoreThan(after) }, order: { seq: 'ASC' }, take: PAGE });
    if (!page.length) break;
    let out = '';
    for (const r of page) {
      if (r.cells !== null) {
        const parsed: unknown = JSON.parse(r.cells);
        rowCells = Array.isArray(parsed) ? parsed.map(String) : [];
        rowNo = r.rowNo;
      } else if (r.rowNo !== rowNo) rowCells = [];
      out += csvLine([String(r.rowNo), r.columnHeader ?? '（整行）', r.value, r.message, ...rowCells]);
    }
    yield out;
    after = page[page.length - 1]!.seq;
  }
}
