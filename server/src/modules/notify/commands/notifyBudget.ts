/**
 * The one place the outbox meets the metered-call budget (doc §8.1): work notifications, read-backs and recalls are
 * metered like the syncs' calls and draw on the same month, as purpose `notify`. The syncs stop short of the share
 * kept for notifications (`NOTIFY_BUDGET_SHARE`) while notifications have not used it; notifications may use
 * whatever is left of the month. Nothing else in notify knows how the budget is kept.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { monthlyUsage, spendCalls } from '../../sync/commands/callBudget';

/** Metered calls the outbox may still make this month: everything the month has left (the reserve is notify's own). */
export async function notifyCallsLeft(ds: DataSource, corpId: string, monthlyLimit: number, now: Date): Promise<number> {
  return Math.max(0, monthlyLimit - (await monthlyUsage(ds, corpId, now)).apiCalls);
}

/** Count calls the outbox made, as purpose `notify` (in the transaction that records their outcome). */
export async function spendNotifyCalls(em: EntityManager, corpId: string, calls: number, now: Date): Promise<void> {
  await spendCalls(em, corpId, 'notify', calls, now);
}
