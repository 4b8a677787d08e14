/**
 * The match score over the last quarters (shared/src/talent/scoreTrend.ts: a quarter's point is its stored quarterly
 * score, else its newest stored month), with the tier lines at 80 (立即转型) and 60 (先培训). Fewer than two scored quarters: the words, no chart.
 */
import { useMemo } from 'react';
import { scoreTrend, type TrendScoreInput } from '@liucai/shared';
import { LazyChart } from './charts/LazyChart';
import type { TalentChartOption } from './charts/chartOption';

const tierLine = (y: number, name: string, color: string) => ({
  yAxis: y,
  name,
  lineStyle: { color, type: 'dashed' as const },
  label: { formatter: name, color },
});

export function ScoreTrend({ scores, quarterScores }: { scores: TrendScoreInput[]; quarterScores: TrendScoreInput[] }) {
  const trend = useMemo(() => scoreTrend(scores, 6, quarterScores), [scores, quarterScores]);
  const option = useMemo<TalentChartOption>(
    () => ({
      grid: { left: 36, right: 56, top: 24, bottom: 28 },
      tooltip: { trigger: 'axis', confine: true },
      xAxis: { type: 'category', data: trend.points.map((p) => p.quarter), axisLabel: { fontSize: 11 } },
      yAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { fontSize: 11 } },
      series: [
        {
          type: 'line',
          name: '匹配度',
          data: trend.points.map((p) => (p.score === null ? null : Number(p.score))),
          connectNulls: false,
          symbolSize: 7,
          label: { show: true, position: 'top', fontSize: 11 },
          lineStyle: { width: 2, color: '#1677ff' },
          itemStyle: { color: '#1677ff' },
          markLine: { symbol: 'none', silent: true, data: [tierLine(80, '立即转型', '#00b42a'), tierLine(60, '先培训', '#ff7d00')] },
        },
      ],
    }),
    [trend],
  );
  if (trend.insufficient)
    return (
      <div className="chart-insufficient" data-testid="score-trend-insufficient">
        {trend.insufficient}
      </div>
    );
  return <LazyChart option={option} height={240} label="近几个季度的匹配度趋势" testId="score-trend" />;
}
