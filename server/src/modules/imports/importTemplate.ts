import ExcelJS from 'exceljs';
import type { ImportKindDef } from './importKind';
import { CSV_BOM, csvLine, neutralizeCell } from './csvWriter';

/** The kind's template as CSV: BOM, the Chinese headers, one example row. */
export function templateCsv(def: ImportKindDef): string {
  return CSV_BOM + csvLine(def.columns.map((c) => c.spec.header)) + csvLine(def.columns.map((c) => c.spec.example));
}

/**
 * The kind's template as .xlsx: bold headers (required ones marked in red, each with a note saying what it
 * accepts), one example row, every cell stored as text so Excel does not reinterpret dates or 工号.
 */
export async function templateXlsx(def: ImportKindDef): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '留才 Liucai';
  const ws = wb.addWorksheet(def.label);
  ws.addRow(def.columns.map((c) => c.spec.header));
  ws.addRow(def.columns.map((c) => neutralizeCell(c.spec.example)));
  def.columns.forEach(({ spec }, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(14, spec.header.length * 2 + 4);
    col.numFmt = '@';
    const head = ws.getCell(1, i + 1);
    head.font = { bold: true, color: { argb: spec.required ? 'FFC00000' : 'FF000000' } };
    head.note = `${spec.required ? '必填。' : '选填。'}${spec.parser.hint}`;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
