import { zh } from '@liucai/shared';
import { AppError } from '../../errors';
import { IMPORT_LIMITS } from '@liucai/shared';

const MB = IMPORT_LIMITS.maxBytes / 1024 / 1024;

/** 400: the file as a whole cannot be read (bad encoding, broken quotes, not a spreadsheet, no header row). */
export const badImportFile = (message: string, details?: unknown) => new AppError('import_bad_file', message, 400, details);

/** 400: required headers are missing; names them and lists every expected header. */
export const missingImportHeaders = (missing: string[], expected: string[]) =>
  new AppError('import_missing_headers', `缺少必填列：${missing.join('、')}。应有的列：${expected.join('、')}`, 400, { missing, expected });

/** 413: the upload is larger than the limit. */
export const importTooLarge = () => new AppError('payload_too_large', `文件超过 ${MB} MB 上限：请拆成几个文件分别导入`, 413);

/** 413: more data rows than one import takes. */
export const importTooManyRows = () =>
  new AppError('too_many_rows', `文件超过 ${IMPORT_LIMITS.maxRows.toLocaleString('en-US')} 行数据的上限：请拆成几个文件分别导入`, 413);

/** 415: neither .xlsx nor .csv. */
export const unsupportedImportType = (what: string) =>
  new AppError('unsupported_media_type', `只支持 .xlsx 或 .csv 文件（收到 ${what}）；.xls 请在 Excel 中另存为 .xlsx`, 415);

/** "A", "B", … "Z", "AA": a column as Excel labels it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const chars = (n: number) => `${n.toLocaleString('en-US')} 个字符`;

/** 400: one cell is longer than any real value; names the row and the column (its header when known). */
export const importCellTooLarge = (row: number, col: number, headers: readonly string[] | null, max: number) => {
  const header = headers?.[col];
  const column = zh`${columnLetter(col)} 列${header ? `“${header}”` : ''}`;
  return new AppError(
    'import_cell_too_large',
    zh`第 ${row} 行 ${column}的单元格超过 ${chars(max)}的上限：请检查是否误粘贴了整段文字或整个文件；文件未导入`,
    400,
    {
      row,
      column: header ?? columnLetter(col),
      limit: max,
    },
  );
};

/** 400: one row is longer than any real row. */
export const importRowTooLarge = (row: number, max: number) =>
  new AppError('import_row_too_large', zh`第 ${row} 行超过 ${chars(max)}的上限：请检查这一行是否误粘贴了大段内容；文件未导入`, 400, { row, limit: max });

/** 400: a row with more cells than any template has. */
export const importTooManyColumns = (row: number, max: number) =>
  new AppError('import_row_too_large', `第 ${row} 行超过 ${max} 列：请只保留模板中的列；文件未导入`, 400, { row, limit: max });
