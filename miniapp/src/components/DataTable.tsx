/**
 * One table for lists of records: a real table with sortable column headers on PC (≥ 1024 px), and the same rows as
 * cards on a phone (the first `primary` column as the card's title, the others as label–value pairs).
 */
import type { KeyboardEvent, ReactNode } from 'react';
import { useWideScreen } from './useWideScreen';

export interface Column<T> {
  key: string;
  title: string;
  render(row: T): ReactNode;
  /** The sort key this column sorts by (sorting happens on the server); absent: not sortable. */
  sortKey?: string;
  align?: 'left' | 'right';
  /** Minimum width on PC, e.g. `8em`, so a narrow column does not wrap its header. */
  minWidth?: string;
  /** The card's title on a phone. */
  primary?: boolean;
  /** On a phone, shown without its label in the muted line under the card's title (e.g. title and department). */
  subtitle?: boolean;
  /** Left out of the phone cards (a detail the PC table has room for). */
  pcOnly?: boolean;
}

export interface SortState {
  key: string;
  desc: boolean;
}

export interface DataTableProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey(row: T): string;
  sort?: SortState;
  /** Asked with the new sort when a sortable header is clicked (same column again: the other direction). */
  onSort?(sort: SortState): void;
  onRowClick?(row: T): void;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  testId: string;
  rowTestId?(row: T): string;
}

const activate = (fn: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    fn();
  }
};

export function DataTable<T>({ columns, rows, rowKey, sort, onSort, onRowClick, empty, testId, rowTestId }: DataTableProps<T>) {
  const wide = useWideScreen();
  if (rows.length === 0) {
    return (
      <div className="empty-text" data-testid={`${testId}-empty`}>
        {empty}
      </div>
    );
  }
  const rowProps = (row: T) =>
    onRowClick
      ? { onClick: () => onRowClick(row), onKeyDown: activate(() => onRowClick(row)), tabIndex: 0, role: 'link' as const, className: 'clickable' }
      : {};

  if (wide) {
    return (
      <div className="table-scroll">
        <table className="data-table" data-testid={testId}>
          <thead>
            <tr>
              {columns.map((c) => {
                const sorted = sort && c.sortKey === sort.key;
                const ariaSort = sorted ? (sort.desc ? 'descending' : 'ascending') : undefined;
                return (
                  <th key={c.key} style={{ minWidth: c.minWidth, textAlign: c.align }} aria-sort={ariaSort} scope="col">
                    {c.sortKey && onSort ? (
                      <button
                        type="button"
                        className={`sort-button${sorted ? ' sorted' : ''}`}
                        onClick={() => onSort({ key: c.sortKey!, desc: sorted ? !sort.desc : false })}
                        data-testid={`${testId}-sort-${c.key}`}
                      >
                        {c.title}
                        <span className="sort-mark" aria-hidden>
                          {sorted ? (sort.desc ? '▼' : '▲') : '↕'}
                        </span>
                      </button>
                    ) : (
                      c.title
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} data-testid={rowTestId?.(row)} {...rowProps(row)}>
                {columns.map((c) => (
                  <td key={c.key} style={{ textAlign: c.align }}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  const primary = columns.find((c) => c.primary) ?? columns[0];
  const subtitles = columns.filter((c) => c !== primary && c.subtitle && !c.pcOnly);
  const details = columns.filter((c) => c !== primary && !c.subtitle && !c.pcOnly);
  return (
    <ul className="data-cards" data-testid={testId}>
      {rows.map((row) => (
        <li key={rowKey(row)} data-testid={rowTestId?.(row)} {...rowProps(row)}>
          {primary && <div className="data-card-title">{primary.render(row)}</div>}
          {subtitles.length > 0 && (
            <div className="data-card-subtitle">
              {subtitles.map((c) => (
                <span key={c.key}>{c.render(row)}</span>
              ))}
            </div>
          )}
          <dl className="data-card-fields">
            {details.map((c) => (
              <div key={c.key}>
                <dt>{c.title}</dt>
                <dd>{c.render(row)}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
