import { zh } from '@liucai/shared';
import ExcelJS from 'exceljs';
import type { ImportKindDef } from './importKind';
import { CSV_BOM, csvLine, neutralizeCell } from './csvWriter';

/** Characters Excel forbids in a sheet name (and its 31-character limit): "合同/成交" would make the file unreadable. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[\\/?*:[\]]/g, '与')
    .replace(/^'+|'+$/g, '')
    .slice(0, 31);
  return cleaned || 'Sheet1';
}

/** The kind's template as CSV: BOM, the Chinese headers, one example row (every cell formula-neutralised). */
export function templateCsv(def: ImportKindDef, example: string[]): string {
  return CSV_BOM + csvLine(def.columns.map((c) => c.spec.header)) + csvLine(example);
}

/**
 * The kind's template as .xlsx: bold headers (required ones marked in red, each with a note saying what it
 * accepts), one example row in grey italics with a note that it is skipped on import, every cell stored as text
 * so Excel does not reinterpret dates or 工号.
 */
export async function templateXlsx(def: ImportKindDef, example: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '留才 Liucai';
  const ws = wb.addWorksheet(safeSheetName(zh`${def.label}导入模板`));
  ws.addRow(def.columns.map((c) => c.spec.header));
  const sample = ws.addRow(example.map((v) => neutralizeCell(v)));
  def.columns.forEach(({ spec }, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(14, spec.header.length * 2 + 4, (example[i] ?? '').length * 2 + 2);
    col.numFmt = '@';
    const head = ws.getCell(1, i + 1);
    head.font = { bold: true, color: { argb: spec.required ? 'FFC00000' : 'FF000000' } };
    head.note = `${spec.required ? '必填。' : '选填。'}${spec.parser.hint}`;
  });
  sample.font = { italic: true, color: { argb: 'FF808080' } };
  sample.getCell(1).note = '示例行：原样留在文件里时导入会跳过它（不会当作真实数据写入）；请从第 3 行起填写，或直接改写本行。';
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
