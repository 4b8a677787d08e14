/**
 * 我的画像 and 员工档案 → 画像: the radar of the newest score against the job model and the trend over the last
 * quarters, side by side on a wide screen, one above the other on a phone, from the person's stored scores
 * (GET /api/v1/talent/people/:userid, in scope: oneself always).
 */
import { periodLabel, type TalentScoreView } from '@liucai/shared';
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
