/**
 * 审计日志 (admins): who read or changed what, when, from which session — searched by person, action, object and
 * dates, a page at a time, and exported as CSV (the export is itself recorded).
 */
import { useCallback, useEffect, useState } from 'react';
import Button from 'antd-mobile/es/components/button';
import Input from 'antd-mobile/es/components/input';
import Skeleton from 'antd-mobile/es/components/skeleton';
import { errorMessage } from '../api/client';
import { apiGet } from '../api/client';
import { PageLayout } from '../components/PageLayout';
import { useFileDownload } from '../imports/useFileDownload';
import { formatCount } from '../util/format';
import '../pay/pay.css';

interface AuditEventView {
  id: string;
  at: string;
  actor: { userid: string; name: string | null };
  sessionRef: string | null;
  action: string;
  actionLabel: string;
  targetKind: string;
  targetId: string;
  subject: { userid: string; name: string | null } | null;
}
interface AuditPage {
  events: AuditEventView[];
  total: number;
  /** More than `total` match: the server counts up to 1,000. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
}
type Filter = { actor: string; action: string; targetId: string; from: string; to: string };
const EMPTY: Filter = { actor: '', action: '', targetId: '', from: '', to: '' };
const FIELDS: { key: keyof Filter; label: string; placeholder: string }[] = [
  { key: 'actor', label: '操作人账号', placeholder: '钉钉账号' },
  { key: 'action', label: '操作代码', placeholder: '如 pay.statement.read 或 pay.run.' },
  { key: 'targetId', label: '对象编号', placeholder: '如批次或明细编号' },
  { key: 'from', label: '开始日期', placeholder: 'yyyy-mm-dd' },
  { key: 'to', label: '结束日期', placeholder: 'yyyy-mm-dd' },
];
const PAGE_SIZE = 20;

const query = (f: Filter, page?: number) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v.trim()) q.set(k, v.trim());
  if (page) {
    q.set('page', String(page));
    q.set('pageSize', String(PAGE_SIZE));
  }
  return q.toString();
};
const beijing = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');

export default function AuditLogPage() {
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [applied, setApplied] = useState<Filter>(EMPTY);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<AuditPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const files = useFileDownload();
  const load = useCallback(async (f: Filter, p: number) => {
    setError(null);
    try {
      setData(await apiGet<AuditPage>(`/api/v1/audit-log?${query(f, p)}`));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => {
    void load(applied, page);
  }, [load, applied, page]);
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  // Past the count's cap the pages go on while a page comes back full.
  const more = data ? page < pages || (data.totalCapped && data.events.length === PAGE_SIZE) : false;
  const plus = data?.totalCapped ? '+' : '';
  const shownPages = data?.totalCapped ? Math.max(pages, page) : pages;

  return (
    <PageLayout title="审计日志" testId="audit-log-page">
      <section className="card" data-testid="audit-filter">
        <div className="sim-fields">
          {FIELDS.map((f) => (
            <label key={f.key} className="sim-field">
              <span className="sim-field-label">{f.label}</span>
              <Input
                value={filter[f.key]}
                onChange={(v) => setFilter((s) => ({ ...s, [f.key]: v }))}
                placeholder={f.placeholder}
                data-testid={`audit-${f.key}`}
              />
            </label>
          ))}
        </div>
        {(error ?? files.error) && (
          <div className="inline-error" role="alert" data-testid="audit-error">
            {error ?? files.error}
          </div>
        )}
        <div className="run-actions run-create-button">
          <Button
            size="small"
            color="primary"
            onClick={() => {
              setPage(1);
              setApplied({ ...filter });
            }}
            data-testid="audit-search"
          >
            查询
          </Button>
          <Button size="small" onClick={() => void files.download(`/api/v1/audit-log/export.csv?${query(applied)}`, '审计日志.csv')} data-testid="audit-export">
            导出 CSV
          </Button>
        </div>
      </section>
      <section className="card" data-testid="audit-events">
        {!data && !error && <Skeleton.Paragraph lineCount={5} animated />}
        {data && (
          <>
            <div className="muted small" data-testid="audit-total">
              共 {formatCount(data.total)}
              {plus} 条
            </div>
            {data.events.length === 0 && <div className="empty-text">没有符合条件的记录。</div>}
            <ul className="payout-lines">
              {data.events.map((e) => (
                <li key={e.id} className="payout-line" data-testid="audit-event" data-action={e.action}>
                  <div className="payout-line-head">
                    <span className="payout-line-label">{e.actionLabel}</span>
                    <span className="muted small">{beijing(e.at)}</span>
                  </div>
                  <div className="payout-line-explain">
                    {e.actor.name ?? e.actor.userid}（{e.actor.userid}）→ {e.targetKind} #{e.targetId}
                    {e.subject ? `，涉及 ${e.subject.name ?? e.subject.userid}` : ''}
                    {e.sessionRef ? `，会话 ${e.sessionRef}` : ''}
                  </div>
                </li>
              ))}
            </ul>
            <div className="run-actions">
              <Button size="small" disabled={page <= 1} onClick={() => setPage(page - 1)} data-testid="audit-prev">
                上一页
              </Button>
              <span className="muted small" data-testid="audit-page">
                第 {page} / {formatCount(shownPages)}
                {plus} 页
              </span>
              <Button size="small" disabled={!more} onClick={() => setPage(page + 1)} data-testid="audit-next">
                下一页
              </Button>
            </div>
          </>
        )}
      </section>
    </PageLayout>
  );
}
