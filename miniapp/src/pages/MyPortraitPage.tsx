/**
 * 我的画像 (everyone, own data only): my newest match score against the job model — score, tier, the main gap, and
 * every dimension's input, score, weight and contribution, or what data is missing. Read from what the nightly job
 * stored (GET /api/v1/talent/review answers an employee only themself; the page keeps only the signed-in user).
 * 月度 / 季度 switches to the newest stored quarterly portrait (QuarterPortrait.tsx).
 */
import { useCallback, useEffect, useState } from 'react';
import type { PeriodKind, TalentScoreView } from '@liucai/shared';
import { errorMessage } from '../api/client';
import { getTalentReview } from '../api/talentEndpoints';
import { PageLayout } from '../components/PageLayout';
import { LoadingCard, RetryCard } from '../components/LoadStates';
import { useSession } from '../session/SessionContext';
import { TalentPersonCard } from '../talent/TalentPersonCard';
import { PortraitChartsOf } from '../talent/PortraitCharts';
import { PortraitEvidenceSection } from '../talent/MetricEvidence';
import { PortraitPeriodSwitch, QuarterPortrait } from '../talent/QuarterPortrait';
import '../talent/talent.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; mine: TalentScoreView | null; jobModel: string | null };

export default function MyPortraitPage() {
  const { me } = useSession();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [kind, setKind] = useState<PeriodKind>('month');
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const review = await getTalentReview();
      setState({ status: 'ready', mine: review.people.find((p) => p.userid === me.userid) ?? null, jobModel: review.jobModel?.name ?? null });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, [me.userid]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <PageLayout title="我的画像" testId="my-portrait-page" width="wide">
      <PortraitPeriodSwitch value={kind} onChange={setKind} />
      {kind === 'quarter' && <QuarterPortrait userid={me.userid} jobModel={state.status === 'ready' ? (state.jobModel ?? undefined) : undefined} />}
      {kind === 'month' && state.status === 'loading' && <LoadingCard lines={5} />}
      {kind === 'month' && state.status === 'error' && (
        <RetryCard what="我的画像" message={state.message} onRetry={() => void load()} testId="portrait-error" />
      )}
      {kind === 'month' && state.status === 'ready' && state.mine === null && (
        <section className="card">
          <div className="empty-text" data-testid="portrait-empty">
            还没有你的匹配度：每晚根据 CRM 数据计算，有跟进或成交记录后即可看到
          </div>
        </section>
      )}
      {kind === 'month' && state.status === 'ready' && state.mine && (
        <>
          <div className="section-title">
            与“{state.jobModel ?? '岗位模型'}”的匹配度，{state.mine.period}
          </div>
          <PortraitChartsOf userid={me.userid} jobModel={state.jobModel ?? undefined} />
          <TalentPersonCard person={state.mine} />
        </>
      )}
      {kind === 'month' && state.status !== 'error' && <PortraitEvidenceSection userid={me.userid} />}
    </PageLayout>
  );
}
