/**
 * The source rows of a portrait metric: which of a person's deals, follow-ups, collaborations and satisfaction scores
 * the metric of month `period` was computed from, by the same windows and rules as computePortrait (portrait.ts), so
 * anyone can check the number. Pure: the server reads the person's rows (with their ids and names) and shows these.
 */
import { zh } from '../zhText';
import { ratio, ratioToFixed } from '../pay/rounding';
import { addMonths, CYCLE_LOOKBACK_DAYS, monthEnd, RENEWAL_GRACE_DAYS, type PortraitDeal, type PortraitFollowUp } from './portrait';
import type { MetricSourceRow } from './talentApi';
import type { PortraitMetricKey } from './talentMetrics';
import { periodSpan } from './talentPeriod';

export interface SourceDeal extends PortraitDeal {
  id: string;
  customerName: string;
}
export interface SourceFollowUp extends PortraitFollowUp {
  id: string;
  customerName: string | null;
  content?: string | null;
}
export interface SourceActivity {
  deals: readonly SourceDeal[];
  followUps: readonly SourceFollowUp[];
  collaborations: readonly { id: string; on: string; withDepartment: string; customerName: string | null }[];
  satisfaction: readonly { id: string; on: string; scoreTenths: number; customerName: string }[];
}

/** How many months back each metric reads (its window ends on the period's last day); `period`: the period's own months. */
const WINDOW_MONTHS: Record<PortraitMetricKey, number | 'period'> = {
  smallDeals: 'period',
  bigDeals: 'period',
  smallDealValue: 'period',
  bigDealValue: 'period',
  bigRevenueShare: 12,
  closeRate: 3,
  bigCycleDays: 12,
  renewalRate: 24,
  satisfaction: 12,
  collaborationsPerMonth: 3,
  bigClientMonths: 24,
};

/** The window (yyyy-mm-dd) a metric of month or quarter `period` reads: for 续签率, the days a contract's term may end on. */
export function metricWindow(metric: PortraitMetricKey, period: string): { from: string; to: string } {
  const { first, last } = periodSpan(period);
  const months = WINDOW_MONTHS[metric];
  const to = monthEnd(last);
  const from = `${months === 'period' ? first : addMonths(last, 1 - months)}-01`;
  return metric === 'renewalRate' ? { from, to: dayText(dayNumber(to) - RENEWAL_GRACE_DAYS) } : { from, to };
}

/** Deals signed as early as this may matter to a metric of `period` (a 3-year term ending in the renewal window). */
export const sourceDealsFrom = (period: string): string => dayText(dayNumber(`${addMonths(periodSpan(period).last, -23)}-01`) - 3 * 365 - 1);

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
const dayText = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
const yuan = (fen: number) => `${ratioToFixed(ratio(fen, 100), 2)} 元`;
const SEGMENT = { big: '大客户', small: '小客户' } as const;

const dealRow = (d: SourceDeal, note: string | null = null): MetricSourceRow => ({
  kind: 'deal',
  id: d.id,
  on: d.signedOn,
  subject: d.customerName,
  text: yuan(d.amountFen),
  note: [SEGMENT[d.segment], d.renewalYears > 0 ? zh`续签 ${d.renewalYears} 年` : '新签', note].filter(Boolean).join('，'),
});
const followRow = (f: SourceFollowUp, note: string | null = null): MetricSourceRow => ({
  kind: 'followUp',
  id: f.id,
  on: f.on,
  subject: f.customerName ?? '（未关联客户）',
  text: '',
  note: [f.bigCustomer ? '大客户' : null, note].filter(Boolean).join('，') || null,
  ...(f.content ? { content: f.content } : {}),
});
const newestFirst = (a: MetricSourceRow, b: MetricSourceRow) => b.on.localeCompare(a.on) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id);

/**
 * The rows behind `metric` of month `period`, newest first. `renewalsByCustomer`: sign days of renewal contracts
 * (anyone's) of the person's customers, as computePortrait uses them.
 */
export function metricSourceRows(
  metric: PortraitMetricKey,
  a: SourceActivity,
  period: string,
  renewalsByCustomer: ReadonlyMap<string, readonly string[]>,
): MetricSourceRow[] {
  const { from, to } = metricWindow(metric, period);
  const end = monthEnd(periodSpan(period).last);
  const inWindow = (day: string) => day >= from && day <= to;
  const rows: MetricSourceRow[] = [];
  switch (metric) {
    case 'smallDeals':
    case 'smallDealValue':
    case 'bigDeals':
    case 'bigDealValue': {
      const segment = metric.startsWith('big') ? 'big' : 'small';
      for (const d of a.deals) if (d.segment === segment && inWindow(d.signedOn)) rows.push(dealRow(d));
      break;
    }
    case 'bigRevenueShare':
      for (const d of a.deals) if (inWindow(d.signedOn)) rows.push(dealRow(d));
      break;
    case 'closeRate': {
      const first = new Map<string, string>();
      for (const f of a.followUps) if (f.customerKey && inWindow(f.on) && (first.get(f.customerKey) ?? '9999') > f.on) first.set(f.customerKey, f.on);
      for (const f of a.followUps) if (f.customerKey && inWindow(f.on)) rows.push(followRow(f, f.on === first.get(f.customerKey) ? '该客户首次跟进' : null));
      for (const d of a.deals) {
        const firstOn = first.get(d.customerKey);
        if (firstOn && d.signedOn >= firstOn && d.signedOn <= end) rows.push(dealRow(d, '跟进后签约'));
      }
      break;
    }
    case 'bigCycleDays':
      for (const d of a.deals) {
        if (d.segment !== 'big' || d.renewalYears > 0 || !inWindow(d.signedOn)) continue;
        const signed = dayNumber(d.signedOn);
        const follows = a.followUps.filter((f) => f.customerKey === d.customerKey && f.on <= d.signedOn && signed - dayNumber(f.on) <= CYCLE_LOOKBACK_DAYS);
        if (follows.length === 0) continue;
        const firstDay = Math.min(...follows.map((f) => dayNumber(f.on)));
        rows.push(dealRow(d, zh`周期 ${signed - firstDay} 天`));
        for (const f of follows) rows.push(followRow(f, dayNumber(f.on) === firstDay ? '周期起点（签约前 90 天内首次跟进）' : null));
      }
      break;
    case 'renewalRate':
      for (const d of a.deals) {
        const termEnd = dayNumber(d.signedOn) + Math.max(1, d.renewalYears) * 365;
        if (!inWindow(dayText(termEnd))) continue;
        const renewed = (renewalsByCustomer.get(d.customerKey) ?? []).some((r) => Math.abs(dayNumber(r) - termEnd) <= RENEWAL_GRACE_DAYS);
        rows.push({ ...dealRow(d, zh`${dayText(termEnd)} 到期，${renewed ? '已续签' : '未续签'}`), on: d.signedOn });
      }
      break;
    case 'satisfaction':
      for (const s of a.satisfaction)
        if (inWindow(s.on))
          rows.push({ kind: 'satisfaction', id: s.id, on: s.on, subject: s.customerName, text: `${ratioToFixed(ratio(s.scoreTenths, 10), 1)} 分`, note: null });
      break;
    case 'collaborationsPerMonth':
      for (const c of a.collaborations)
        if (inWindow(c.on)) rows.push({ kind: 'collaboration', id: c.id, on: c.on, subject: c.withDepartment, text: '', note: c.customerName });
      break;
    case 'bigClientMonths':
      for (const f of a.followUps) if (inWindow(f.on)) rows.push(followRow(f));
      break;
  }
  return rows.sort(newestFirst);
}
