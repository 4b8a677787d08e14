import { zh } from '@liucai/shared';

const EXAMPLE_ROWS = 10;

/**
 * Warnings grouped by what they say, so a 200,000-row file that trips the same warning on every row yields one
 * line ("…：第 2、3、4 行等共 200000 行"), not 200,000.
 */
export class WarningLog {
  private readonly general: string[] = [];
  private readonly byRow = new Map<string, { rows: number[]; count: number }>();

  /** A warning about the file as a whole. */
  add(message: string): void {
    if (!this.general.includes(message)) this.general.push(message);
  }

  /** A warning that a given row triggered; rows with the same message are listed together. */
  addRow(message: string, row: number): void {
    const entry = this.byRow.get(message) ?? { rows: [], count: 0 };
    entry.count++;
    if (entry.rows.length < EXAMPLE_ROWS) entry.rows.push(row);
    this.byRow.set(message, entry);
  }

  /** The warnings as lines for HR. */
  list(): string[] {
    const grouped = [...this.byRow].map(
      ([message, { rows, count }]) => zh`${message}：第 ${rows.join('、')} 行${count > rows.length ? `等共 ${count} 行` : ''}`,
    );
    return [...this.general, ...grouped];
  }
}
