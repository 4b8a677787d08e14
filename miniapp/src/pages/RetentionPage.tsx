/**
 * 留才雷达 (HR and supervisors): the current week's risks by band, each with its drivers in words (and, for HR, the
 * probability and the rule's reading), and a plain statement that the score is a prompt to talk, not a verdict.
 */
import { useCallback, useEffect, useState } from 'react';
import type { RetentionRiskList, RetentionRiskView } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import Skeleton from 'antd-mobile/es/components/skeleton';
import { errorMessage } from '../api/client';
import { getRisks } from '../api/retentionEndpoints';
import { PageLayout } from '../components/PageLayout';
import { navigate } from '../router/hashRoute';
import { BandTag, ScoreNotice, percent } from '../retention/RiskBits';

type State = { status: 'loading' } | { status: 'ready'; list: RetentionRiskList } | { status: 'error'; message: string };
const FILTERS: { key: string | null; label: string }[] = [
  { key: null, label: '全部' },
  { key: '高', label: '高' },
  { key: '中', label: '中' },
  { key: '低', label: '低' },
  { key: 'none', label: '暂无等级' },
];

function RiskItem({ r }: { r: RetentionRiskView }) {
  return (
    <li className="risk-item" data-testid="risk-item">
      <button type="button" className="risk-open" onClick={() => navigate('/retention-person', { query: { u: r.userid } })}>
        <div className="risk-head">
          <strong>{r.name}</strong>
          <BandTag band={r.band} />
          {r.asHr && r.probabilityBp !== null && <span className="muted small">离职可能 {percent(r.probabilityBp)}</span>}
          {r.review && <span className="muted small">已复核：{r.review.outcome}</span>}
        </div>
        <div className="muted small">{[r.deptName, r.title].filter(Boolean).join(' · ')}</div>
        {r.drivers.length > 0 ? (
          <ul className="risk-drivers">
            {r.drivers.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{r.modelNote ?? '没有明显变化'}</p>
        )}
        {r.rule && (
          <p className="muted small risk-rule">
            规则（{r.rule.version}）：{r.rule.reason}
          </p>
        )}
      </button>
    </li>
  );
}

export default function RetentionPage() {
  const [band, setBand] = useState<string | null>(null);
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(async (b: string | null) => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', list: await getRisks(b ?? undefined) });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    void load(band);
  }, [load, band]);

  const counts = state.status === 'ready' ? state.list.counts : null;
  return (
    <PageLayout title="留才雷达" testId="retention-page" width="wide">
      <section className="card">
        <div className="card-head">
          <h2>留才雷达</h2>
          {state.status === 'ready' && state.list.weekStart && <span className="muted small">{state.list.weekStart} 起的一周</span>}
        </div>
        <ScoreNotice />
        <div className="log-filters" data-testid="band-filters">
          {FILTERS.map((f) => (
            <Button
              key={f.key ?? 'all'}
              size="mini"
              color={band === f.key ? 'primary' : 'default'}
              fill={band === f.key ? 'solid' : 'outline'}
              onClick={() => setBand(f.key)}
            >
              {f.label}
              {counts ? ` ${f.key ? counts[f.key as keyof typeof counts] : counts.高 + counts.中 + counts.低 + counts.none}` : ''}
            </Button>
          ))}
        </div>
      </section>
      <section className="card" data-testid="risk-list">
        {state.status === 'loading' && <Skeleton.Paragraph lineCount={6} animated />}
        {state.status === 'error' && (
          <ErrorBlock status="default" title="加载失败" description={state.message}>
            <Button color="primary" size="small" onClick={() => void load(band)}>
              重试
            </Button>
          </ErrorBlock>
        )}
        {state.status === 'ready' && state.list.weekStart === null && <p className="muted">还没有算出风险：考勤和请假同步满一周后自动计算。</p>}
        {state.status === 'ready' && state.list.weekStart !== null && state.list.risks.length === 0 && <p className="muted">没有符合条件的人。</p>}
        {state.status === 'ready' && state.list.risks.length > 0 && (
          <ul className="risk-list">
            {state.list.risks.map((r) => (
              <RiskItem key={r.userid} r={r} />
            ))}
          </ul>
        )}
      </section>
    </PageLayout>
  );
}
