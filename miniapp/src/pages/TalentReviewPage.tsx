/**
 * 人才盘点 (HR, admins): the newest month's match scores of the people in one's scope against the job model — the
 * tier distribution, then each person with score, tier, main gap and every dimension. Read from what the nightly job
 * stored; nothing is computed here.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TalentReview } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Skeleton from 'antd-mobile/es/components/skeleton';
import { errorMessage } from '../api/client';
import { getTalentReview } from '../api/talentEndpoints';
import { PageLayout } from '../components/PageLayout';
import { TalentPersonCard } from '../talent/TalentPersonCard';
import { TierSummary } from '../talent/TierSummary';
import { TIER_TEXT, type TierKey } from '../talent/tierDisplay';
import '../talent/talent.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; review: TalentReview };

export default function TalentReviewPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [filter, setFilter] = useState<TierKey | null>(null);
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', review: await getTalentReview() });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const people = state.status === 'ready' ? state.review.people.filter((p) => filter === null || (p.tier ?? 'insufficient') === filter) : [];
  return (
    <PageLayout title="人才盘点" testId="talent-review-page">
      {state.status === 'loading' && (
        <section className="card">
          <Skeleton.Title animated />
          <Skeleton.Paragraph lineCount={5} animated />
        </section>
      )}
      {state.status === 'error' && (
        <section className="card" data-testid="talent-error">
          <div className="inline-error">人才盘点加载失败：{state.message}</div>
          <Button size="small" onClick={() => void load()}>
            重试
          </Button>
        </section>
      )}
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
          <div className="section-title">{filter ? `${TIER_TEXT[filter]}（${people.length} 人）` : `全部（${people.length} 人）`}，按匹配度从高到低</div>
          <div className="talent-list" data-testid="talent-list">
            {people.map((p) => (
              <TalentPersonCard key={p.userid} person={p} />
            ))}
          </div>
        </>
      )}
    </PageLayout>
  );
}
