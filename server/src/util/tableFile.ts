/**
 * Tables HR downloads (payroll, talent review …) as CSV (UTF-8 with BOM, CRLF) or .xlsx (one sheet per table,
 * every cell text so Excel keeps 工号 and amounts exactly as written). A cell that is a plain number (a leading
 * minus included) stays as written; any other text is neutralised against formula injection.
 */
import ExcelJS from 'exceljs';
import type { Context } from 'koa';
import { CSV_BOM, neutralizeCell } from '../modules/imports/csvWriter';

export type TableFormat = 'csv' | 'xlsx';

export interface TableSheet {
  name: string;
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Columns (by header text) shown wide: long explanations. */
  wide?: readonly string[];
}

const isNumberText = (v: string) => /^-?\d+(\.\d+)?$/.test(v);
const safeCell = (v: string) => (isNumberText(v) ? v : neutralizeCell(v));

function csvCell(v: string): string {
  const safe = safeCell(v);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One table as CSV. */
export function tableCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return CSV_BOM + line(header) + rows.map(line).join('');
}

/** Tables as one .xlsx workbook, a bold frozen header on each sheet. */
export async function tableXlsx(sheets: readonly TableSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '留才 Liucai';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow([...s.header]).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map(safeCell));
    s.header.forEach((h, i) => {
      const col = ws.getColumn(i + 1);
      col.numFmt = '@';
      col.width = s.wide?.includes(h) ? 60 : Math.max(12, h.length * 2 + 4);
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Answers a download: `asciiName` for old clients, `name` (Chinese) for the rest; the CSV holds the first sheet.
 */
export async function sendTables(ctx: Context, format: TableFormat, names: { asciiName: string; name: string }, sheets: readonly TableSheet[]): Promise<void> {
  ctx.set('Content-Disposition', `attachment; filename="${names.asciiName}.${format}"; filename*=UTF-8''${encodeURIComponent(`${names.name}.${format}`)}`);
  if (format === 'csv') {
    const first = sheets[0]!;
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = tableCsv(first.header, first.rows);
  } else {
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.body = await tableXlsx(sheets);
  }
}
