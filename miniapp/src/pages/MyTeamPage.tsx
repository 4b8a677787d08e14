/**
 * 我的团队 (supervisors): the match scores of one's reports — the tier distribution, then each report with score,
 * tier, main gap, every dimension and HR's decision, 20 a page (filtered by tier and paged by the server). The
 * supervisor sees, never decides: decisions are HR's.
 */
import { useEffect, useState } from 'react';
import type { TalentReview } from '@liucai/shared';
import { errorMessage } from '../api/client';
import { REVIEW_PAGE_SIZE, getTalentReview } from '../api/talentEndpoints';
import { PageLayout } from '../components/PageLayout';
import { LoadingCard, RetryCard } from '../components/LoadStates';
import { Pager } from '../components/Pager';
import { TalentPersonCard } from '../talent/TalentPersonCard';
import { TierSummary } from '../talent/TierSummary';
import { TIER_TEXT, type TierKey } from '../talent/tierDisplay';
import '../talent/talent.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; team: TalentReview };

export default function MyTeamPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [filter, setFilter] = useState<TierKey | null>(null);
  const [page, setPage] = useState(1);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    let live = true;
    // The review answers a supervisor's reports and the supervisor; the team is the reports (excludeSelf).
    getTalentReview({ excludeSelf: true, tier: filter ?? undefined, page, pageSize: REVIEW_PAGE_SIZE }).then(
      (team) => live && setState({ status: 'ready', team }),
      (err: unknown) => live && setState({ status: 'error', message: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [filter, page, reload]);

  const team = state.status === 'ready' ? state.team : null;
  const none = team !== null && team.total === 0 && filter === null;
  return (
    <PageLayout title="我的团队" testId="my-team-page">
      {state.status === 'loading' && <LoadingCard lines={5} />}
      {state.status === 'error' && (
        <RetryCard
          what="我的团队"
          message={state.message}
          onRetry={() => {
            setState({ status: 'loading' });
            setReload((n) => n + 1);
          }}
          testId="team-error"
        />
      )}
      {none && (
        <section className="card">
          <div className="empty-text" data-testid="team-empty">
            还没有下属的匹配度：每晚根据 CRM 数据计算
          </div>
        </section>
      )}
      {team && !none && (
        <>
          <TierSummary
            review={team}
            filter={filter}
            onFilter={(t) => {
              setFilter(t);
              setPage(1);
            }}
          />
          <div className="section-title">
            {filter ? `${TIER_TEXT[filter]}（共 ${team.total} 人）` : `下属（共 ${team.total} 人）`}，按匹配度从高到低；档位由 HR 决定
          </div>
          <div className="talent-list" data-testid="team-list">
            {team.people.map((p) => (
              <TalentPersonCard key={p.userid} person={p} />
            ))}
          </div>
          <div className="talent-pager">
            <Pager total={team.total} page={team.page} pageSize={team.pageSize} unit="人" onPage={setPage} testId="team-pager" />
          </div>
        </>
      )}
    </PageLayout>
  );
}
