import type { DataSource } from 'typeorm';
import { judgeForecast, type CallBudget } from '@liucai/shared';
import type { Config } from '../../../config';
import { METERED_QUOTAS } from '../../../dingtalk/wireFacts';
import { shanghaiDate } from '../../../util/dates';
import { METERED_PURPOSES, monthlyUsage, type MeteredPurpose } from '../commands/callBudget';
import type { QualitySnapshot } from '../commands/dataQualityRefresher';
import { forecastLines, type ObservedUse } from './budgetForecast';

const PURPOSE_LABELS: Record<MeteredPurpose, string> = {
  attendance: '考勤',
  leave: '请假',
  crm: '钉钉 CRM',
  departures: '离职',
  workflow: '其他审批',
  notify: '工作通知',
  other: '其他',
};

/** The budget settings the page needs from the configuration. */
export type BudgetPresenterConfig = Pick<Config, 'budget' | 'crm' | 'leaveProcessCode'>;

/** Events a month at the rate observed (last month, or this month so far scaled to a month); null when none came. */
function monthlyRate(prev: number, current: number, now: Date): number | null {
  if (prev === 0 && current === 0) return null;
  const dayOfMonth = Number(shanghaiDate(now).slice(8, 10));
  return Math.max(prev, Math.round((current * 30) / Math.max(1, dayOfMonth)));
}

/**
 * The month's metered quota as the 数据 page shows it: calls and events used against the edition's limits (the
 * notifications' reserve apart), spend per purpose, DingTalk's own refusal if any, and a month's forecast at this
 * headcount with what to turn down or which edition fits (the forecast needs the refreshed snapshot's counts).
 */
export async function presentBudget(
  ds: DataSource,
  corpId: string,
  config: BudgetPresenterConfig,
  snapshot: QualitySnapshot | null,
  now = new Date(),
): Promise<CallBudget> {
  const { budget } = config;
  const usage = await monthlyUsage(ds, corpId, now, { withPrevious: true });
  const events = (p: MeteredPurpose) => ({ prev: usage.previousByPurpose?.[p]?.events ?? 0, cur: usage.byPurpose[p]?.events ?? 0 });
  const rate = (...ps: MeteredPurpose[]) => {
    const sum = ps.map(events).reduce((a, b) => ({ prev: a.prev + b.prev, cur: a.cur + b.cur }), { prev: 0, cur: 0 });
    return monthlyRate(sum.prev, sum.cur, now);
  };
  const observed: ObservedUse = {
    checkEvents: rate('attendance'),
    approvalEvents: rate('leave', 'workflow'),
    leaveApprovalEvents: rate('leave'),
    notifyCalls: usage.byPurpose.notify?.apiCalls ?? 0,
  };
  const reserve = Math.floor(budget.apiCalls * budget.notifyShare);
  let forecast: CallBudget['forecast'] = null;
  if (snapshot) {
    const lines = forecastLines(
      snapshot.forecast,
      {
        leaveMode: config.leaveProcessCode ? 'approvals' : 'status',
        crmFullPassDays: config.crm.fullPassDays,
        notifyShare: budget.notifyShare,
        apiCalls: budget.apiCalls,
      },
      observed,
      now,
    );
    const verdict = judgeForecast(lines, { apiCalls: budget.apiCalls, events: budget.events }, METERED_QUOTAS, budget.edition);
    forecast = {
      lines,
      need: verdict.need,
      fits: verdict.fits,
      summary: verdict.summary,
      advice: verdict.advice,
      fittingPlan: verdict.fittingPlan ? { label: verdict.fittingPlan.label, quota: verdict.fittingPlan.quota } : null,
      headcount: snapshot.forecast.activePeople,
    };
  }
  return {
    month: usage.month,
    used: usage.apiCalls,
    limit: budget.apiCalls,
    remaining: Math.max(0, budget.apiCalls - usage.apiCalls),
    editionLabel: budget.label,
    notifyReserve: reserve,
    notifyUsed: observed.notifyCalls,
    events: { used: usage.events, limit: budget.events, remaining: Math.max(0, budget.events - usage.events) },
    byPurpose: METERED_PURPOSES.filter((p) => usage.byPurpose[p]).map((p) => ({
      purpose: p,
      label: PURPOSE_LABELS[p],
      apiCalls: usage.byPurpose[p]!.apiCalls,
      events: usage.byPurpose[p]!.events,
    })),
    refused: usage.refused ? { ...usage.refused, at: usage.refused.at.toISOString() } : null,
    forecast,
  };
}
