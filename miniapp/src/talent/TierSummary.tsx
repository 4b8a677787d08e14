/** The tier distribution: one stacked bar and a count per tier (each count filters the list). */
import type { TalentReview } from '@liucai/shared';
import { TIER_HINT, TIER_ORDER, TIER_TEXT, type TierKey } from './tierDisplay';

export interface TierSummaryProps {
  review: TalentReview;
  filter: TierKey | null;
  onFilter(tier: TierKey | null): void;
}

export function TierSummary({ review, filter, onFilter }: TierSummaryProps) {
  const d = review.distribution;
  const total = TIER_ORDER.reduce((s, t) => s + d[t], 0);
  return (
    <section className="card" data-testid="tier-summary">
      <div className="card-head">
        <h2>分层分布</h2>
        <span className="muted small">
          {review.jobModel?.name ?? ''} · {review.period ?? ''} · 共 {total} 人
        </span>
      </div>
      <div className="tier-bar" aria-hidden>
        {TIER_ORDER.filter((t) => d[t] > 0).map((t) => (
          <span key={t} className={`tier-bar-part tier-${t}`} style={{ flexGrow: d[t] }} />
        ))}
      </div>
      <div className="tier-counts">
        {TIER_ORDER.map((t) => (
          <button
            key={t}
            type="button"
            className={`tier-count tier-count-${t}${filter === t ? ' active' : ''}`}
            onClick={() => onFilter(filter === t ? null : t)}
            data-testid={`tier-count-${t}`}
            title={TIER_HINT[t]}
          >
            <span className={`tier-dot tier-${t}`} />
            <span className="tier-count-label">{TIER_TEXT[t]}</span>
            <span className="tier-count-value">{d[t]}</span>
            <span className="tier-count-share muted small">{total > 0 ? `${Math.round((d[t] * 100) / total)}%` : '—'}</span>
          </button>
        ))}
      </div>
      <p className="muted small tier-note">分层是系统建议，不是决定：匹配度 ≥ 80 立即转型，60 到 80 先培训，低于 60 调岗。点击数字筛选名单。</p>
    </section>
  );
}
