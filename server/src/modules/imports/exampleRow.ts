import type { ImportKindDef } from './importKind';
import type { HeaderMap } from './headerMatcher';
import { cellText, type SheetRow } from './cellValue';

const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ');

/**
 * True when a data row is a template's example row left in the file: every column of the kind the file has holds
 * exactly the example (this importer's, as the template showed it, or the kind's fixed one). Such a row is skipped
 * with a warning, never imported; a row where anything was changed is an ordinary row.
 */
export function isExampleRow(def: ImportKindDef, headers: HeaderMap, row: SheetRow, examples: string[][]): boolean {
  return examples.some((example) => {
    let compared = 0;
    for (const [i, { key }] of def.columns.entries()) {
      const pos = headers.positions.get(key);
      if (pos === undefined) continue;
      // A template example may have been written neutralised ('…) or re-saved as-is: compare without the apostrophe.
      const got = norm(cellText(row.cells[pos] ?? null)).replace(/^'/, '');
      if (got !== norm(example[i] ?? '')) return false;
      compared++;
    }
    return compared > 0;
  });
}
