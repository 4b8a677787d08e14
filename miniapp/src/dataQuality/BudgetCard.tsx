/**
 * 钉钉调用额度: this month's metered calls and events against what the edition covers (bars turn orange above 80 %
 * and red when used up or DingTalk refused), where they went, and a month's forecast at this headcount with what to
 * turn down or which edition fits.
 */
import { zh, type CallBudget } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ProgressBar from 'antd-mobile/es/components/progress-bar';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Tag from 'antd-mobile/es/components/tag';
import { formatCount, formatDateTime } from '../util/format';
import { budgetHint, budgetLevel, budgetPercent, budgetPercentText, formatMonth, overallLevel, type BudgetLevel, type Usage } from './quality';
import { ForecastTable } from './ForecastTable';

const FILL: Record<BudgetLevel, string> = {
  ok: 'var(--adm-color-primary)',
  warn: 'var(--adm-color-warning)',
  exhausted: 'var(--adm-color-danger)',
};

export interface BudgetCardProps {
  budget: CallBudget | null;
  /** Set when the budget could not be loaded. */
  error: string | null;
  onRetry(): void;
}

export function BudgetCard({ budget, error, onRetry }: BudgetCardProps) {
  const level = budget ? overallLevel(budget) : 'ok';
  return (
    <section className={`card budget-card budget-${level}`} data-testid="budget-card" data-level={budget ? level : undefined}>
      <div className="card-head">
        <h2>钉钉调用额度</h2>
        {budget && (
          <span className="budget-edition">
            <span className="muted small" data-testid="budget-month">
              {formatMonth(budget.month)}
            </span>
            <Tag color="primary" fill="outline" data-testid="budget-edition">
              {budget.editionLabel}
            </Tag>
          </span>
        )}
      </div>
      {!budget && !error && <Skeleton.Paragraph lineCount={3} animated />}
      {!budget && error && (
        <div className="inline-error inline-error-action" role="alert" data-testid="budget-error">
          <span>调用额度加载失败：{error}</span>
          <Button size="mini" color="danger" fill="outline" onClick={onRetry}>
            重试
          </Button>
        </div>
      )}
      {budget && (
        <>
          <Meter label="计量调用" unit="次" usage={budget} testId="budget" />
          <div className="muted small budget-reserve" data-testid="budget-remaining-line">
            剩余 <strong data-testid="budget-remaining">{formatCount(budget.remaining)}</strong> 次
            {budget.notifyReserve > 0 ? `，其中 ${formatCount(Math.max(0, budget.notifyReserve - budget.notifyUsed))} 次预留给工作通知` : ''}
          </div>
          <Meter label="事件推送" unit="条" usage={budget.events} testId="budget-events" />
          {budget.refused && (
            <div className="inline-error" role="alert" data-testid="budget-refused">
              钉钉于 {formatDateTime(budget.refused.at)} 答复本月接口调用已超出企业额度
              {budget.refused.orgUsed !== null && budget.refused.orgLimit !== null
                ? `（企业本月已调用 ${formatCount(budget.refused.orgUsed)} 次，额度 ${formatCount(budget.refused.orgLimit)} 次）`
                : ''}
              ：同步已停在额度用完处。
            </div>
          )}
          <div className={level === 'ok' ? 'muted small' : 'inline-note'} data-testid="budget-hint">
            {budgetHint(budget)}
          </div>
          {budget.byPurpose.length > 0 && (
            <div className="muted small budget-purposes" data-testid="budget-purposes">
              本月去向：
              {budget.byPurpose.map((p) => zh`${p.label} ${formatCount(p.apiCalls)} 次${p.events ? `、事件 ${formatCount(p.events)} 条` : ''}`).join(' · ')}
            </div>
          )}
          {budget.forecast && <ForecastTable forecast={budget.forecast} />}
        </>
      )}
    </section>
  );
}

/** One quota: used of the limit, the percent, and a bar. */
function Meter({ label, unit, usage, testId }: { label: string; unit: string; usage: Usage; testId: string }) {
  const level = budgetLevel(usage);
  return (
    <div className={`budget-meter budget-${level}`} data-testid={`${testId}-meter`}>
      <div className="budget-figures">
        <span>
          <span className="budget-label">{label}</span>{' '}
          <span className="budget-used" data-testid={`${testId}-used`}>
            {formatCount(usage.used)}
          </span>
          <span className="muted">
            {' '}
            / {formatCount(usage.limit)} {unit}
          </span>
        </span>
        <span className="budget-percent" data-testid={`${testId}-percent`}>
          {level === 'warn' && (
            <Tag color="warning" fill="outline">
              即将用完
            </Tag>
          )}
          {level === 'exhausted' && (
            <Tag color="danger" fill="outline">
              已用完
            </Tag>
          )}
          {budgetPercentText(usage)}
        </span>
      </div>
      <ProgressBar percent={budgetPercent(usage)} rounded style={{ '--fill-color': FILL[level], '--track-width': '8px' }} />
    </div>
  );
}
