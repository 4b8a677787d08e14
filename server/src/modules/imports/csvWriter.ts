/** UTF-8 byte order mark: without it Excel opens a UTF-8 CSV as the local code page and Chinese turns to mojibake. */
export const CSV_BOM = '\uFEFF';

/**
 * A cell made safe for spreadsheets: text starting with = + - @ (or a tab / carriage return, which Excel skips
 * before reading a formula) gets a leading apostrophe, so opening the file never runs a formula (CSV injection).
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV line (CRLF, as Excel writes): cells neutralised, quoted when they hold a comma, quote or line break. */
export function csvLine(cells: string[]): string {
  return (
    cells
      .map((raw) => {
        const v = neutralizeCell(raw);
        return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
      })
      .join(',') + '\r\n'
  );
}
