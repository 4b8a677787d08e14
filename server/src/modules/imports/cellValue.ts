/** A cell as the readers hand it over: CSV gives strings; .xlsx also numbers, booleans, real dates, formulas, errors. */
export type CellValue = string | number | boolean | Date | { formula: string } | { error: string } | null;

/** One row of a sheet: its row number as the user sees it (header = 1) and its cells, left to right. */
export interface SheetRow {
  row: number;
  cells: CellValue[];
}

/** The cell as text for messages and the error file (dates as yyyy-mm-dd, formulas with their leading =). */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if ('formula' in cell) return `=${cell.formula}`;
  return cell.error;
}

/** True for an empty cell or one holding only whitespace. */
export function isBlank(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}
