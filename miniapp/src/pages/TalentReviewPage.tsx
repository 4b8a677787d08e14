/**
 * 人才盘点 (HR, admins): the newest month's match scores of the people in one's scope against the job model — the
 * tier distribution, then three views: 名单 (each person with score, tier, main gap and every dimension, where HR
 * agrees with or adjusts the suggested tier), 按部门 (the distribution per department) and 九宫格 (tier × recent
 * sales). 导出 downloads the list as Excel. Read from what the nightly job stored; nothing is computed here.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TalentDecisionView, TalentNineBox, TalentReview } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import SearchBar from 'antd-mobile/es/components/search-bar';
import Skeleton from 'antd-mobile/es/components/skeleton';
import { errorMessage } from '../api/client';
import { getTalentNineBox, getTalentReview, talentReviewExportUrl } from '../api/talentEndpoints';
import { PageLayout } from '../components/PageLayout';
import { LoadingCard, RetryCard } from '../components/LoadStates';
import { useFileDownload } from '../imports/useFileDownload';
import { DepartmentTiers } from '../talent/DepartmentTiers';
import { NineBoxView } from '../talent/NineBoxView';
import { RecomputePanel } from '../talent/RecomputePanel';
import { TalentPersonCard } from '../talent/TalentPersonCard';
import { TierSummary } from '../talent/TierSummary';
import { TIER_TEXT, type TierKey } from '../talent/tierDisplay';
import '../talent/talent.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; review: TalentReview };
type View = 'list' | 'departments' | 'nineBox';
type BoxState = { status: 'idle' | 'loading' } | { status: 'error'; message: string } | { status: 'ready'; box: TalentNineBox };
const VIEWS: { key: View; label: string }[] = [
  { key: 'list', label: '名单' },
  { key: 'departments', label: '按部门' },
  { key: 'nineBox', label: '九宫格' },
];

export default function TalentReviewPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [filter, setFilter] = useState<TierKey | null>(null);
  const [query, setQuery] = useState('');
  const [view, setView] = useState<View>('list');
  const [box, setBox] = useState<BoxState>({ status: 'idle' });
  const files = useFileDownload();
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    setBox({ status: 'idle' });
    try {
      setState({ status: 'ready', review: await getTalentReview() });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const period = state.status === 'ready' ? state.review.period : null;
  useEffect(() => {
    if (view !== 'nineBox' || box.status !== 'idle' || period === null) return;
    setBox({ status: 'loading' });
    getTalentNineBox(period).then(
      (b) => setBox({ status: 'ready', box: b }),
      (err: unknown) => setBox({ status: 'error', message: errorMessage(err) }),
    );
  }, [view, box.status, period]);

  // A decision saved on a card shows at once; the 9-box reloads with it next time it opens.
  const onDecided = useCallback((d: TalentDecisionView, userid: string) => {
    setState((s) =>
      s.status !== 'ready'
        ? s
        : { status: 'ready', review: { ...s.review, people: s.review.people.map((p) => (p.userid === userid ? { ...p, decision: d } : p)) } },
    );
    setBox({ status: 'idle' });
  }, []);

  const people = useMemo(() => {
    if (state.status !== 'ready') return [];
    const q = query.trim().toLowerCase();
    return state.review.people.filter(
      (p) =>
        (filter === null || (p.tier ?? 'insufficient') === filter) &&
        (q === '' || [p.name, p.jobNumber, p.title, p.department?.path].some((v) => v?.toLowerCase().includes(q))),
    );
  }, [state, filter, query]);

  return (
    <PageLayout title="人才盘点" testId="talent-review-page">
      {state.status === 'loading' && <LoadingCard lines={5} />}
      {state.status === 'error' && <RetryCard what="人才盘点" message={state.message} onRetry={() => void load()} testId="talent-error" />}
      <RecomputePanel onFinished={() => void load()} />
      {state.status === 'ready' && state.review.people.length === 0 && (
        <section className="card">
          <div className="empty-text" data-testid="talent-empty">
            还没有匹配度：每晚同步数据后计算，发布岗位模型新版本后也会重新计算
          </div>
        </section>
      )}
      {state.status === 'ready' && state.review.people.length > 0 && (
        <>
          <TierSummary review={state.review} filter={filter} onFilter={setFilter} />
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
              <div className="talent-search">
                <SearchBar placeholder="按姓名、工号、部门或职位筛选" value={query} onChange={setQuery} data-testid="talent-search" />
              </div>
              <div className="section-title">{filter ? `${TIER_TEXT[filter]}（${people.length} 人）` : `全部（${people.length} 人）`}，按匹配度从高到低</div>
              <div className="talent-list" data-testid="talent-list">
                {people.map((p) => (
                  <TalentPersonCard key={p.userid} person={p} onDecided={(d) => onDecided(d, p.userid)} />
                ))}
              </div>
            </>
          )}
          {view === 'departments' && <DepartmentTiers review={state.review} />}
          {view === 'nineBox' && box.status === 'ready' && <NineBoxView box={box.box} />}
          {view === 'nineBox' && (box.status === 'loading' || box.status === 'idle') && (
            <section className="card">
              <Skeleton.Paragraph lineCount={6} animated />
            </section>
          )}
          {view === 'nineBox' && box.status === 'error' && (
            <section className="card">
              <div className="inline-error">九宫格加载失败：{box.message}</div>
            </section>
          )}
        </>
      )}
    </PageLayout>
  );
}
