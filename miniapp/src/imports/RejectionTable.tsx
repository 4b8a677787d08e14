/** The rows a dry run would reject: row number, column, the value and what was expected; the first few only. */
import type { ImportRowError } from '@liucai/shared';

/** How many problems the page lists; the rest are in the error file. */
export const SHOWN_REJECTIONS = 20;

export interface RejectionTableProps {
  errors: ImportRowError[];
  /** Rows with at least one error (may exceed the errors the server sent). */
  rejected: number;
}

export function RejectionTable({ errors, rejected }: RejectionTableProps) {
  if (errors.length === 0) return null;
  const shown = errors.slice(0, SHOWN_REJECTIONS);
  return (
    <div className="rejections" data-testid="rejections">
      <div className="section-label">有问题的行</div>
      <div className="table-scroll">
        <table className="rejection-table" data-testid="rejection-table">
          <thead>
            <tr>
              <th>行号</th>
              <th>列</th>
              <th>值</th>
              <th>问题</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e, i) => (
              <tr key={`${e.row}-${e.column ?? ''}-${i}`} data-testid={`rejection-${e.row}`}>
                <td className="num">第 {e.row} 行</td>
                <td className="col">{e.column ?? '整行'}</td>
                <td className="value">{e.value || <span className="muted">（空）</span>}</td>
                <td className="message">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(errors.length > shown.length || rejected > shown.length) && (
        <div className="muted small rejections-more" data-testid="rejections-more">
          仅列出前 {shown.length} 个问题（共 {rejected.toLocaleString('zh-CN')} 行被拒绝）；其余的在错误文件中，导入后可下载。
        </div>
      )}
    </div>
  );
}
