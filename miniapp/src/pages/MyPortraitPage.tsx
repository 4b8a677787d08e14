/**
 * 我的画像 (everyone, own data only): my newest match score against the job model — score, tier, the main gap, and
 * every dimension's input, score, weight and contribution, or what data is missing — with the charts and the newest
 * portrait's metrics and evidence. One read of my own person view (GET /api/v1/talent/people/:me: my scores, newest
 * month first, and the portrait), never the review list. 月度 / 季度 switches to the newest stored quarterly portrait
 * (QuarterPortrait.tsx).
 */
import { useState } from 'react';
import type { PeriodKind } from '@liucai/shared';
import { PageLayout } from '../components/PageLayout';
import { LoadingCard, RetryCard } from '../components/LoadStates';
import { useSession } from '../session/SessionContext';
import { TalentPersonCard } from '../talent/TalentPersonCard';
import { PortraitCharts } from '../talent/PortraitCharts';
import { MetricEvidenceList } from '../talent/MetricEvidence';
import { PortraitPeriodSwitch, QuarterPortrait } from '../talent/QuarterPortrait';
import { useTalentPerson } from '../talent/useTalentPerson';
import '../talent/talent.css';

export default function MyPortraitPage() {
  const { me } = useSession();
  const [kind, setKind] = useState<PeriodKind>('month');
  const [attempt, setAttempt] = useState(0);
  const state = useTalentPerson(me.userid, 'month', attempt);
  const data = state.status === 'ready' ? state.data : null;
  // My newest monthly score (against the first job model scoring that month, as 人才盘点 shows it).
  const mine = data?.scores[0] ?? null;
  const jobModel = mine ? data?.jobModels.find((m) => m.id === mine.jobModelId)?.name : undefined;

  return (
    <PageLayout title="我的画像" testId="my-portrait-page" width="wide">
      <PortraitPeriodSwitch value={kind} onChange={setKind} />
      {kind === 'quarter' && <QuarterPortrait userid={me.userid} jobModel={jobModel} />}
      {kind === 'month' && state.status === 'loading' && <LoadingCard lines={5} />}
      {kind === 'month' && state.status === 'error' && (
        <RetryCard what="我的画像" message={state.message} onRetry={() => setAttempt((n) => n + 1)} testId="portrait-error" />
      )}
      {kind === 'month' && data && mine === null && (
        <section className="card">
          <div className="empty-text" data-testid="portrait-empty">
            还没有你的匹配度：每晚根据 CRM 数据计算，有跟进或成交记录后即可看到
          </div>
        </section>
      )}
      {kind === 'month' && data && mine && (
        <>
          <div className="section-title">
            与“{jobModel ?? '岗位模型'}”的匹配度，{mine.period}
          </div>
          <PortraitCharts scores={data.scores} quarterScores={data.quarterScores} jobModel={jobModel} />
          <TalentPersonCard person={mine} />
        </>
      )}
      {kind === 'month' && data?.portrait && (
        <section className="card portrait-evidence" data-testid="portrait-evidence">
          <div className="section-label">画像指标（{data.portrait.period}）</div>
          <MetricEvidenceList userid={me.userid} portrait={data.portrait} />
        </section>
      )}
    </PageLayout>
  );
}
