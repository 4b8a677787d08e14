import type { DataSource, EntityManager } from 'typeorm';
import { ApiCallBudget } from '../../../entities';
import { shanghaiDate } from '../../../util/dates';

/** yyyy-mm of an instant in Asia/Shanghai (DingTalk's monthly quota follows the China calendar). */
export const budgetMonth = (now: Date) => shanghaiDate(now).slice(0, 7);

/** Metered DingTalk calls spent this month. */
export async function meteredCallsThisMonth(ds: DataSource, corpId: string, now = new Date()): Promise<number> {
  const row = await ds.getRepository(ApiCallBudget).findOneBy({ corpId, month: budgetMonth(now) });
  return row?.meteredCalls ?? 0;
}

/** Add spent calls atomically (an increment, so two workers never lose each other's counts). */
export async function addMeteredCalls(em: EntityManager, corpId: string, calls: number, now = new Date()): Promise<void> {
  if (calls <= 0) return;
  const month = budgetMonth(now);
  if (em.connection.options.type === 'better-sqlite3') {
    await em.query(
      'INSERT INTO api_call_budgets (corp_id, month, metered_calls) VALUES (?, ?, ?) ON CONFLICT(corp_id, month) DO UPDATE SET metered_calls = metered_calls + excluded.metered_calls',
      [corpId, month, calls],
    );
  } else {
    await em.query(
      'INSERT INTO api_call_budgets (corp_id, month, metered_calls) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE metered_calls = metered_calls + VALUES(metered_calls)',
      [corpId, month, calls],
    );
  }
}
