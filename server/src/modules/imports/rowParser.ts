import type { ImportRowError } from '@liucai/shared';
import type { ImportKindDef, ParseContext } from './importKind';
import type { HeaderMap } from './headerMatcher';
import { cellText, isBlank, type SheetRow } from './cellValue';
import { zh } from '@liucai/shared';

export type ParsedRow = { ok: true; values: Record<string, unknown> } | { ok: false; errors: ImportRowError[] };

const CELL_ERRORS: Record<string, string> = { '#N/A': '无值', '#REF!': '引用无效', '#VALUE!': '值错误', '#DIV/0!': '除以零' };

/**
 * Read one data row by the kind's column specs. Every bad cell is reported (row, column, value, what was
 * expected), not just the first. Formula cells are refused, never evaluated.
 */
export function parseRow(def: ImportKindDef, headers: HeaderMap, row: SheetRow, ctx: ParseContext): ParsedRow {
  const values: Record<string, unknown> = {};
  const errors: ImportRowError[] = [];
  for (const { key, spec } of def.columns) {
    const pos = headers.positions.get(key);
    const cell = pos === undefined ? null : (row.cells[pos] ?? null);
    const err = (message: string) => errors.push({ row: row.row, column: spec.header, value: cellText(cell), message });
    if (cell !== null && typeof cell === 'object' && 'formula' in cell) {
      err('公式单元格：请粘贴为数值');
    } else if (cell !== null && typeof cell === 'object' && 'error' in cell && !(cell instanceof Date)) {
      err(zh`单元格是错误值 ${cell.error}${CELL_ERRORS[cell.error] ? `（${CELL_ERRORS[cell.error]}）` : ''}：应为${spec.parser.hint}`);
    } else if (isBlank(cell)) {
      if (spec.required) err(zh`必填：应为${spec.parser.hint}`);
      else values[key] = spec.empty;
    } else {
      const parsed = spec.parser.parse(cell as string | number | boolean | Date, ctx);
      if (parsed.ok) values[key] = parsed.value;
      else err(parsed.message);
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, values };
}
