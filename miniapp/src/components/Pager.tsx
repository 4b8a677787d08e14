/** Paging under a list: how many in all, which page, previous / next. */
import Button from 'antd-mobile/es/components/button';
import { formatCount } from '../util/format';

export interface PagerProps {
  total: number;
  page: number;
  pageSize: number;
  /** What is counted, e.g. `人`, `条`, `个月`. */
  unit: string;
  onPage(page: number): void;
  testId: string;
}

export function Pager({ total, page, pageSize, unit, onPage, testId }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="pager" data-testid={testId}>
      <span className="muted small" data-testid={`${testId}-summary`}>
        共 {formatCount(total)} {unit}
        {pages > 1 ? ` · 第 ${page} / ${pages} 页` : ''}
      </span>
      {pages > 1 && (
        <span className="pager-buttons">
          <Button size="small" disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid={`${testId}-prev`}>
            上一页
          </Button>
          <Button size="small" disabled={page >= pages} onClick={() => onPage(page + 1)} data-testid={`${testId}-next`}>
            下一页
          </Button>
        </span>
      )}
    </div>
  );
}
