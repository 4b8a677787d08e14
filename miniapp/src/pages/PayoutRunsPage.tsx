/**
 * 发放批次 (HR and admins): create a month's run for one of my departments, follow its computation, see the totals by
 * department, then 锁定 → 审批 → 发布, and export a published run's payroll file; answer open disputes. Each step is
 * checked again by the server (state, scope); a locked run never changes.
 */
import { useCallback, useEffect, useState } from 'react';
import { periodText, zh, type DepartmentRef, type PayoutRunView } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Input from 'antd-mobile/es/components/input';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Tag from 'antd-mobile/es/components/tag';
import { errorMessage } from '../api/client';
import { getDirectoryDepartments } from '../api/endpoints';
import { createPayoutRunCall, listPayoutRuns, payoutRunStep, payrollUrl } from '../api/payEndpoints';
import { PageLayout } from '../components/PageLayout';
import { useFileDownload } from '../imports/useFileDownload';
import { yuanText } from '../pay/PayoutLines';
import { DisputesCard } from '../pay/DisputesCard';
import { ApiTokensCard } from '../pay/ApiTokensCard';
import '../pay/pay.css';

const NEXT: Record<PayoutRunView['status'], { step: 'lock' | 'approve' | 'publish'; label: string } | null> = {
  draft: { step: 'lock', label: '锁定' },
  locked: { step: 'approve', label: '审批' },
  approved: { step: 'publish', label: '发布' },
  published: null,
};
const STATE_COLOR: Record<PayoutRunView['status'], 'default' | 'primary' | 'warning' | 'success'> = {
  draft: 'default',
  locked: 'warning',
  approved: 'primary',
  published: 'success',
};

function lastMonth(): string {
  const d = new Date();
  return new Date(Date.UTC(d.getFullYear(), d.getMonth() - 1, 1)).toISOString().slice(0, 7);
}

function RunCard({ run, onChange }: { run: PayoutRunView; onChange: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const files = useFileDownload();
  const act = async (step: 'recompute' | 'lock' | 'approve' | 'publish') => {
    setBusy(step);
    setError(null);
    try {
      await payoutRunStep(run.id, step);
      onChange();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  const computing = run.computeState === 'queued' || run.computeState === 'running';
  const next = NEXT[run.status];
  return (
    <section className="card payout-run" data-testid={`run-${run.id}`}>
      <div className="card-head">
        <h2>{zh`${periodText(run.period)} · ${run.dept.name}`}</h2>
        <Tag color={STATE_COLOR[run.status]} fill="outline" data-testid="run-status">
          {run.statusLabel}
        </Tag>
      </div>
      <div className="statement-total">
        <span className="muted small">{computing ? `${run.people} 人，计算中…` : `${run.people} 人`}</span>
        <strong data-testid="run-total">{yuanText(run.totalFen)}</strong>
      </div>
      {run.computeState === 'failed' && <div className="inline-error">计算失败：{run.computeError}</div>}
      {run.departments.length > 0 && (
        <table className="run-departments" data-testid="run-departments">
          <tbody>
            {run.departments.map((d) => (
              <tr key={d.deptId}>
                <td>{d.name}</td>
                <td className="muted">{d.people} 人</td>
                <td className="num">{yuanText(d.totalFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="run-actions">
        {run.status === 'draft' && (
          <Button size="small" loading={busy === 'recompute'} onClick={() => void act('recompute')} data-testid="run-recompute">
            重新计算
          </Button>
        )}
        {next && (
          <Button
            size="small"
            color="primary"
            disabled={computing}
            loading={busy === next.step}
            onClick={() => void act(next.step)}
            data-testid={`run-${next.step}`}
          >
            {next.label}
          </Button>
        )}
        {run.status === 'published' &&
          (['csv', 'xlsx'] as const).map((f) => (
            <Button
              key={f}
              size="small"
              onClick={() => void files.download(payrollUrl(run.id, f), `工资表-${run.period}.${f}`)}
              data-testid={`run-export-${f}`}
            >
              导出工资表（{f === 'csv' ? 'CSV' : 'Excel'}）
            </Button>
          ))}
      </div>
      {(error ?? files.error) && (
        <div className="inline-error" role="alert" data-testid="run-error">
          {error ?? files.error}
        </div>
      )}
    </section>
  );
}

export default function PayoutRunsPage() {
  const [runs, setRuns] = useState<PayoutRunView[] | null>(null);
  const [depts, setDepts] = useState<DepartmentRef[]>([]);
  const [period, setPeriod] = useState(lastMonth());
  const [deptId, setDeptId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const load = useCallback(async () => {
    try {
      setRuns(await listPayoutRuns());
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => {
    void load();
    void getDirectoryDepartments().then(
      (r) => {
        setDepts(r.departments);
        setDeptId((cur) => cur ?? r.departments[0]?.id ?? null);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [load]);
  // While a run computes, look again every second.
  const computing = runs?.some((r) => r.computeState === 'queued' || r.computeState === 'running') ?? false;
  useEffect(() => {
    if (!computing) return;
    const t = setInterval(() => void load(), 1000);
    return () => clearInterval(t);
  }, [computing, load]);

  const create = async () => {
    if (deptId === null) return;
    setCreating(true);
    setError(null);
    try {
      await createPayoutRunCall({ period: period.trim(), deptId });
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setCreating(false);
    }
  };

  return (
    <PageLayout title="发放批次" testId="payout-runs-page">
      <section className="card" data-testid="run-create">
        <div className="card-head">
          <h2>新建发放批次</h2>
        </div>
        <p className="muted small sim-intro">按月、按部门计算激励：草稿可重新计算；锁定后不再改变，更正在下一期批次中调整。</p>
        <div className="sim-fields">
          <label className="sim-field">
            <span className="sim-field-label">发放月份</span>
            <Input value={period} onChange={setPeriod} placeholder="如 2026-11" data-testid="run-period" />
          </label>
          <label className="sim-field">
            <span className="sim-field-label">部门（含下级）</span>
            <select className="run-dept-select" value={deptId ?? ''} onChange={(e) => setDeptId(Number(e.target.value))} data-testid="run-dept">
              {depts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.path}
                </option>
              ))}
            </select>
          </label>
        </div>
        {error && (
          <div className="inline-error" role="alert" data-testid="run-create-error">
            {error}
          </div>
        )}
        <Button
          className="run-create-button"
          color="primary"
          size="small"
          loading={creating}
          disabled={deptId === null}
          onClick={() => void create()}
          data-testid="run-create-submit"
        >
          新建并计算
        </Button>
      </section>
      {runs === null && (
        <section className="card">
          <Skeleton.Paragraph lineCount={4} animated />
        </section>
      )}
      {runs?.length === 0 && (
        <section className="card">
          <div className="empty-text" data-testid="runs-empty">
            还没有发放批次。
          </div>
        </section>
      )}
      <DisputesCard />
      {runs?.map((r) => (
        <RunCard key={r.id} run={r} onChange={() => void load()} />
      ))}
      <ApiTokensCard />
    </PageLayout>
  );
}
