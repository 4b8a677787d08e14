/**
 * 留才雷达 → one person (HR and their supervisor): the current band and drivers, the weekly trend, and for HR the
 * probability, the rule's reading, each signal against the person's own baseline, and the review (已沟通 / 误报).
 */
import { useCallback, useEffect, useState } from 'react';
import {
  RETENTION_REVIEW_OUTCOMES,
  SIGNAL_LABELS,
  zh,
  type RetentionPersonView,
  type RetentionReviewOutcome,
  type RetentionWeekView,
  type SignalMetric,
} from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ErrorBlock from 'antd-mobile/es/components/error-block';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Toast from 'antd-mobile/es/components/toast';
import { errorMessage } from '../api/client';
import { getRiskPerson, reviewRisk } from '../api/retentionEndpoints';
import { PageLayout } from '../components/PageLayout';
import { useHashRoute } from '../router/hashRoute';
import { BandTag, ScoreNotice, percent } from '../retention/RiskBits';
import { formatDateTime } from '../util/format';

type State = { status: 'loading' } | { status: 'ready'; view: RetentionPersonView } | { status: 'error'; message: string };
const BAND_HEIGHT = { 高: 100, 中: 60, 低: 25 } as const;

/** The weekly trend: one bar a week, its height the probability for HR, the band for a supervisor. */
function Trend({ weeks }: { weeks: RetentionWeekView[] }) {
  if (weeks.length === 0) return <p className="muted small">还没有每周记录。</p>;
  return (
    <div className="risk-trend" data-testid="risk-trend" role="img" aria-label="每周风险走势">
      {weeks.map((w) => {
        const h = w.probabilityBp !== null ? Math.max(4, w.probabilityBp / 100) : w.band ? BAND_HEIGHT[w.band] : 4;
        return (
          <div
            key={w.weekStart}
            className="risk-trend-week"
            title={`${w.weekStart}：${w.band ?? '暂无等级'}${w.probabilityBp !== null ? ` ${percent(w.probabilityBp)}` : ''}`}
          >
            <div className={`risk-bar band-${w.band ?? 'none'}`} style={{ height: `${h}%` }} />
            <span className="risk-trend-label">{w.weekStart.slice(5)}</span>
          </div>
        );
      })}
    </div>
  );
}

/** A deviation from the team in words: “低于团队 78%”, or “—” without one. */
function deviationText(bp: number | null): string {
  if (bp === null) return '—';
  if (bp === 0) return '与团队持平';
  return zh`${bp > 0 ? '高于' : '低于'}团队 ${Math.round(Math.abs(bp) / 100)}%`;
}

/**
 * HR's signal table: each signal against the person's own 12 weeks and against the main department's other active
 * members over the same 4 weeks, then the signals read from pay, talent and training (无数据 when there is none).
 */
function SignalTable({ view }: { view: RetentionPersonView }) {
  const team = view.team;
  const teamOf = new Map((team?.rows ?? []).map((r) => [r.metric as string, r]));
  return (
    <section className="card" data-testid="risk-signals">
      <div className="card-head">
        <h2>信号：与本人过去 12 周、与团队相比</h2>
      </div>
      {team && (
        <p className="muted small" data-testid="risk-team-note">
          {team.status === 'ok' ? `团队：主部门其他在职成员 ${team.peers} 人，同样的近 4 周人均` : `团队对比：${team.note ?? '数据不足'}`}
        </p>
      )}
      <div className="table-scroll">
        <table className="risk-signal-table" data-testid="risk-signal-table">
          <thead>
            <tr>
              <th>信号</th>
              <th>与本人过去 12 周相比</th>
              <th>团队人均（近 4 周）</th>
              <th>与团队相比</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(view.signals ?? {}).map(([metric, text]) => {
              const t = teamOf.get(metric);
              return (
                <tr key={metric} data-metric={metric}>
                  <th scope="row">{t?.label ?? (metric === 'communication' ? '沟通' : (SIGNAL_LABELS[metric as SignalMetric] ?? '其他'))}</th>
                  <td data-label="本人">{text}</td>
                  <td data-label="团队人均" data-testid="team-amount">
                    {t ? (t.team === null ? '数据不足' : String(t.team)) : '—'}
                  </td>
                  <td data-label="与团队相比" data-testid="team-deviation">
                    {t && t.team !== null ? deviationText(t.deviationBp) : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {view.domainSignals && view.domainSignals.length > 0 && (
        <>
          <h3>绩效、岗位匹配与培训</h3>
          <ul className="risk-drivers" data-testid="risk-domain-signals">
            {view.domainSignals.map((d) => (
              <li key={d.key} className={d.status === 'none' ? 'muted' : undefined}>
                {d.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ReviewForm({ userid, onDone }: { userid: string; onDone: () => void }) {
  const [outcome, setOutcome] = useState<RetentionReviewOutcome>('已沟通');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await reviewRisk(userid, outcome, note);
      Toast.show({ icon: 'success', content: '已记录复核' });
      setNote('');
      onDone();
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="risk-review-form" data-testid="review-form">
      <div className="log-filters">
        {RETENTION_REVIEW_OUTCOMES.map((o) => (
          <Button key={o} size="mini" color={outcome === o ? 'primary' : 'default'} fill={outcome === o ? 'solid' : 'outline'} onClick={() => setOutcome(o)}>
            {o}
          </Button>
        ))}
      </div>
      <textarea
        className="risk-note"
        data-testid="review-note"
        value={note}
        maxLength={500}
        placeholder="沟通情况或误报原因（必填）"
        onChange={(e) => setNote(e.target.value)}
      />
      <Button color="primary" size="small" loading={busy} onClick={() => void submit()} data-testid="review-submit">
        记录复核
      </Button>
    </div>
  );
}

export default function RetentionPersonPage() {
  const route = useHashRoute();
  const userid = route.query.get('u') ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });
  /** `quiet`: refresh in place (after a review), without the loading skeleton. */
  const load = useCallback(
    async (quiet = false) => {
      if (!quiet) setState({ status: 'loading' });
      try {
        setState({ status: 'ready', view: await getRiskPerson(userid) });
      } catch (err) {
        setState({ status: 'error', message: errorMessage(err) });
      }
    },
    [userid],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const view = state.status === 'ready' ? state.view : null;
  const cur = view?.current ?? null;
  return (
    <PageLayout title="风险详情" testId="retention-person-page" back width="wide">
      {state.status === 'loading' && (
        <section className="card">
          <Skeleton.Paragraph lineCount={6} animated />
        </section>
      )}
      {state.status === 'error' && <ErrorBlock status="default" title="无法查看" description={state.message} />}
      {view && (
        <>
          <section className="card" data-testid="risk-current">
            <div className="card-head">
              <h2>{cur?.name ?? '风险详情'}</h2>
              {cur && <BandTag band={cur.band} />}
            </div>
            <ScoreNotice />
            {!cur && <p className="muted">还没有此人的风险评估。</p>}
            {cur && (
              <>
                <div className="muted small">
                  {[cur.deptName, cur.title].filter(Boolean).join(' · ')} · {cur.weekStart} 起的一周
                  {cur.asHr && cur.probabilityBp !== null ? ` · 离职可能 ${percent(cur.probabilityBp)}` : ''}
                </div>
                <h3>主要原因</h3>
                {cur.drivers.length > 0 ? (
                  <ul className="risk-drivers">
                    {cur.drivers.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted small">{cur.modelNote ?? '没有明显变化'}</p>
                )}
                {cur.rule && (
                  <p className="small risk-rule" data-testid="risk-rule">
                    规则（{cur.rule.version}）：{cur.rule.reason}
                  </p>
                )}
                {cur.modelNote && cur.asHr && <p className="muted small">模型：{cur.modelNote}</p>}
              </>
            )}
          </section>
          <section className="card">
            <div className="card-head">
              <h2>每周走势</h2>
            </div>
            <Trend weeks={view.weeks} />
          </section>
          {view.signals && Object.keys(view.signals).length > 0 && <SignalTable view={view} />}
          {cur?.asHr && (
            <section className="card" data-testid="risk-reviews">
              <div className="card-head">
                <h2>复核</h2>
              </div>
              <ReviewForm userid={userid} onDone={() => void load(true)} />
              {view.reviews.length === 0 && <p className="muted small">还没有复核记录。</p>}
              <ul className="risk-reviews">
                {view.reviews.map((rv) => (
                  <li key={rv.id}>
                    <strong>{rv.outcome}</strong>{' '}
                    <span className="muted small">
                      {rv.reviewerName ?? rv.reviewerUserid} · {formatDateTime(rv.reviewedAt)} · 针对 {rv.weekStart} 起的一周
                    </span>
                    <div>{rv.note}</div>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </PageLayout>
  );
}
