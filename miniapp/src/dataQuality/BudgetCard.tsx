/** 本月钉钉计量调用: used / limit with a bar that turns orange above 80 % and red when the month's calls are gone. */
import type { CallBudget } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ProgressBar from 'antd-mobile/es/components/progress-bar';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Tag from 'antd-mobile/es/components/tag';
import { budgetHint, budgetLevel, budgetPercent, budgetPercentText, formatMonth, type BudgetLevel } from './quality';

const LEVEL_TAGS: Record<BudgetLevel, { color: string; text: string } | null> = {
  ok: null,
  warn: { color: 'warning', text: '即将用完' },
  exhausted: { color: 'danger', text: '已用完' },
};

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
  const level = budget ? budgetLevel(budget) : 'ok';
  const tag = LEVEL_TAGS[level];
  const n = (v: number) => v.toLocaleString('zh-CN');
  return (
    <section className={`card budget-card budget-${level}`} data-testid="budget-card" data-level={budget ? level : undefined}>
      <div className="card-head">
        <h2>本月钉钉计量调用</h2>
        {budget && (
          <span className="muted small" data-testid="budget-month">
            {formatMonth(budget.month)}
          </span>
        )}
      </div>
      {!budget && !error && <Skeleton.Paragraph lineCount={2} animated />}
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
          <div className="budget-figures">
            <span>
              <span className="budget-used" data-testid="budget-used">
                {n(budget.used)}
              </span>
              <span className="muted"> / {n(budget.limit)} 次</span>
            </span>
            <span className="budget-percent" data-testid="budget-percent">
              {tag && (
                <Tag color={tag.color} fill="outline">
                  {tag.text}
                </Tag>
              )}
              {budgetPercentText(budget)}
            </span>
          </div>
          <ProgressBar percent={budgetPercent(budget)} rounded style={{ '--fill-color': FILL[level], '--track-width': '8px' }} />
          <div className="budget-foot">
            <span>
              剩余{' '}
              <strong className="budget-remaining" data-testid="budget-remaining">
                {n(budget.remaining)}
              </strong>{' '}
              次
            </span>
          </div>
          <div className={level === 'ok' ? 'muted small' : 'inline-note'} data-testid="budget-hint">
            {budgetHint(budget)}
          </div>
        </>
      )}
    </section>
  );
}
