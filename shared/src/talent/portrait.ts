/**
 * A salesperson's monthly capability portrait from synced CRM rows: each metric of PORTRAIT_METRICS with its value
 * (exact decimal text), its sample size and, when there is too little data, 数据不足 with what is missing — never a
 * made-up number or a silent zero. Pure: the server reads the rows (already filtered by the named CRM rules: rows
 * DingTalk deleted and cancelled deals never reach here) and stores what this returns.
 *
 * Windows end on the last day of the month M: “month” is M, “3 months” M-2..M, “12 months” M-11..M, “24 months”
 * M-23..M. Dates are Asia/Shanghai days (yyyy-mm-dd). A quarter's portrait (period 2026Q3, talentPeriod.ts) is the
 * same computation with M its last month and “month” its three months: counts and values summed over the quarter,
 * the 3-month rates over exactly the quarter, the 12- and 24-month windows ending on the quarter's last day.
 */
import { ratio, ratioToFixed } from '../pay/rounding';
import type { PortraitMetricKey } from './talentMetrics';
import { periodSpan } from './talentPeriod';

export interface PortraitDeal {
  /** The customer (CRM id, or the name for imported deals). */
  customerKey: string;
  segment: 'big' | 'small';
  amountFen: number;
  signedOn: string;
  /** > 0: the contract renews an earlier one for that many years. */
  renewalYears: number;
}

export interface PortraitFollowUp {
  customerKey: string | null;
  on: string;
  /** The customer is a big client (its segment from its deals). */
  bigCustomer: boolean;
}

export interface PersonActivity {
  /** Deals the person owns that count (present, not cancelled). */
  deals: readonly PortraitDeal[];
  /** Follow-ups the person made (present). */
  followUps: readonly PortraitFollowUp[];
  /** Cross-department collaborations of the person. */
  collaborations: readonly { on: string; withDepartment: string }[];
  /** Imported satisfaction scores of the person's clients (0–10 in tenths). */
  satisfaction: readonly { on: string; scoreTenths: number }[];
}

export interface PortraitContext {
  /** Sign days of every renewal contract (renewal years ≥ 1) that counts, by customer, whoever signed it. */
  renewalsByCustomer: ReadonlyMap<string, readonly string[]>;
}

export interface PortraitMetricValue {
  metric: PortraitMetricKey;
  /** Exact decimal text ("85.7", "12000"), or null when 数据不足. */
  value: string | null;
  sample: number;
  /** What is missing (数据不足…), or null. */
  missing: string | null;
  detail?: Record<string, unknown>;
}

/** Fewest observations a rate or average needs before it is shown. */
export const PORTRAIT_MIN_SAMPLE = { closeRate: 3, bigCycleDays: 2, renewalRate: 2, satisfaction: 1 } as const;
/** How far before signing a follow-up still counts towards a big deal's cycle, and around a term's end a renewal. */
export const CYCLE_LOOKBACK_DAYS = 90;
export const RENEWAL_GRACE_DAYS = 60;

const pad = (n: number) => String(n).padStart(2, '0');
/** yyyy-mm shifted by `months`. */
export function addMonths(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + months;
  return `${Math.floor(t / 12)}-${pad((t % 12) + 1)}`;
}
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
const dayText = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
/** The last day (yyyy-mm-dd) of a month. */
export const monthEnd = (period: string) => dayText(dayNumber(`${addMonths(period, 1)}-01`) - 1);
const monthStart = (period: string) => `${period}-01`;
const within = (day: string, from: string, to: string) => day >= from && day <= to;
const pct = (num: number, den: number) => ratioToFixed(ratio(num * 100, den), 1).replace(/\.0$/, '');
const oneDecimal = (num: number, den: number) => ratioToFixed(ratio(num, den), 1).replace(/\.0$/, '');
const yuan = (fen: number) => ratioToFixed(ratio(fen, 100), 2).replace(/\.?0+$/, '');

const insufficient = (metric: PortraitMetricKey, sample: number, missing: string, detail?: Record<string, unknown>): PortraitMetricValue => ({
  metric,
  value: null,
  sample,
  missing: `数据不足：${missing}`,
  ...(detail ? { detail } : {}),
});
const known = (metric: PortraitMetricKey, value: string, sample: number, detail?: Record<string, unknown>): PortraitMetricValue => ({
  metric,
  value,
  sample,
  missing: null,
  ...(detail ? { detail } : {}),
});

/** The portrait of one person for month `period` (yyyy-mm) or quarter (yyyyQn). */
export function computePortrait(a: PersonActivity, period: string, ctx: PortraitContext): PortraitMetricValue[] {
  const { first, last } = periodSpan(period);
  const end = monthEnd(last);
  const from3 = monthStart(addMonths(last, -2));
  const from12 = monthStart(addMonths(last, -11));
  const from24 = monthStart(addMonths(last, -23));
  const out: PortraitMetricValue[] = [];

  // Deals and value by segment, signed in the month (in the quarter: its three months).
  const month = a.deals.filter((d) => within(d.signedOn, monthStart(first), end));
  for (const seg of ['small', 'big'] as const) {
    const own = month.filter((d) => d.segment === seg);
    out.push(known(seg === 'big' ? 'bigDeals' : 'smallDeals', String(own.length), own.length));
    out.push(known(seg === 'big' ? 'bigDealValue' : 'smallDealValue', yuan(own.reduce((s, d) => s + d.amountFen, 0)), own.length));
  }

  // Big-client share of revenue, 12 months.
  const year = a.deals.filter((d) => within(d.signedOn, from12, end));
  const total = year.reduce((s, d) => s + d.amountFen, 0);
  const big = year.filter((d) => d.segment === 'big').reduce((s, d) => s + d.amountFen, 0);
  out.push(total > 0 ? known('bigRevenueShare', pct(big, total), year.length) : insufficient('bigRevenueShare', 0, '近 12 个月没有成交'));

  // Close rate: customers followed up in 3 months that signed on or after their first follow-up there.
  const firstFollow = new Map<string, string>();
  for (const f of a.followUps) {
    if (!f.customerKey || !within(f.on, from3, end)) continue;
    const seen = firstFollow.get(f.customerKey);
    if (!seen || f.on < seen) firstFollow.set(f.customerKey, f.on);
  }
  const signedAfter = [...firstFollow].filter(([c, first]) => a.deals.some((d) => d.customerKey === c && within(d.signedOn, first, end))).length;
  out.push(
    firstFollow.size >= PORTRAIT_MIN_SAMPLE.closeRate
      ? known('closeRate', pct(signedAfter, firstFollow.size), firstFollow.size, { signed: signedAfter })
      : insufficient('closeRate', firstFollow.size, `近 3 个月跟进的客户 ${firstFollow.size} 个，少于 ${PORTRAIT_MIN_SAMPLE.closeRate} 个`),
  );

  // Big-client cycle: new big deals (not renewals) in 12 months, from the earliest follow-up of that customer in the
  // 90 days before signing to the signing day.
  const cycles: number[] = [];
  for (const d of year) {
    if (d.segment !== 'big' || d.renewalYears > 0) continue;
    const signed = dayNumber(d.signedOn);
    const firsts = a.followUps
      .filter((f) => f.customerKey === d.customerKey && f.on <= d.signedOn && signed - dayNumber(f.on) <= CYCLE_LOOKBACK_DAYS)
      .map((f) => dayNumber(f.on));
    if (firsts.length > 0) cycles.push(signed - Math.min(...firsts));
  }
  out.push(
    cycles.length >= PORTRAIT_MIN_SAMPLE.bigCycleDays
      ? known(
          'bigCycleDays',
          oneDecimal(
            cycles.reduce((s, c) => s + c, 0),
            cycles.length,
          ),
          cycles.length,
        )
      : insufficient('bigCycleDays', cycles.length, `近 12 个月有跟进记录的大客户新签合同 ${cycles.length} 份，少于 ${PORTRAIT_MIN_SAMPLE.bigCycleDays} 份`),
  );

  // Renewal rate: contracts whose term (renewal years, at least 1, × 365 days) ended in 24 months and at least
  // RENEWAL_GRACE_DAYS before the month's end; renewed when the customer signed a renewal within the grace of the end.
  const lastDue = dayNumber(end) - RENEWAL_GRACE_DAYS;
  let due = 0;
  let renewed = 0;
  for (const d of a.deals) {
    const termEnd = dayNumber(d.signedOn) + Math.max(1, d.renewalYears) * 365;
    if (termEnd < dayNumber(from24) || termEnd > lastDue) continue;
    due++;
    const renewals = ctx.renewalsByCustomer.get(d.customerKey) ?? [];
    if (renewals.some((r) => Math.abs(dayNumber(r) - termEnd) <= RENEWAL_GRACE_DAYS)) renewed++;
  }
  out.push(
    due >= PORTRAIT_MIN_SAMPLE.renewalRate
      ? known('renewalRate', pct(renewed, due), due, { renewed })
      : insufficient('renewalRate', due, `近 24 个月到期的合同 ${due} 份，少于 ${PORTRAIT_MIN_SAMPLE.renewalRate} 份`),
  );

  // Satisfaction: mean of imported scores in 12 months.
  const scores = a.satisfaction.filter((s) => within(s.on, from12, end));
  out.push(
    scores.length >= PORTRAIT_MIN_SAMPLE.satisfaction
      ? known(
          'satisfaction',
          oneDecimal(
            scores.reduce((s, x) => s + x.scoreTenths, 0),
            scores.length * 10,
          ),
          scores.length,
        )
      : insufficient('satisfaction', 0, '近 12 个月没有导入客户满意度评分'),
  );

  // Cross-department collaborations per month over 3 months, and with which departments.
  const collabs = a.collaborations.filter((c) => within(c.on, from3, end));
  const byDepartment: Record<string, number> = {};
  for (const c of [...collabs].sort((x, y) => x.withDepartment.localeCompare(y.withDepartment)))
    byDepartment[c.withDepartment] = (byDepartment[c.withDepartment] ?? 0) + 1;
  const follows3 = a.followUps.filter((f) => within(f.on, from3, end)).length;
  out.push(
    collabs.length > 0 || follows3 > 0
      ? known('collaborationsPerMonth', oneDecimal(collabs.length, 3), collabs.length, { byDepartment })
      : insufficient('collaborationsPerMonth', 0, '近 3 个月没有跟进记录，也没有协作记录'),
  );

  // Months of big-client follow-up in 24 months.
  const follows24 = a.followUps.filter((f) => within(f.on, from24, end));
  const bigMonths = new Set(follows24.filter((f) => f.bigCustomer).map((f) => f.on.slice(0, 7)));
  out.push(
    follows24.length > 0 ? known('bigClientMonths', String(bigMonths.size), follows24.length) : insufficient('bigClientMonths', 0, '近 24 个月没有跟进记录'),
  );
  return out;
}
