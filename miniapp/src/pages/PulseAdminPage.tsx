/**
 * 脉搏调查 (HR): schedule the built-in anonymous pulse survey for a team of one's departments (once, every two weeks or
 * monthly), follow each round's participation, and read a closed round's results by team — only groups the
 * disclosure rule shows (at least 5 respondents, no subtraction isolating fewer); the others say 样本不足 5 人，不显示.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  PULSE_CADENCE_LABELS,
  PULSE_CADENCES,
  PULSE_MEASURE_LABELS,
  PULSE_TEMPLATE,
  zh,
  type DepartmentRef,
  type PulseCadence,
  type PulseGroupView,
  type PulseResultsView,
  type PulseSurveyView,
} from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Dialog from 'antd-mobile/es/components/dialog';
import ProgressBar from 'antd-mobile/es/components/progress-bar';
import Selector from 'antd-mobile/es/components/selector';
import Tag from 'antd-mobile/es/components/tag';
import Toast from 'antd-mobile/es/components/toast';
import { errorMessage } from '../api/client';
import { getDirectoryDepartments } from '../api/endpoints';
import { createPulseSurvey, getPulseResults, getPulseSurveys, stopPulseSurvey } from '../api/pulseEndpoints';
import { PageLayout } from '../components/PageLayout';
import { LoadingCard, RetryCard } from '../components/LoadStates';
import { useLoaded } from '../components/useLoaded';
import { navigate, useHashRoute } from '../router/hashRoute';
import { percent } from '../assessment/assessmentDisplay';
import '../assessment/assessment.css';
import '../pulse/pulse.css';

export default function PulseAdminPage() {
  const { query } = useHashRoute();
  const roundId = Number(query.get('round')) || null;
  const { state, reload: load } = useLoaded(async () => {
    const [surveys, depts] = await Promise.all([getPulseSurveys(), getDirectoryDepartments()]);
    return { surveys, departments: depts.departments };
  });
  return (
    <PageLayout title="脉搏调查" testId="pulse-admin-page" back={roundId !== null}>
      {state.status === 'loading' && <LoadingCard lines={6} />}
      {state.status === 'error' && <RetryCard what="脉搏调查" message={state.message} onRetry={() => void load()} />}
      {state.status === 'ready' && (
        <div className="assess-admin">
          <div>
            <div className="section-title">调查（{state.data.surveys.length} 个）</div>
            {state.data.surveys.length === 0 && (
              <section className="card">
                <div className="empty-text">还没有脉搏调查：选择团队即可用内置模板发起</div>
              </section>
            )}
            <div className="assess-list" data-testid="pulse-surveys">
              {state.data.surveys.map((s) => (
                <SurveyCard key={s.id} survey={s} activeRound={roundId} onStopped={() => void load({ quiet: true })} />
              ))}
            </div>
          </div>
          <div>{roundId !== null ? <ResultsPanel id={roundId} /> : <ScheduleForm departments={state.data.departments} onCreated={() => void load()} />}</div>
        </div>
      )}
    </PageLayout>
  );
}

function SurveyCard({ survey, activeRound, onStopped }: { survey: PulseSurveyView; activeRound: number | null; onStopped: () => void }) {
  const [stopping, setStopping] = useState(false);
  const stop = async () => {
    const ok = await Dialog.confirm({
      content: zh`停止“${survey.title}”后不再发起新一轮；进行中的一轮照常到截止日期。确定停止吗？`,
      confirmText: '停止',
      cancelText: '再想想',
    });
    if (!ok) return;
    setStopping(true);
    try {
      await stopPulseSurvey(survey.id);
      Toast.show({ icon: 'success', content: '已停止' });
      onStopped();
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setStopping(false);
    }
  };
  return (
    <section className="card assess-task" data-testid={`pulse-survey-${survey.id}`}>
      <div className="assess-task-head">
        <span className="assess-task-title">{survey.title}</span>
        <Tag color={survey.active ? 'primary' : 'default'} fill="outline" data-testid="pulse-survey-state">
          {survey.active ? PULSE_CADENCE_LABELS[survey.cadence] : '已停止'}
        </Tag>
      </div>
      <div className="assess-task-head">
        <span className="assess-meta">{zh`${survey.deptName} · ${survey.questions.length} 道题`}</span>
        {survey.active && survey.cadence !== 'once' && (
          <Button size="mini" fill="none" color="danger" loading={stopping} onClick={() => void stop()} data-testid="pulse-stop">
            停止
          </Button>
        )}
      </div>
      {survey.rounds.map((r) => (
        <div
          key={r.id}
          className={`assess-option${r.id === activeRound ? ' chosen' : ''}`}
          role="button"
          data-testid={`pulse-round-link-${r.id}`}
          onClick={() => navigate('/pulse-admin', { query: { round: String(r.id) } })}
        >
          <div className="assess-task-head">
            <span>{zh`${r.opensOn} 至 ${r.dueOn}`}</span>
            <Tag color={r.closed ? 'default' : 'primary'}>{r.closed ? '已截止 · 看结果' : '进行中'}</Tag>
          </div>
          <div className="assess-meta">{zh`已作答 ${r.answered}/${r.invited} 人（${percent(r.answered, r.invited)}%）`}</div>
          <ProgressBar percent={percent(r.answered, r.invited)} />
        </div>
      ))}
    </section>
  );
}

function ScheduleForm({ departments, onCreated }: { departments: DepartmentRef[]; onCreated: () => void }) {
  const in7 = new Date(Date.now() + 7 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  const [title, setTitle] = useState(PULSE_TEMPLATE.title);
  const [deptId, setDeptId] = useState<number | null>(departments[0]?.id ?? null);
  const [cadence, setCadence] = useState<PulseCadence>('monthly');
  const [dueOn, setDueOn] = useState(in7);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (deptId === null) return;
    setBusy(true);
    try {
      const s = await createPulseSurvey({ title, deptId, cadence, dueOn });
      Toast.show({ icon: 'success', content: zh`已发起，${s.rounds[0]?.invited ?? 0} 人已收到工作通知` });
      setError(null);
      onCreated();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" data-testid="pulse-form">
      <div className="assess-task-title">发起脉搏调查</div>
      <div className="assess-form">
        <label>
          调查名称
          <input value={title} maxLength={100} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          团队（含下级部门的在职员工）
          <select value={deptId ?? ''} onChange={(e) => setDeptId(Number(e.target.value))} data-testid="pulse-dept">
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.path}
              </option>
            ))}
          </select>
        </label>
        <label>
          本轮截止日期
          <input type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
        </label>
        <div className="span-all">
          <div className="assess-meta">频率</div>
          <Selector
            options={PULSE_CADENCES.map((c) => ({ label: PULSE_CADENCE_LABELS[c], value: c }))}
            value={[cadence]}
            onChange={(v) => v[0] && setCadence(v[0])}
          />
        </div>
      </div>
      <div className="assess-meta">内置题目（匿名，约 1 分钟）：</div>
      <ol className="pulse-comments">
        {PULSE_TEMPLATE.questions.map((q) => (
          <li key={q.id}>
            {q.text}
            <span className="muted small">（{PULSE_MEASURE_LABELS[q.measure]}）</span>
          </li>
        ))}
      </ol>
      <div className="pulse-anon">
        匿名规则：答案不存姓名和时间；结果在本轮截止后公布，只显示作答满 5 人的团队，并且不会同时显示能相减推出少于 5 人的上下级团队。
      </div>
      {error && (
        <div className="inline-error" data-testid="pulse-form-error">
          {error}
        </div>
      )}
      <Button color="primary" block loading={busy} disabled={deptId === null || !title.trim()} onClick={() => void submit()} data-testid="pulse-create">
        发起并通知
      </Button>
    </section>
  );
}

function ResultsPanel({ id }: { id: number }) {
  const [view, setView] = useState<PulseResultsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      setView(await getPulseResults(id));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (error) return <RetryCard what="调查结果" message={error} onRetry={() => void load()} />;
  if (!view) return <LoadingCard lines={6} />;
  return (
    <section className="card" data-testid="pulse-results">
      <div className="assess-task-head">
        <span className="assess-task-title">{view.title}</span>
        <a className="link small" onClick={() => navigate('/pulse-admin')}>
          发起新调查
        </a>
      </div>
      <div className="assess-meta">{zh`${view.round.opensOn} 至 ${view.round.dueOn} · 已作答 ${view.round.answered}/${view.round.invited} 人`}</div>
      {view.note && <div className="empty-text">{view.note}</div>}
      <div className="pulse-groups">
        {view.groups.map((g) => (
          <GroupCard key={g.deptId} g={g} />
        ))}
      </div>
    </section>
  );
}

function GroupCard({ g }: { g: PulseGroupView }) {
  const r = g.result;
  return (
    <div
      className={`card pulse-group${g.shown ? '' : ' suppressed'}`}
      style={{ marginLeft: Math.min(g.depth, 4) * 12 }}
      data-testid={`pulse-group-${g.deptId}`}
    >
      <div className="assess-task-head">
        <strong>{g.deptName}</strong>
        {r && <span className="muted small">{zh`${r.respondents} 人作答`}</span>}
      </div>
      {!r && <div className="small">{g.note}</div>}
      {r && (
        <>
          {r.enps !== null && (
            <div className="assess-meta">{zh`eNPS ${r.enps > 0 ? `+${r.enps}` : r.enps}（推荐者 ${r.promoters} 人，贬损者 ${r.detractors} 人）`}</div>
          )}
          <div className="pulse-bars">
            {r.scales
              .filter((s) => s.measure !== 'enps')
              .map((s) => (
                <Bar key={s.questionId} label={PULSE_MEASURE_LABELS[s.measure]} mean={s.mean} />
              ))}
          </div>
          {r.comments.length > 0 && (
            <>
              <div className="assess-meta" style={{ marginTop: 8 }}>
                {zh`意见（${r.comments.length} 条，按文字排序，不按作答顺序）`}
              </div>
              <ul className="pulse-comments">
                {r.comments.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}

function Bar({ label, mean }: { label: string; mean: number | null }) {
  return (
    <>
      <span>{label}</span>
      <span className="pulse-bar">
        <span style={{ width: `${mean === null ? 0 : (mean / 5) * 100}%` }} />
      </span>
      <span>{mean === null ? '—' : mean.toFixed(1)}</span>
    </>
  );
}
