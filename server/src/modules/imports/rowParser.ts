import { IMPORT_LIMITS, type ImportRowError } from '@liucai/shared';
import type { ImportKindDef, ParseContext } from './importKind';
import type { HeaderMap } from './headerMatcher';
import { cellText, isBlank, type SheetRow } from './cellValue';
import { expected } from './cellParsers';
import { echoText } from './echoText';

export type ParsedRow = { ok: true; values: Record<string, unknown> } | { ok: false; errors: ImportRowError[] };

const CELL_ERRORS: Record<string, string> = { '#N/A': '无值', '#REF!': '引用无效', '#VALUE!': '值错误', '#DIV/0!': '除以零' };

/**
 * Read one data row by the kind's column specs. Every bad cell is reported (row, column, value cut to a short
 * echo, what was expected), not just the first; then the kind's rule across cells, if any. Formula cells are
 * refused, never evaluated.
 */
export function parseRow(def: ImportKindDef, headers: HeaderMap, row: SheetRow, ctx: ParseContext): ParsedRow {
  const values: Record<string, unknown> = {};
  const errors: ImportRowError[] = [];
  for (const { key, spec } of def.columns) {
    const pos = headers.positions.get(key);
    const cell = pos === undefined ? null : (row.cells[pos] ?? null);
    const err = (message: string) => errors.push({ row: row.row, column: spec.header, value: echoText(cellText(cell), IMPORT_LIMITS.maxEchoedValue), message });
    if (cell !== null && typeof cell === 'object' && 'formula' in cell) {
      err('公式单元格：请粘贴为数值');
    } else if (cell !== null && typeof cell === 'object' && 'error' in cell && !(cell instanceof Date)) {
      err(`单元格是错误值 ${cell.error}${CELL_ERRORS[cell.error] ? `（${CELL_ERRORS[cell.error]}）` : ''}：${expected(spec.parser.hint)}`);
    } else if (isBlank(cell)) {
      if (spec.required) err(`必填：${expected(spec.parser.hint)}`);
      else values[key] = spec.empty;
    } else {
      const parsed = spec.parser.parse(cell as string | number | boolean | Date, ctx);
      if (parsed.ok) values[key] = parsed.value;
      else err(parsed.message);
    }
  }
  if (errors.length) return { ok: false, errors };
  const problem = def.rowCheck(values, ctx);
  if (problem) {
    const col = def.columns.find((c) => c.spec.header === problem.column);
    const pos = col ? headers.positions.get(col.key) : undefined;
    const value = pos === undefined ? '' : echoText(cellText(row.cells[pos] ?? null), IMPORT_LIMITS.maxEchoedValue);
    return { ok: false, errors: [{ row: row.row, column: problem.column, value, message: problem.message }] };
  }
  return { ok: true, values };
}
