/**
 * 我的画像 and 员工档案 → 画像: the radar of the newest score against the job model and the trend over the last
 * quarters, side by side on a wide screen, one above the other on a phone. `PortraitChartsOf` loads the person's
 * stored scores itself (GET /api/v1/talent/people/:userid, in scope: oneself always).
 */
import { useEffect, useState } from 'react';
import { periodLabel, type TalentPersonScores, type TalentScoreView } from '@liucai/shared';
import { errorMessage } from '../api/client';
import { getTalentPerson } from '../api/talentEndpoints';
import { PortraitRadar } from './PortraitRadar';
import { ScoreTrend } from './ScoreTrend';
import './talent.css';

/**
 * `scores`: the person's stored scores, newest first (the first is the radar's: a month's, or on 季度 a quarter's);
 * `trendMonths` and `quarterScores`: what the quarterly trend reads (stored quarters first, months where none).
 */
export function PortraitCharts({
  scores,
  trendMonths = scores,
  quarterScores,
  jobModel = '岗位模型',
}: {
  scores: TalentScoreView[];
  trendMonths?: TalentScoreView[];
  quarterScores: TalentScoreView[];
  jobModel?: string;
}) {
  const newest = scores[0];
  if (!newest) return null;
  return (
    <div className="portrait-charts" data-testid="portrait-charts">
      <section className="portrait-chart">
        <div className="section-label">各维度与岗位模型（{periodLabel(newest.period)}）</div>
        <PortraitRadar person={newest} jobModel={jobModel} />
      </section>
      <section className="portrait-chart">
        <div className="section-label">匹配度趋势（每季度）</div>
        <ScoreTrend scores={trendMonths} quarterScores={quarterScores} />
      </section>
    </div>
  );
}

export function PortraitChartsOf({ userid, jobModel }: { userid: string; jobModel?: string }) {
  const [state, setState] = useState<Pick<TalentPersonScores, 'scores' | 'quarterScores'> | { failed: string } | null>(null);
  useEffect(() => {
    let live = true;
    getTalentPerson(userid).then(
      (data) => live && setState({ scores: data.scores, quarterScores: data.quarterScores }),
      (err: unknown) => live && setState({ failed: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [userid]);
  if (state === null) return null;
  if ('failed' in state) return <div className="inline-error">图表加载失败：{state.failed}</div>;
  return <PortraitCharts scores={state.scores} quarterScores={state.quarterScores} jobModel={jobModel} />;
}
