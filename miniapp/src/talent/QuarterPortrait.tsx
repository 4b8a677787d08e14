/**
 * The 月度 / 季度 switch of 我的画像 and 员工档案 → 画像, and the quarterly view: the person's newest stored quarterly
 * portrait (GET /api/v1/talent/people/:userid?kind=quarter) — the quarter's match score (radar, card), the trend, and
 * each metric with its evidence over the quarter's windows. Nothing is computed here; before the job has computed a
 * quarter, the server's 数据不足 message is shown as it is.
 */
import Selector from 'antd-mobile/es/components/selector';
import Skeleton from 'antd-mobile/es/components/skeleton';
import { periodLabel, type PeriodKind } from '@liucai/shared';
import { MetricEvidenceList } from './MetricEvidence';
import { PortraitCharts } from './PortraitCharts';
import { TalentPersonCard } from './TalentPersonCard';
import { useTalentPerson } from './useTalentPerson';
import './talent.css';

const KINDS: { label: string; value: PeriodKind }[] = [
  { label: '月度', value: 'month' },
  { label: '季度', value: 'quarter' },
];

export function PortraitPeriodSwitch({ value, onChange }: { value: PeriodKind; onChange: (kind: PeriodKind) => void }) {
  return (
    <div className="portrait-period-switch" data-testid="portrait-period-switch">
      <Selector columns={2} options={KINDS} value={[value]} onChange={(v) => v[0] && onChange(v[0])} />
    </div>
  );
}

export function QuarterPortrait({ userid, jobModel }: { userid: string; jobModel?: string }) {
  const state = useTalentPerson(userid, 'quarter');
  if (state.status === 'loading') return <Skeleton.Paragraph lineCount={5} animated />;
  if (state.status === 'error')
    return (
      <section className="card">
        <div className="empty-text" data-testid="quarter-portrait-empty">
          {state.message}
        </div>
      </section>
    );
  const { quarterScores, scores, portrait } = state.data;
  const newest = quarterScores[0];
  return (
    <div className="quarter-portrait" data-testid="quarter-portrait">
      {portrait && (
        <>
          <div className="section-title">季度画像：{periodLabel(portrait.period)}</div>
          <div className="muted small quarter-portrait-note">
            成交数和成交额是本季度三个月的合计；成交率、跨部门协作按本季度三个月计算；近 12、24 个月的指标截至本季度最后一天
          </div>
        </>
      )}
      {newest ? (
        <>
          <PortraitCharts scores={quarterScores} trendMonths={scores} quarterScores={quarterScores} jobModel={jobModel} />
          <TalentPersonCard person={newest} />
        </>
      ) : (
        <section className="card">
          <div className="empty-text">这个季度还没有匹配度：有已发布的岗位模型后，重新计算季度最后一个月即可得到</div>
        </section>
      )}
      {portrait && (
        <section className="card portrait-evidence" data-testid="quarter-portrait-evidence">
          <div className="section-label">画像指标（{periodLabel(portrait.period)}）</div>
          <MetricEvidenceList userid={userid} portrait={portrait} />
        </section>
      )}
    </div>
  );
}
