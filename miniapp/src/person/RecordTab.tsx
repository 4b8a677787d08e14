/** A tab of the person page that lists records: one page at a time from `GET /api/v1/people/:userid/<tab>`. */
import { useEffect, useState, type ReactNode } from 'react';
import type { Paged } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import Skeleton from 'antd-mobile/es/components/skeleton';
import { errorMessage } from '../api/client';
import { getPersonTab } from '../api/endpoints';
import { DataTable, type Column } from '../components/DataTable';
import { Pager } from '../components/Pager';

export interface RecordTabProps<Row, P extends Paged<Row>> {
  userid: string;
  tab: string;
  columns: readonly Column<Row>[];
  rowKey(row: Row): string;
  /** What is counted, e.g. `条`, `个月`. */
  unit: string;
  empty: string;
  /** A line above the rows (totals). */
  summary?(page: P): ReactNode;
}

const PAGE_SIZE = 20;

type State<P> = { status: 'loading' } | { status: 'ready'; page: P } | { status: 'error'; message: string };

export function RecordTab<Row, P extends Paged<Row> = Paged<Row>>({ userid, tab, columns, rowKey, unit, empty, summary }: RecordTabProps<Row, P>) {
  const [page, setPage] = useState(1);
  const [state, setState] = useState<State<P>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    getPersonTab<P>(userid, tab, page, PAGE_SIZE).then(
      (p) => !cancelled && setState({ status: 'ready', page: p }),
      (err: unknown) => !cancelled && setState({ status: 'error', message: errorMessage(err) }),
    );
    return () => {
      cancelled = true;
    };
  }, [userid, tab, page, attempt]);

  if (state.status === 'loading') return <Skeleton.Paragraph lineCount={4} animated />;
  if (state.status === 'error') {
    return (
      <ErrorBlock status="default" title="加载失败" description={state.message}>
        <Button color="primary" size="small" onClick={() => setAttempt((n) => n + 1)}>
          重试
        </Button>
      </ErrorBlock>
    );
  }
  return (
    <div data-testid={`tab-${tab}`}>
      {summary && state.page.total > 0 && <div className="tab-summary small">{summary(state.page)}</div>}
      <DataTable columns={columns} rows={state.page.items} rowKey={rowKey} empty={empty} testId={`tab-${tab}-list`} />
      {state.page.total > 0 && <Pager total={state.page.total} page={page} pageSize={PAGE_SIZE} unit={unit} onPage={setPage} testId={`tab-${tab}-pager`} />}
    </div>
  );
}
