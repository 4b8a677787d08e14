/**
 * 我的团队 (supervisors): the match scores of one's reports — the tier distribution, then each report with score,
 * tier, main gap, every dimension and HR's decision. The supervisor sees, never decides: decisions are HR's.
 */
import { useCallback, useEffect, useState } from 'react';
import { tierDistribution, type TalentReview } from '@liucai/shared';
import { errorMessage } from '../api/client';
import { getTalentReview } from '../api/talentEndpoints';
import { PageLayout } from '../components/PageLayout';
import { LoadingCard, RetryCard } from '../components/LoadStates';
import { useSession } from '../session/SessionContext';
import { TalentPersonCard } from '../talent/TalentPersonCard';
import { TierSummary } from '../talent/TierSummary';
import { TIER_TEXT, type TierKey } from '../talent/tierDisplay';
import '../talent/talent.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; team: TalentReview };

export default function MyTeamPage() {
  const { me } = useSession();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [filter, setFilter] = useState<TierKey | null>(null);
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      // The review answers a supervisor's reports and the supervisor; the team is the reports.
      const review = await getTalentReview();
      const people = review.people.filter((p) => p.userid !== me.userid);
      setState({ status: 'ready', team: { ...review, people, distribution: tierDistribution(people) } });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, [me.userid]);
  useEffect(() => {
    void load();
  }, [load]);

  const people = state.status === 'ready' ? state.team.people.filter((p) => filter === null || (p.tier ?? 'insufficient') === filter) : [];
  return (
    <PageLayout title="我的团队" testId="my-team-page">
      {state.status === 'loading' && <LoadingCard lines={5} />}
      {state.status === 'error' && <RetryCard what="我的团队" message={state.message} onRetry={() => void load()} testId="team-error" />}
      {state.status === 'ready' && state.team.people.length === 0 && (
        <section className="card">
          <div className="empty-text" data-testid="team-empty">
            还没有下属的匹配度：每晚根据 CRM 数据计算
          </div>
        </section>
      )}
      {state.status === 'ready' && state.team.people.length > 0 && (
        <>
          <TierSummary review={state.team} filter={filter} onFilter={setFilter} />
          <div className="section-title">
            {filter ? `${TIER_TEXT[filter]}（${people.length} 人）` : `下属（${people.length} 人）`}，按匹配度从高到低；档位由 HR 决定
          </div>
          <div className="talent-list" data-testid="team-list">
            {people.map((p) => (
              <TalentPersonCard key={p.userid} person={p} />
            ))}
          </div>
        </>
      )}
    </PageLayout>
  );
}
