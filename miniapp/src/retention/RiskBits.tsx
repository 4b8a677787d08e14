/** Small pieces shared by the 留才雷达 pages: the band tag, the notice, percentages. */
import { RETENTION_SCORE_NOTICE, type RiskBand } from '@liucai/shared';
import Tag from 'antd-mobile/es/components/tag';

const BAND_COLORS: Record<RiskBand, string> = { 高: 'danger', 中: 'warning', 低: 'success' };
const BAND_LABELS: Record<RiskBand, string> = { 高: '高风险', 中: '中风险', 低: '低风险' };

export function BandTag({ band }: { band: RiskBand | null }) {
  if (!band) return <Tag color="default">暂无等级</Tag>;
  return (
    <Tag color={BAND_COLORS[band]} data-testid="band-tag">
      {BAND_LABELS[band]}
    </Tag>
  );
}

/** Said wherever a risk is shown: the score is a prompt to talk, not a verdict. */
export function ScoreNotice() {
  return (
    <p className="risk-notice" data-testid="risk-notice">
      {RETENTION_SCORE_NOTICE}
    </p>
  );
}

export const percent = (bp: number | null): string => (bp === null ? '—' : `${Math.round(bp / 100)}%`);
