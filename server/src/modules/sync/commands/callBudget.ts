import { In, type DataSource, type EntityManager } from 'typeorm';
import { ApiCallBudget, MeteredUsage } from '../../../entities';
import { MONTHLY_QUOTA_FIGURES } from '../../../dingtalk/wireFacts';
import { addDays, shanghaiDate } from '../../../util/dates';

/**
 * The monthly metered DingTalk quota as one budget shared by everything that spends it (doc 8.1): metered API calls
 * and metered Webhook&Stream events, each against its own monthly limit, spent by purpose. Work notifications have a
 * reserved share of the calls that syncs may not touch; notifications may also use whatever else is left.
 *
 * For a feature that spends calls (notifications, say):
 *   const plan = await planCalls(ds, corpId, 'notify', wanted, allowance);   // how many it may make now
 *   … make at most plan.granted calls …
 *   await spendCalls(ds.manager, corpId, 'notify', made);                     // record what was made (in the
 *                                                                            // transaction that records the work)
 * and, when DingTalk answers 90020 / ApiCountLimitForOrg (isMonthlyQuotaError), `recordQuotaRefusal` and stop.
 */

/** What spends the quota. `workflow`: approval events of forms other than leave. */
export const METERED_PURPOSES = ['attendance', 'leave', 'crm', 'departures', 'workflow', 'notify', 'other'] as const;
export type MeteredPurpose = (typeof METERED_PURPOSES)[number];

/** A month's allowance (config.budget): API calls, events, and the share of calls kept for work notifications. */
export interface MeteredAllowance {
  apiCalls: number;
  events: number;
  /** 0..1 of `apiCalls` reserved for `notify`: other purposes stop short of it while notifications have not used it. */
  notifyShare: number;
}

/** This month's spend. */
export interface MonthlyUsage {
  month: string;
  apiCalls: number;
  events: number;
  byPurpose: Partial<Record<MeteredPurpose, { apiCalls: number; events: number }>>;
  /** DingTalk refused a call for the monthly quota this month: when, and its message. */
  refused: { at: Date; detail: string; orgUsed: number | null; orgLimit: number | null } | null;
  /** The month before's per-purpose use, when asked for (`withPrevious`): read with this month's. */
  previousByPurpose?: MonthlyUsage['byPurpose'];
}

/** The yyyy-mm before a budget month. */
export const previousBudgetMonth = (month: string): string => budgetMonth(new Date(`${addDays(`${month}-01`, -1)}T12:00:00+08:00`));

/** yyyy-mm of an instant in Asia/Shanghai (DingTalk's monthly quota follows the China calendar). */
export const budgetMonth = (now: Date) => shanghaiDate(now).slice(0, 7);

/** Metered DingTalk calls spent this month, all purposes. */
export async function meteredCallsThisMonth(ds: DataSource, corpId: string, now = new Date()): Promise<number> {
  const row = await ds.getRepository(ApiCallBudget).findOneBy({ corpId, month: budgetMonth(now) });
  return row?.meteredCalls ?? 0;
}

/**
 * This month's calls and events, in all and per purpose (two primary-key reads); `withPrevious` reads the month
 * before's per-purpose use in the same second read (the forecast's rates).
 */
export async function monthlyUsage(ds: DataSource, corpId: string, now = new Date(), opts: { withPrevious?: boolean } = {}): Promise<MonthlyUsage> {
  const month = budgetMonth(now);
  const previous = previousBudgetMonth(month);
  const [total, parts] = await Promise.all([
    ds.getRepository(ApiCallBudget).findOneBy({ corpId, month }),
    ds.getRepository(MeteredUsage).findBy({ corpId, month: opts.withPrevious ? In([month, previous]) : month }),
  ]);
  const byPurpose: MonthlyUsage['byPurpose'] = {};
  const previousByPurpose: MonthlyUsage['byPurpose'] = {};
  for (const p of parts) (p.month === month ? byPurpose : previousByPurpose)[p.purpose as MeteredPurpose] = { apiCalls: p.apiCalls, events: p.events };
  const figures = total?.quotaRefusedDetail ? MONTHLY_QUOTA_FIGURES.exec(total.quotaRefusedDetail) : null;
  return {
    month,
    apiCalls: total?.meteredCalls ?? 0,
    events: total?.meteredEvents ?? 0,
    byPurpose,
    refused: total?.quotaRefusedAt
      ? {
          at: total.quotaRefusedAt,
          detail: total.quotaRefusedDetail ?? '',
          orgUsed: figures ? Number(figures[1]) : null,
          orgLimit: figures ? Number(figures[2]) : null,
        }
      : null,
    ...(opts.withPrevious ? { previousByPurpose } : {}),
  };
}

/** Calls of the month kept for notifications and not yet spent by them. */
export function unspentNotifyReserve(usage: Pick<MonthlyUsage, 'byPurpose'>, allowance: MeteredAllowance): number {
  const reserve = Math.floor(allowance.apiCalls * Math.min(1, Math.max(0, allowance.notifyShare)));
  return Math.max(0, reserve - (usage.byPurpose.notify?.apiCalls ?? 0));
}

/** Calls `purpose` may still make this month: what is left, less (for everything but `notify`) the unspent reserve. */
export function callsLeftFor(usage: MonthlyUsage, purpose: MeteredPurpose, allowance: MeteredAllowance): number {
  const left = allowance.apiCalls - usage.apiCalls;
  return Math.max(0, purpose === 'notify' ? left : left - unspentNotifyReserve(usage, allowance));
}

/** Calls `purpose` may still make this month (see callsLeftFor). */
export async function callsAvailable(ds: DataSource, corpId: string, purpose: MeteredPurpose, allowance: MeteredAllowance, now = new Date()): Promise<number> {
  return callsLeftFor(await monthlyUsage(ds, corpId, now), purpose, allowance);
}

/** How many of `wanted` calls `purpose` may make now: `granted` ≤ `wanted`, and what is available in all. */
export async function planCalls(
  ds: DataSource,
  corpId: string,
  purpose: MeteredPurpose,
  wanted: number,
  allowance: MeteredAllowance,
  now = new Date(),
): Promise<{ granted: number; available: number }> {
  const available = await callsAvailable(ds, corpId, purpose, allowance, now);
  return { granted: Math.max(0, Math.min(wanted, available)), available };
}

/** Add to this month's counters atomically (increments, so two workers never lose each other's counts). */
async function addUsage(em: EntityManager, corpId: string, purpose: MeteredPurpose, calls: number, events: number, now: Date): Promise<void> {
  if (calls <= 0 && events <= 0) return;
  const month = budgetMonth(now);
  const sqlite = em.connection.options.type === 'better-sqlite3';
  const upsertTotal = sqlite
    ? 'INSERT INTO api_call_budgets (corp_id, month, metered_calls, metered_events) VALUES (?, ?, ?, ?) ON CONFLICT(corp_id, month) DO UPDATE SET metered_calls = metered_calls + excluded.metered_calls, metered_events = metered_events + excluded.metered_events'
    : 'INSERT INTO api_call_budgets (corp_id, month, metered_calls, metered_events) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE metered_calls = metered_calls + VALUES(metered_calls), metered_events = metered_events + VALUES(metered_events)';
  const upsertPurpose = sqlite
    ? 'INSERT INTO metered_usage (corp_id, month, purpose, api_calls, events) VALUES (?, ?, ?, ?, ?) ON CONFLICT(corp_id, month, purpose) DO UPDATE SET api_calls = api_calls + excluded.api_calls, events = events + excluded.events'
    : 'INSERT INTO metered_usage (corp_id, month, purpose, api_calls, events) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE api_calls = api_calls + VALUES(api_calls), events = events + VALUES(events)';
  await em.query(upsertTotal, [corpId, month, Math.max(0, calls), Math.max(0, events)]);
  await em.query(upsertPurpose, [corpId, month, purpose, Math.max(0, calls), Math.max(0, events)]);
}

/** Record metered calls `purpose` made (inside the transaction that lands the work they paid for). */
export function spendCalls(em: EntityManager, corpId: string, purpose: MeteredPurpose, calls: number, now = new Date()): Promise<void> {
  return addUsage(em, corpId, purpose, calls, 0, now);
}

/** Record metered events received for `purpose`. */
export function spendEvents(em: EntityManager, corpId: string, purpose: MeteredPurpose, events: number, now = new Date()): Promise<void> {
  return addUsage(em, corpId, purpose, 0, events, now);
}

/** The syncs' older name for spendCalls (purpose `other` when none is given). */
export function addMeteredCalls(em: EntityManager, corpId: string, calls: number, now = new Date(), purpose: MeteredPurpose = 'other'): Promise<void> {
  return spendCalls(em, corpId, purpose, calls, now);
}

/** Remember that DingTalk refused a call for the monthly quota (its message names the organisation's figures). */
export async function recordQuotaRefusal(ds: DataSource, corpId: string, detail: string, now = new Date()): Promise<void> {
  const month = budgetMonth(now);
  const repo = ds.getRepository(ApiCallBudget);
  await repo
    .createQueryBuilder()
    .insert()
    .values({ corpId, month, meteredCalls: 0, meteredEvents: 0, quotaRefusedAt: now, quotaRefusedDetail: detail.slice(0, 255) })
    .orUpdate(['quota_refused_at', 'quota_refused_detail'], ['corp_id', 'month'])
    .execute();
}
