/**
 * 申诉 (HR and admins): every dispute of people within my departments (the server's scope), newest first — filtered
 * by state (待处理 / 已调整 / 已驳回 / 全部, with counts) and by a search on the name, the month or the line — each with
 * the line, paid → expected and the reason; open ones answered here with 调整（下期发放） or 驳回 through the same
 * resolve API as on 发放批次, resolved ones with how, by whom and when.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { PAYOUT_DISPUTE_STATUSES, periodText, type PayoutDisputeStatus, type PayoutDisputeView } from '@liucai/shared';
import SearchBar from 'antd-mobile/es/components/search-bar';
import Selector from 'antd-mobile/es/components/selector';
import { errorMessage } from '../api/client';
import { listDisputes } from '../api/payEndpoints';
import { PageLayout } from '../components/PageLayout';
import { LoadingCard, RetryCard } from '../components/LoadStates';
import { DisputeItem } from '../pay/DisputesCard';
import '../pay/pay.css';

type Filter = PayoutDisputeStatus | 'all';
type Load = { status: 'loading' } | { status: 'ready'; disputes: PayoutDisputeView[] } | { status: 'error'; message: string };

const FILTERS: Filter[] = ['open', 'adjusted', 'rejected', 'all'];
const LIST_TITLE: Record<Filter, string> = { open: '待处理的申诉', adjusted: '已调整的申诉', rejected: '已驳回的申诉', all: '全部申诉' };

/** Whether `d` matches the search text (name, userid, month as yyyy-mm or “2026 年 11 月”, line, reason). */
function matches(d: PayoutDisputeView, q: string): boolean {
  if (!q) return true;
  const hay = [d.person.name, d.person.userid, d.period, periodText(d.period), d.line?.label ?? '', d.reason].join(' ').toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

export default function PayoutDisputesPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [filter, setFilter] = useState<Filter>('open');
  const [query, setQuery] = useState('');
  const refresh = useCallback(async () => {
    try {
      setLoad({ status: 'ready', disputes: await listDisputes() });
    } catch (err) {
      setLoad({ status: 'error', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const all = load.status === 'ready' ? load.disputes : [];
  const counts = useMemo(() => {
    const c: Record<Filter, number> = { open: 0, adjusted: 0, rejected: 0, all: all.length };
    for (const d of all) c[d.status] += 1;
    return c;
  }, [all]);
  const shown = all.filter((d) => (filter === 'all' || d.status === filter) && matches(d, query.trim()));
  const label = (f: Filter) => `${f === 'all' ? '全部' : PAYOUT_DISPUTE_STATUSES[f]} ${counts[f]}`;

  return (
    <PageLayout title="申诉" testId="payout-disputes-page">
      <section className="card" data-testid="dispute-filters">
        <p className="muted small sim-intro">员工对已发布激励明细的申诉。调整在该员工的下一期发放批次中作为“申诉调整”发放，已锁定的批次不会改变。</p>
        <Selector
          options={FILTERS.map((f) => ({ label: label(f), value: f }))}
          value={[filter]}
          onChange={(v) => v[0] && setFilter(v[0])}
          data-testid="dispute-filter"
        />
        <SearchBar
          className="dispute-search"
          placeholder="按姓名、月份（如 2026-11）或项目筛选"
          value={query}
          onChange={setQuery}
          data-testid="dispute-search"
        />
      </section>
      {load.status === 'loading' && <LoadingCard lines={4} />}
      {load.status === 'error' && <RetryCard what="申诉" message={load.message} onRetry={() => void refresh()} testId="disputes-error" />}
      {load.status === 'ready' && (
        <section className="card" data-testid="dispute-list">
          <div className="card-head">
            <h2>{LIST_TITLE[filter]}</h2>
            <span className="muted small" data-testid="dispute-count">
              {shown.length} 条
            </span>
          </div>
          {shown.length === 0 ? (
            <div className="empty-text" data-testid="dispute-list-empty">
              {all.length === 0 ? '还没有申诉。' : '没有符合条件的申诉。'}
            </div>
          ) : (
            <ul className="payout-lines">
              {shown.map((d) => (
                <DisputeItem key={d.id} d={d} showStatus onDone={() => void refresh()} />
              ))}
            </ul>
          )}
        </section>
      )}
    </PageLayout>
  );
}
