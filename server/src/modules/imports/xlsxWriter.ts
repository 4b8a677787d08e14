/**
 * Writing .xlsx files people open in Excel: every cell text (numbers as written, 工号 keep their zeros), any other
 * text neutralised against formulas (csvWriter.ts), a bold frozen header. Used by the payroll and 转型看板 exports.
 */
import ExcelJS from 'exceljs';
import { neutralizeCell } from './csvWriter';

export interface TextSheet {
  name: string;
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Columns (by header) given a wide column for long text. */
  wide?: readonly string[];
}

/** A plain number (an amount, a count, a percentage without its sign) stays as written; other text is neutralised. */
export const safeCell = (v: string): string => (/^-?\d+(\.\d+)?$/.test(v) ? v : neutralizeCell(v));

export async function textWorkbook(sheets: readonly TextSheet[]): Promise<Buffer> {
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
