/**
 * 人才盘点 (HR, admins): the newest month's match scores of the people in one's scope against the job model — the
 * tier distribution, then three views: 名单 (each person with score, tier, main gap and every dimension, where HR
 * agrees with or adjusts the suggested tier; searched, filtered, ordered and paged by the server, 20 a page),
 * 按部门 (the distribution per department, counted by the server) and 九宫格 (tier × recent sales). 导出 downloads
 * everyone in scope as Excel. Read from what the nightly job stored; nothing is computed here.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DepartmentRef, DepartmentTierRow, TalentDecisionView, TalentNineBox, TalentReview } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Skeleton from 'antd-mobile/es/components/skeleton';
import { errorMessage } from '../api/client';
import { getDirectoryDepartments } from '../api/endpoints';
import { REVIEW_PAGE_SIZE, getTalentNineBox, getTalentReview, getTalentReviewDepartments, talentReviewExportUrl } from '../api/talentEndpoints';
import { PageLayout } from '../components/PageLayout';
import { LoadingCard, RetryCard } from '../components/LoadStates';
import { Pager } from '../components/Pager';
import { useFileDownload } from '../imports/useFileDownload';
import { DepartmentTiers } from '../talent/DepartmentTiers';
import { NineBoxView } from '../talent/NineBoxView';
import { RecomputePanel } from '../talent/RecomputePanel';
import { ReviewFilters, type ReviewFilterState } from '../talent/ReviewFilters';
import { TalentPersonCard } from '../talent/TalentPersonCard';
import { TierSummary } from '../talent/TierSummary';
import { TIER_TEXT, type TierKey } from '../talent/tierDisplay';
import '../talent/talent.css';

const SEARCH_DEBOUNCE_MS = 300;

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; review: TalentReview };
type View = 'list' | 'departments' | 'nineBox';
type Lazy<T> = { status: 'idle' | 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };
type Filters = ReviewFilterState & { tier: TierKey | null; q: string; page: number };
const VIEWS: { key: View; label: string }[] = [
  { key: 'list', label: '名单' },
  { key: 'departments', label: '按部门' },
  { key: 'nineBox', label: '九宫格' },
];
const NO_FILTERS: Filters = { tier: null, departmentId: null, decision: null, sort: 'score_desc', q: '', page: 1 };

/** Load a view's data the first time it opens (and again after `reset`). */
function useLazy<T>(wanted: boolean, load: () => Promise<T>): [Lazy<T>, () => void] {
  const [state, setState] = useState<Lazy<T>>({ status: 'idle' });
  useEffect(() => {
    if (!wanted || state.status !== 'idle') return;
    setState({ status: 'loading' });
    load().then(
      (data) => setState({ status: 'ready', data }),
      (err: unknown) => setState({ status: 'error', message: errorMessage(err) }),
    );
  }, [wanted, state.status, load]);
  return [state, useCallback(() => setState({ status: 'idle' }), [])];
}

export default function TalentReviewPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [text, setText] = useState('');
  const [reload, setReload] = useState(0);
  const [pending, setPending] = useState(false);
  const [view, setView] = useState<View>('list');
  const [departments, setDepartments] = useState<DepartmentRef[]>([]);
  const files = useFileDownload();
  const listTop = useRef<HTMLDivElement>(null);
  const period = state.status === 'ready' ? state.review.period : null;

  const update = useCallback((patch: Partial<Filters>) => setFilters((f) => ({ ...f, page: 1, ...patch })), []);
  // The search goes to the server once typing pauses.
  useEffect(() => {
    if (text.trim() === filters.q) return;
    const timer = setTimeout(() => update({ q: text.trim() }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters.q, update]);

  useEffect(() => {
    let live = true;
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    setPending(true);
    getTalentReview({
      tier: filters.tier ?? undefined,
      departmentId: filters.departmentId ?? undefined,
      decision: filters.decision ?? undefined,
      q: filters.q || undefined,
      sort: filters.sort === 'score_desc' ? undefined : filters.sort,
      page: filters.page,
      pageSize: REVIEW_PAGE_SIZE,
    })
      .then(
        (review) => live && setState({ status: 'ready', review }),
        (err: unknown) => live && setState({ status: 'error', message: errorMessage(err) }),
      )
      .finally(() => live && setPending(false));
    return () => {
      live = false;
    };
  }, [filters, reload]);
  useEffect(() => {
    getDirectoryDepartments().then(
      (d) => setDepartments(d.departments),
      () => setDepartments([]),
    );
  }, []);

  const loadBox = useCallback(() => getTalentNineBox(period ?? undefined), [period]);
  const loadDepartments = useCallback(() => getTalentReviewDepartments(period).then((d) => d.rows), [period]);
  const [box, resetBox] = useLazy<TalentNineBox>(view === 'nineBox' && period !== null, loadBox);
  const [byDept, resetDepts] = useLazy<DepartmentTierRow[]>(view === 'departments' && period !== null, loadDepartments);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    resetBox();
    resetDepts();
    setReload((n) => n + 1);
  }, [resetBox, resetDepts]);

  // A decision saved on a card shows at once; the 9-box reloads with it next time it opens.
  const onDecided = useCallback(
    (d: TalentDecisionView, userid: string) => {
      setState((s) =>
        s.status !== 'ready'
          ? s
          : { status: 'ready', review: { ...s.review, people: s.review.people.map((p) => (p.userid === userid ? { ...p, decision: d } : p)) } },
      );
      resetBox();
    },
    [resetBox],
  );
  const onPage = (page: number) => {
    update({ page });
    listTop.current?.scrollIntoView?.({ block: 'start' });
  };

  const review = state.status === 'ready' ? state.review : null;
  const filtered = filters.tier !== null || filters.departmentId !== null || filters.decision !== null || filters.q !== '';
  const scoredNone = review !== null && review.total === 0 && !filtered;
  const people = review?.people ?? [];
  return (
    <PageLayout title="人才盘点" testId="talent-review-page">
      {state.status === 'loading' && <LoadingCard lines={5} />}
      {state.status === 'error' && <RetryCard what="人才盘点" message={state.message} onRetry={retry} testId="talent-error" />}
      <RecomputePanel onFinished={retry} />
      {scoredNone && (
        <section className="card">
          <div className="empty-text" data-testid="talent-empty">
            还没有匹配度：每晚同步数据后计算，发布岗位模型新版本后也会重新计算
          </div>
        </section>
      )}
      {review && !scoredNone && (
        <>
          <TierSummary review={review} filter={filters.tier} onFilter={(tier) => update({ tier })} />
          <div className="talent-toolbar">
            <div className="talent-views" role="tablist">
              {VIEWS.map((v) => (
                <button
                  key={v.key}
                  type="button"
                  role="tab"
                  aria-selected={view === v.key}
                  className={view === v.key ? 'active' : ''}
                  onClick={() => setView(v.key)}
                  data-testid={`talent-view-${v.key}`}
                >
                  {v.label}
                </button>
              ))}
            </div>
            <Button
              size="small"
              loading={files.pending !== null}
              onClick={() => void files.download(talentReviewExportUrl('xlsx', period), `人才盘点-${period ?? ''}.xlsx`)}
              data-testid="talent-export"
            >
              导出 Excel
            </Button>
          </div>
          {files.error && (
            <div className="inline-error small talent-export-error" data-testid="talent-export-error">
              导出失败：{files.error}
            </div>
          )}
          {view === 'list' && (
            <>
              <ReviewFilters text={text} onText={setText} state={filters} departments={departments} onChange={update} />
              <div className="section-title talent-list-title" ref={listTop} data-testid="talent-list-title">
                {filters.tier ? `${TIER_TEXT[filters.tier]}（共 ${review.total} 人）` : `全部（共 ${review.total} 人）`}
                {filtered && (
                  <a
                    className="link small talent-clear"
                    onClick={() => {
                      setText('');
                      setFilters({ ...NO_FILTERS, sort: filters.sort });
                    }}
                    data-testid="talent-clear"
                  >
                    清除筛选
                  </a>
                )}
              </div>
              <div className={`talent-list${pending ? ' talent-pending' : ''}`} data-testid="talent-list" aria-busy={pending}>
                {people.map((p) => (
                  <TalentPersonCard key={p.userid} person={p} onDecided={(d) => onDecided(d, p.userid)} />
                ))}
              </div>
              {review.total === 0 && (
                <section className="card">
                  <div className="empty-text" data-testid="talent-no-match">
                    没有符合筛选的人
                  </div>
                </section>
              )}
              <div className="talent-pager">
                <Pager total={review.total} page={review.page} pageSize={review.pageSize} unit="人" onPage={onPage} testId="talent-pager" />
              </div>
            </>
          )}
          {view === 'departments' && byDept.status === 'ready' && <DepartmentTiers rows={byDept.data} />}
          {view === 'nineBox' && box.status === 'ready' && <NineBoxView box={box.data} />}
          {((view === 'nineBox' && (box.status === 'loading' || box.status === 'idle')) ||
            (view === 'departments' && (byDept.status === 'loading' || byDept.status === 'idle'))) && (
            <section className="card">
              <Skeleton.Paragraph lineCount={6} animated />
            </section>
          )}
          {view === 'nineBox' && box.status === 'error' && (
            <section className="card">
              <div className="inline-error">九宫格加载失败：{box.message}</div>
            </section>
          )}
          {view === 'departments' && byDept.status === 'error' && (
            <section className="card">
              <div className="inline-error">按部门加载失败：{byDept.message}</div>
            </section>
          )}
        </>
      )}
    </PageLayout>
  );
}
