/**
 * 测评管理 (HR, admins): launch a published questionnaire version to departments in one's scope, the cycles with
 * their completion, one cycle's completion (submitted, in progress, not started; by department with progress bars),
 * its sheets a page at a time (filtered on the server by status, department and name) and a 催办 button, and the questionnaires (the built-in question bank first) with their items.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  QUESTION_KIND_LABELS,
  dimensionLabel,
  type CycleDetail,
  type CycleSheetStatus,
  type CycleSummary,
  type DepartmentRef,
  type QuestionKind,
  type QuestionnaireView,
} from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ProgressBar from 'antd-mobile/es/components/progress-bar';
import SearchBar from 'antd-mobile/es/components/search-bar';
import Selector from 'antd-mobile/es/components/selector';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Switch from 'antd-mobile/es/components/switch';
import Tag from 'antd-mobile/es/components/tag';
import Toast from 'antd-mobile/es/components/toast';
import { errorMessage } from '../api/client';
import { getDirectoryDepartments } from '../api/endpoints';
import { getCycle, getCycles, getQuestionnaires, launchCycle, remindCycle } from '../api/assessmentEndpoints';
import { PageLayout } from '../components/PageLayout';
import { Pager } from '../components/Pager';
import { LoadingCard, RetryCard } from '../components/LoadStates';
import { navigate, useHashRoute } from '../router/hashRoute';
import { percent } from '../assessment/assessmentDisplay';
import { NewQuestionnaire, QuestionnaireDraftEditor } from '../assessment/QuestionnaireEditor';
import '../assessment/assessment.css';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; cycles: CycleSummary[]; questionnaires: QuestionnaireView[]; departments: DepartmentRef[] };

export default function AssessmentAdminPage() {
  const { query } = useHashRoute();
  const cycleId = Number(query.get('cycle')) || null;
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(async () => {
    try {
      const [cycles, questionnaires, depts] = await Promise.all([getCycles(), getQuestionnaires(), getDirectoryDepartments()]);
      setState({ status: 'ready', cycles, questionnaires, departments: depts.departments });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <PageLayout title="测评管理" testId="assessment-admin-page">
      {state.status === 'loading' && <LoadingCard lines={6} />}
      {state.status === 'error' && <RetryCard what="测评管理" message={state.message} onRetry={() => void load()} />}
      {state.status === 'ready' && (
        <div className="assess-admin">
          <div>
            <div className="section-title">测评（{state.cycles.length} 个）</div>
            {state.cycles.length === 0 && (
              <section className="card">
                <div className="empty-text">还没有发起过测评：在下方选择问卷和部门即可发起</div>
              </section>
            )}
            <div className="assess-list" data-testid="cycle-list">
              {state.cycles.map((c) => (
                <CycleCard key={c.id} cycle={c} active={c.id === cycleId} />
              ))}
            </div>
          </div>
          <div>{cycleId !== null ? <CyclePanel id={cycleId} onChanged={() => void load()} /> : <LaunchForm {...state} onLaunched={() => void load()} />}</div>
          <div className="span-all">
            <div className="section-title">问卷</div>
            <div className="assess-list cols">
              {state.questionnaires.map((q) => (
                <QuestionnaireCard key={q.id} q={q} onChanged={() => void load()} />
              ))}
              <NewQuestionnaire onCreated={() => void load()} />
            </div>
          </div>
        </div>
      )}
    </PageLayout>
  );
}

function CycleCard({ cycle, active }: { cycle: CycleSummary; active: boolean }) {
  return (
    <section
      className={`card assess-task${active ? ' active' : ''}`}
      data-testid={`cycle-${cycle.id}`}
      onClick={() => navigate('/assessment-admin', { query: { cycle: String(cycle.id) } })}
      style={{ cursor: 'pointer', outline: active ? '2px solid var(--adm-color-primary, #1677ff)' : undefined }}
    >
      <div className="assess-task-head">
        <span className="assess-task-title">{cycle.title}</span>
        <Tag color={cycle.closed ? 'default' : 'primary'}>{cycle.closed ? '已截止' : '进行中'}</Tag>
      </div>
      <div className="assess-meta">
        {cycle.questionnaire.name} v{cycle.questionnaire.version} · 截止 {cycle.dueOn}
        {cycle.timeLimitMinutes ? ` · 限时 ${cycle.timeLimitMinutes} 分钟` : ''}
        {cycle.supervisorRating ? ' · 含主管评价' : ''}
      </div>
      <div className="assess-meta">
        已提交 {cycle.submitted}/{cycle.total} 份（{percent(cycle.submitted, cycle.total)}%）
      </div>
      <ProgressBar percent={percent(cycle.submitted, cycle.total)} />
    </section>
  );
}

const SHEET_PAGE = 50;
const STATUS_OPTIONS = [
  { label: '全部', value: '' },
  { label: '已提交', value: 'submitted' },
  { label: '进行中', value: 'inProgress' },
  { label: '未开始', value: 'notStarted' },
] as const;
const STATUS_TAGS: Record<CycleSheetStatus, { text: string; color: 'success' | 'primary' | 'default' }> = {
  submitted: { text: '已提交', color: 'success' },
  inProgress: { text: '进行中', color: 'primary' },
  notStarted: { text: '未开始', color: 'default' },
};

function CyclePanel({ id, onChanged }: { id: number; onChanged: () => void }) {
  const [detail, setDetail] = useState<CycleDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [allDepts, setAllDepts] = useState(false);
  const [status, setStatus] = useState<CycleSheetStatus | ''>('');
  const [deptId, setDeptId] = useState<number | null>(null);
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const [page, setPage] = useState(1);
  const load = useCallback(async () => {
    try {
      setDetail(await getCycle(id, { status: status || undefined, deptId: deptId ?? undefined, q: q || undefined, page, pageSize: SHEET_PAGE }));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [id, status, deptId, q, page]);
  useEffect(() => {
    void load();
  }, [load]);
  const filter = (change: () => void) => {
    change();
    setPage(1);
  };
  const remind = async () => {
    setBusy(true);
    try {
      const r = await remindCycle(id);
      Toast.show({ content: r.reminded > 0 ? `已通过工作通知提醒 ${r.reminded} 人` : r.late === 0 ? '没有未完成的人' : '今天已经提醒过了' });
      await load();
      onChanged();
    } catch (err) {
      Toast.show({ content: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  if (error) return <div className="inline-error">{error}</div>;
  if (!detail)
    return (
      <section className="card">
        <Skeleton.Paragraph lineCount={4} animated />
      </section>
    );
  const open = detail.total - detail.submitted;
  return (
    <section className="card" data-testid="cycle-detail">
      <div className="assess-task-head">
        <span className="assess-task-title">{detail.title}</span>
        <Button size="small" onClick={() => navigate('/assessment-admin')}>
          发起新测评
        </Button>
      </div>
      <div className="assess-meta" data-testid="cycle-counts">
        已提交 {detail.submitted}/{detail.total} 份 · 进行中 {detail.inProgress} 份 · 未开始 {detail.notStarted} 份
        {detail.remindedAt ? ` · 上次催办 ${new Date(detail.remindedAt).toLocaleString('zh-CN', { hour12: false })}` : ''}
      </div>
      <ProgressBar percent={percent(detail.submitted, detail.total)} />
      <div className="section-title">按部门完成情况（{detail.departments.length} 个部门，点部门只看它的答卷）</div>
      <div data-testid="dept-progress">
        {detail.departments.slice(0, allDepts ? undefined : 8).map((d) => (
          <button
            type="button"
            key={d.deptId ?? 'none'}
            className={`assess-dept${(d.deptId ?? 0) === deptId ? ' active' : ''}`}
            onClick={() => filter(() => setDeptId((d.deptId ?? 0) === deptId ? null : (d.deptId ?? 0)))}
          >
            <span className="assess-dept-name">{d.name}</span>
            <span className="assess-meta">
              {d.submitted}/{d.total}
            </span>
            <ProgressBar percent={percent(d.submitted, d.total)} />
          </button>
        ))}
      </div>
      {detail.departments.length > 8 && (
        <Button size="small" fill="none" color="primary" onClick={() => setAllDepts(!allDepts)}>
          {allDepts ? '收起' : `显示全部 ${detail.departments.length} 个部门`}
        </Button>
      )}
      <div className="section-title">答卷（自评与主管评价分开）</div>
      <div className="assess-filters">
        <div data-testid="sheet-status">
          <Selector
            options={STATUS_OPTIONS.map((o) => ({ ...o }))}
            value={[status]}
            onChange={(v) => filter(() => setStatus((v[0] ?? '') as CycleSheetStatus | ''))}
          />
        </div>
        <select
          value={deptId ?? ''}
          onChange={(e) => filter(() => setDeptId(e.target.value === '' ? null : Number(e.target.value)))}
          data-testid="sheet-dept"
          aria-label="部门"
        >
          <option value="">全部部门</option>
          {detail.departments.map((d) => (
            <option key={d.deptId ?? 'none'} value={d.deptId ?? 0}>
              {d.name}
            </option>
          ))}
        </select>
        <SearchBar
          placeholder="搜索姓名或拼音"
          value={typed}
          onChange={(v) => {
            setTyped(v);
            if (v === '') filter(() => setQ(''));
          }}
          onSearch={(v) => filter(() => setQ(v.trim()))}
          onClear={() => filter(() => setQ(''))}
          data-testid="sheet-search"
        />
      </div>
      <div data-testid="cycle-sheets">
        {detail.sheets.items.length === 0 && <div className="empty-text">没有符合条件的答卷</div>}
        {detail.sheets.items.map((l) => (
          <div key={l.responseId} className="assess-result" data-testid={`sheet-${l.responseId}`}>
            <div className="assess-result-head">
              <span>{l.role === 'supervisor' ? `${l.rater.name} 评价 ${l.subject.name}` : `${l.subject.name} 自评`}</span>
              <Tag color={STATUS_TAGS[l.status].color}>{STATUS_TAGS[l.status].text}</Tag>
            </div>
            <div className="assess-meta">{l.department}</div>
            {l.scores && l.scores.length > 0 && (
              <div className="assess-scores">
                {l.scores.map((d) => (
                  <span key={d.dimension} className="assess-meta">
                    {d.label} {d.score ?? '—'}
                  </span>
                ))}
              </div>
            )}
          </div>
        ))}
      </div>
      <Pager total={detail.sheets.total} page={detail.sheets.page} pageSize={detail.sheets.pageSize} unit="份" onPage={setPage} testId="sheet-pager" />
      <div className="assess-actions">
        <Button color="primary" disabled={detail.closed || open === 0} loading={busy} onClick={() => void remind()} data-testid="remind">
          催办未完成的人（{open} 份）
        </Button>
      </div>
    </section>
  );
}

function LaunchForm({
  questionnaires,
  departments,
  onLaunched,
}: {
  questionnaires: QuestionnaireView[];
  departments: DepartmentRef[];
  onLaunched: () => void;
}) {
  const published = useMemo(
    () => questionnaires.flatMap((q) => q.versions.filter((v) => v.status === 'published').map((v) => ({ versionId: v.id, label: `${q.name} v${v.version}` }))),
    [questionnaires],
  );
  const in14 = new Date(Date.now() + 14 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  const [versionId, setVersionId] = useState<number | null>(published[0]?.versionId ?? null);
  const [title, setTitle] = useState('大客户能力测评');
  const [deptIds, setDeptIds] = useState<number[]>([]);
  const [dueOn, setDueOn] = useState(in14);
  const [limit, setLimit] = useState('30');
  const [supervisorRating, setSupervisorRating] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const launch = async () => {
    if (versionId === null) return;
    setBusy(true);
    try {
      const c = await launchCycle({ versionId, title, deptIds, dueOn, timeLimitMinutes: limit ? Number(limit) : null, supervisorRating });
      Toast.show({ icon: 'success', content: `已发起，${c.total} 份答卷已通过工作通知邀请` });
      setError(null);
      onLaunched();
      navigate('/assessment-admin', { query: { cycle: String(c.id) } });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" data-testid="launch-form">
      <div className="assess-task-title">发起测评</div>
      <div className="assess-form">
        <label>
          问卷版本
          <select value={versionId ?? ''} onChange={(e) => setVersionId(Number(e.target.value))}>
            {published.map((p) => (
              <option key={p.versionId} value={p.versionId}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          测评名称
          <input value={title} maxLength={100} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          截止日期
          <input type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
        </label>
        <label>
          答题限时（分钟，留空不限时）
          <input inputMode="numeric" value={limit} onChange={(e) => setLimit(e.target.value.replace(/\D/g, ''))} />
        </label>
        <label className="assess-switch">
          主管同时评价下属
          <Switch checked={supervisorRating} onChange={setSupervisorRating} />
        </label>
        <div className="span-all">
          <div className="assess-meta">测评部门（含下级部门的在职员工）</div>
          <Selector multiple options={departments.map((d) => ({ label: d.path, value: d.id }))} value={deptIds} onChange={(v) => setDeptIds(v)} />
        </div>
      </div>
      {error && (
        <div className="inline-error" data-testid="launch-error">
          {error}
        </div>
      )}
      <div className="assess-actions">
        <Button color="primary" loading={busy} disabled={versionId === null || deptIds.length === 0} onClick={() => void launch()} data-testid="launch">
          发起并通知
        </Button>
      </div>
    </section>
  );
}

function QuestionnaireCard({ q, onChanged }: { q: QuestionnaireView; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const v = q.versions.find((x) => x.id === q.currentVersionId) ?? q.versions[0];
  const draft = q.versions.find((x) => x.status === 'draft');
  const items = v?.definition.items ?? [];
  const kinds = new Map<QuestionKind, number>();
  for (const i of items) kinds.set(i.kind, (kinds.get(i.kind) ?? 0) + 1);
  const dims = [...new Set(items.flatMap((i) => i.dimensions ?? []))];
  return (
    <section className="card" data-testid={`questionnaire-${q.code}`}>
      <div className="assess-task-head">
        <span className="assess-task-title">{q.name}</span>
        <span>
          {v && <Tag color={v.status === 'published' ? 'success' : 'warning'}>{v.status === 'published' ? `v${v.version} 已发布` : `v${v.version} 草稿`}</Tag>}{' '}
          {draft && draft.id !== v?.id && <Tag color="warning">v{draft.version} 草稿</Tag>}
        </span>
      </div>
      {q.description && <div className="assess-meta">{q.description}</div>}
      <div className="assess-meta">
        {items.length} 道题：{[...kinds].map(([k, n]) => `${QUESTION_KIND_LABELS[k]} ${n}`).join('、')}
      </div>
      <div className="assess-meta">能力维度：{dims.map((d) => dimensionLabel(d)).join('、') || '无'}</div>
      <div>
        <Button size="small" fill="none" color="primary" onClick={() => setOpen(!open)}>
          {open ? '收起题目' : '查看题目'}
        </Button>
        <Button size="small" fill="none" color="primary" onClick={() => setEditing(!editing)} data-testid={`edit-${q.code}`}>
          {editing ? '收起编辑' : '编辑'}
        </Button>
      </div>
      {editing && <QuestionnaireDraftEditor q={q} onChanged={onChanged} />}
      {open &&
        items.map((i, n) => (
          <div key={i.id} className="assess-question-row">
            <Tag color="primary" fill="outline">
              {QUESTION_KIND_LABELS[i.kind]}
            </Tag>
            <span>
              {n + 1}. {i.text}
              {i.dimensions?.length ? <span className="assess-meta">（{i.dimensions.map((d) => dimensionLabel(d)).join('、')}）</span> : null}
            </span>
          </div>
        ))}
    </section>
  );
}
