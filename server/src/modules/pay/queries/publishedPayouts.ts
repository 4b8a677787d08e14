/**
 * Each person's published payout total per month (the sum of their statements in published runs), for the
 * retention radar's 绩效发放 signal: one grouped query for the corp, never one per person. Only published runs
 * count (what employees were told they get); drafts, locked and approved runs may still change.
 */
import type { DataSource } from 'typeorm';
import type { MonthValue } from '@liucai/shared';
import { PayoutRun, PayoutStatement } from '../../../entities';

export async function publishedPayoutTotals(ds: DataSource, corpId: string, fromPeriod: string, toPeriod: string): Promise<Map<string, MonthValue[]>> {
  // tenancy: statements and runs of this corp only, joined on it.
  const rows = await ds
    .getRepository(PayoutStatement)
    .createQueryBuilder('s')
    .innerJoin(PayoutRun, 'r', 'r.corp_id = s.corp_id AND r.id = s.run_id')
    .select('s.userid', 'userid')
    .addSelect('r.period', 'period')
    .addSelect('SUM(s.total_fen)', 'total')
    .where("s.corp_id = :corpId AND r.status = 'published' AND r.period >= :fromPeriod AND r.period <= :toPeriod", { corpId, fromPeriod, toPeriod })
    .groupBy('s.userid')
    .addGroupBy('r.period')
    .getRawMany<{ userid: string; period: string; total: string | number }>();
  const out = new Map<string, MonthValue[]>();
  for (const r of rows) {
    const list = out.get(r.userid) ?? [];
    list.push({ period: r.period, value: Number(r.total) });
    out.set(r.userid, list);
  }
  return out;
}
