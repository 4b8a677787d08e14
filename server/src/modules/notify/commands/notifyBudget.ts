/**
 * The one place the outbox meets the metered-call budget (DINGTALK_MONTHLY_CALL_LIMIT, doc §8.1): work
 * notifications, read-backs and recalls are metered like the syncs' calls and draw on the same month. Point these
 * two functions at a reserved notification share when the budget grows one; nothing else in notify knows how the
 * budget is kept.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { addMeteredCalls, meteredCallsThisMonth } from '../../sync/commands/callBudget';

/** Metered calls the outbox may still make this month. */
export async function notifyCallsLeft(ds: DataSource, corpId: string, monthlyLimit: number, now: Date): Promise<number> {
  return Math.max(0, monthlyLimit - (await meteredCallsThisMonth(ds, corpId, now)));
}

/** Count calls the outbox made (in the transaction that records their outcome). */
export async function spendNotifyCalls(em: EntityManager, corpId: string, calls: number, now: Date): Promise<void> {
  await addMeteredCalls(em, corpId, calls, now);
}
