/**
 * 测评 (everyone): my answer sheets — about myself and, for supervisors, about my reports — to start, resume or look
 * back on; `?sheet=<id>` opens one (the first opening starts its time limit). Below, my results: my own rating and my
 * supervisor's, kept apart. On top, the anonymous pulse surveys (脉搏调查) one is invited to.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AnswerSheet, AssessmentResult, AssessmentTask, PersonAssessments } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ProgressBar from 'antd-mobile/es/components/progress-bar';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Tag from 'antd-mobile/es/components/tag';
import { errorMessage } from '../api/client';
import { getMyAssessments, getPersonAssessments, openSheet } from '../api/assessmentEndpoints';
import { PageLayout } from '../components/PageLayout';
import { navigate, useHashRoute } from '../router/hashRoute';
import { useSession } from '../session/SessionContext';
import { AnswerSheetView } from '../assessment/AnswerSheetView';
import { TASK_STATE_COLOR, TASK_STATE_TEXT, percent } from '../assessment/assessmentDisplay';
import { PulseInbox } from '../pulse/PulseInbox';
import '../assessment/assessment.css';

type ListState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; tasks: AssessmentTask[]; results: PersonAssessments };
type SheetState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; sheet: AnswerSheet };

export default function AssessmentsPage() {
  const { query } = useHashRoute();
  const sheetId = Number(query.get('sheet')) || null;
  return (
    <PageLayout title="测评" testId="assessments-page" back={sheetId !== null}>
      {sheetId === null ? <TaskList /> : <Sheet id={sheetId} />}
    </PageLayout>
  );
}

function Sheet({ id }: { id: number }) {
  const [state, setState] = useState<SheetState>({ status: 'loading' });
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', sheet: await openSheet(id) });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <section className="card">
        <div className="inline-error">测评加载失败：{state.message}</div>
        <Button size="small" onClick={() => navigate('/assessments')}>
          返回列表
        </Button>
      </section>
    );
  return <AnswerSheetView key={id} initial={state.sheet} onDone={() => navigate('/assessments')} />;
}

function TaskList() {
  const { me } = useSession();
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const [tasks, results] = await Promise.all([getMyAssessments(), getPersonAssessments(me.userid)]);
      setState({ status: 'ready', tasks, results });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, [me.userid]);
  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <section className="card">
        <div className="inline-error">测评加载失败：{state.message}</div>
        <Button size="small" onClick={() => void load()}>
          重试
        </Button>
      </section>
    );
  const open = state.tasks.filter((t) => t.state === 'new' || t.state === 'inProgress');
  const past = state.tasks.filter((t) => t.state !== 'new' && t.state !== 'inProgress');
  return (
    <>
      <PulseInbox />
      <div className="section-title">待完成（{open.length} 份）</div>
      {open.length === 0 && (
        <section className="card">
          <div className="empty-text" data-testid="assessments-empty">
            没有待完成的测评：HR 发起测评后，这里和钉钉工作通知都会提醒你
          </div>
        </section>
      )}
      <div className="assess-list cols" data-testid="open-tasks">
        {open.map((t) => (
          <TaskCard key={t.responseId} task={t} />
        ))}
      </div>
      {(state.results.self.length > 0 || state.results.supervisor.length > 0) && (
        <>
          <div className="section-title">我的测评结果</div>
          <div className="assess-list cols" data-testid="my-results">
            <Results title="自评" results={state.results.self} />
            <Results title="主管评价" results={state.results.supervisor} />
          </div>
        </>
      )}
      {past.length > 0 && (
        <>
          <div className="section-title">已结束（{past.length} 份）</div>
          <div className="assess-list cols">
            {past.map((t) => (
              <TaskCard key={t.responseId} task={t} />
            ))}
          </div>
        </>
      )}
    </>
  );
}

function TaskCard({ task }: { task: AssessmentTask }) {
  const action = task.state === 'new' ? '开始作答' : task.state === 'inProgress' ? '继续作答' : '查看';
  return (
    <section className="card assess-task" data-testid={`task-${task.responseId}`}>
      <div className="assess-task-head">
        <span className="assess-task-title">{task.title}</span>
        <Tag color={TASK_STATE_COLOR[task.state]}>{TASK_STATE_TEXT[task.state]}</Tag>
      </div>
      <div className="assess-meta">
        {task.questionnaireName} · {task.role === 'supervisor' ? `评价下属：${task.subject.name}` : '自评'}
      </div>
      <div className="assess-meta">
        截止 {task.dueOn}
        {task.timeLimitMinutes ? ` · 限时 ${task.timeLimitMinutes} 分钟（开始作答后计时）` : ''} · 已答 {task.answered}/{task.items} 题
      </div>
      <ProgressBar percent={percent(task.answered, task.items)} />
      <Button
        color={task.state === 'new' || task.state === 'inProgress' ? 'primary' : 'default'}
        size="middle"
        onClick={() => navigate('/assessments', { query: { sheet: String(task.responseId) } })}
      >
        {action}
      </Button>
    </section>
  );
}

function Results({ title, results }: { title: string; results: AssessmentResult[] }) {
  const newest = results[0];
  return (
    <section className="card" data-testid={`results-${title}`}>
      <div className="assess-task-title">{title}</div>
      {!newest && <div className="empty-text">暂无</div>}
      {newest && (
        <>
          <div className="assess-meta">
            {newest.title} · {newest.questionnaire.name} v{newest.questionnaire.version} · {newest.rater.name}
          </div>
          {newest.dimensions.map((d) => (
            <div key={d.dimension} className="assess-score-row">
              <span>{d.label}</span>
              <ProgressBar percent={Number(d.score ?? 0)} />
              <span>{d.score ?? '—'}</span>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function Loading() {
  return (
    <section className="card">
      <Skeleton.Title animated />
      <Skeleton.Paragraph lineCount={5} animated />
    </section>
  );
}
