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
