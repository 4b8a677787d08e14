/**
 * Recent sales for the 9-box: per person scored in a month and job model (the whole corp, so one HR user's scope
 * never moves the cut-offs), the signed, not cancelled contract value of the three months ending with that month,
 * read from the stored portraits (小客户成交额 + 大客户成交额 each month), in fen. One query.
 */
import type { DataSource } from 'typeorm';
import { addMonths, parseScaledDecimal } from '@liucai/shared';
import { TalentMatchScore, TalentMetric } from '../../../entities';
import { PERIOD_LIKE } from './periodKinds';

export const SALES_WINDOW_MONTHS = 3;
const SALES_METRICS = ['smallDealValue', 'bigDealValue'];

export function salesWindow(period: string): { from: string; to: string } {
  return { from: addMonths(period, 1 - SALES_WINDOW_MONTHS), to: period };
}

/** userid → sales (fen) of everyone with a score (not 数据不足) in the month and job model; 0 without contracts. */
export async function recentSalesOfScored(ds: DataSource, corpId: string, period: string, jobModelId: number): Promise<Map<string, number>> {
  const { from, to } = salesWindow(period);
  // tenancy: scores and metrics of the corp.
  const rows = await ds
    .getRepository(TalentMatchScore)
    .createQueryBuilder('s')
    .leftJoin(
      TalentMetric,
      'm',
      'm.corp_id = s.corp_id AND m.userid = s.userid AND m.period >= :from AND m.period <= :to AND m.period LIKE :months AND m.metric IN (:...metrics)',
      {
        months: PERIOD_LIKE.month,
        from,
        to,
        metrics: SALES_METRICS,
      },
    )
    .select('s.userid', 'userid')
    .addSelect('m.value', 'value')
    .where('s.corp_id = :corpId AND s.period = :period AND s.job_model_id = :jobModelId AND s.score_t IS NOT NULL', { corpId, period, jobModelId })
    .getRawMany<{ userid: string; value: string | null }>();
  const sales = new Map<string, number>();
  for (const r of rows) {
    const parsed = r.value === null ? { value: 0 } : parseScaledDecimal(r.value, 2);
    if (!('value' in parsed)) throw new Error(`talent_metrics value is not a yuan amount: ${r.value}`);
    sales.set(r.userid, (sales.get(r.userid) ?? 0) + parsed.value);
  }
  return sales;
}
