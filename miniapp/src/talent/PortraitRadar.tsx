/**
 * The radar of a person's dimension scores (0–100) against the job model: every dimension's target is 100 (a score
 * of 100 means the rule's target or threshold is met). A dimension without data is drawn at 0 and its axis says
 * 数据不足; without a match score at all (too much weight lacks data) the words say what is missing, no chart.
 */
import { useMemo } from 'react';
import { zh, type TalentScoreView } from '@liucai/shared';
import { LazyChart } from './charts/LazyChart';
import type { TalentChartOption } from './charts/chartOption';

const PERSON = '#1677ff';
const TARGET = '#00b42a';

export function PortraitRadar({ person, jobModel }: { person: TalentScoreView; jobModel: string }) {
  const dims = person.dimensions;
  const missing = dims.filter((d) => d.score === null).map((d) => d.label);
  const lacking = missing.length > 0 ? zh`${missing.join('、')}没有数据，` : '';
  const option = useMemo<TalentChartOption>(
    () => ({
      color: [PERSON, TARGET],
      legend: { bottom: 0, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 12 } },
      tooltip: { trigger: 'item', confine: true },
      radar: {
        center: ['50%', '48%'],
        radius: '62%',
        indicator: dims.map((d) => ({ name: d.score === null ? `${d.label}\n数据不足` : zh`${d.label}\n${d.score}`, max: 100, min: 0 })),
        axisName: { color: '#4e5969', fontSize: 12, lineHeight: 15 },
        splitNumber: 4,
      },
      series: [
        {
          type: 'radar',
          symbolSize: 5,
          data: [
            { name: zh`${person.name}（各维度得分）`, value: dims.map((d) => (d.score === null ? 0 : Number(d.score))), areaStyle: { opacity: 0.2 } },
            { name: zh`${jobModel}目标（100）`, value: dims.map(() => 100), lineStyle: { type: 'dashed' }, symbol: 'none' },
          ],
        },
      ],
    }),
    [dims, person.name, jobModel],
  );
  if (person.score === null || dims.length === 0)
    return (
      <div className="chart-insufficient" data-testid="portrait-radar-insufficient">
        {zh`数据不足：${lacking}缺数据的权重超过允许范围，暂不画雷达图`}
      </div>
    );
  return (
    <div>
      <LazyChart option={option} height={320} label={zh`${person.name}与${jobModel}的各维度得分雷达图`} testId="portrait-radar" />
      {missing.length > 0 && <div className="muted small">{missing.join('、')}：数据不足，按 0 画出，不计入匹配度</div>}
    </div>
  );
}
