import type { ImportKindDef } from './importKind';
import { cellText, type CellValue } from './cellValue';
import { missingImportHeaders } from './importErrors';
import { ERROR_FILE_COLUMNS } from './rejectionCsv';

/** Where each of a kind's columns sits in the file (absent optional columns are missing from the map). */
export interface HeaderMap {
  positions: Map<string, number>;
  warnings: string[];
}

/** A header as compared: full-width forms folded (（元） = (元)), spaces and a "required" star dropped. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\*|\*$/g, '');
}

/**
 * Match a file's header row to a kind's columns. Missing required headers reject the whole file at once (naming
 * them and listing every expected header); unknown and repeated headers are ignored with a warning (an error
 * file's 行号 and 错误说明 silently).
 */
export function matchHeaders(def: ImportKindDef, headerCells: CellValue[]): HeaderMap {
  const wanted = new Map<string, string>();
  for (const { key, spec } of def.columns) for (const h of [spec.header, ...spec.aliases]) wanted.set(normalizeHeader(h), key);
  // An error file imported again after fixing: its own leading columns are expected, not unknown.
  const errorFileColumns = new Set<string>(ERROR_FILE_COLUMNS);
  const positions = new Map<string, number>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  headerCells.forEach((cell, i) => {
    const raw = cellText(cell).trim();
    if (!raw || errorFileColumns.has(raw)) return;
    const key = wanted.get(normalizeHeader(raw));
    if (key === undefined) unknown.push(raw);
    else if (positions.has(key)) repeated.push(raw);
    else positions.set(key, i);
  });
  const missing = def.columns.filter(({ key, spec }) => spec.required && !positions.has(key)).map(({ spec }) => spec.header);
  if (missing.length)
    throw missingImportHeaders(
      missing,
      def.columns.map(({ spec }) => `${spec.header}${spec.required ? '*' : ''}`),
    );
  const warnings: string[] = [];
  if (unknown.length) warnings.push(`这些列不认识，已忽略：${unknown.join('、')}`);
  if (repeated.length) warnings.push(`这些列重复出现，只用第一列：${repeated.join('、')}`);
  return { positions, warnings };
}
