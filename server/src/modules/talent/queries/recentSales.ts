/**
 * Recent sales for the 9-box: per person scored in a month and job model (the whole corp, so one HR user's scope
 * never moves the cut-offs), the signed, not cancelled contract value of the three months ending with that month,
 * read from the stored portraits (小客户成交额 + 大客户成交额 each month), in fen. One query, summed in SQL, without
 * joining the people (the 9-box matches them to the caller's scope by id).
 */
import type { DataSource } from 'typeorm';
import { addMonths, type TalentTier } from '@liucai/shared';
import { TalentMatchScore, TalentMetric } from '../../../entities';
import { monthRange } from './periodKinds';

export const SALES_WINDOW_MONTHS = 3;
export const SALES_METRICS = ['smallDealValue', 'bigDealValue'];

/**
 * A stored yuan amount (exact decimal text, at most two decimals) in fen, in SQL alike on MySQL and SQLite: DECIMAL
 * on MySQL; on SQLite a double whose × 100 is rounded back to the exact whole number of fen (exact below 2^53 fen).
 */
export const FEN_OF_VALUE = 'ROUND(CAST(m.value AS DECIMAL(20,2)) * 100)';

export function salesWindow(period: string): { from: string; to: string } {
  return { from: addMonths(period, 1 - SALES_WINDOW_MONTHS), to: period };
}

/** One person scored in the month and job model with recent sales (fen; 0 without contracts). */
export interface ScoredSales {
  userid: string;
  /** Null when the stored score has no tier (not placed, but part of the cut-offs). */
  tier: TalentTier | null;
  scoreT: number;
  fen: number;
}

const TIERS = new Set<string>(['move', 'train', 'reassign']);

/**
 * Everyone with a score (not 数据不足) in the month and job model with their tier and sales, highest score first
 * (then by userid, the review's order).
 */
export async function recentSalesOfScored(ds: DataSource, corpId: string, period: string, jobModelId: number): Promise<ScoredSales[]> {
  const { from, to } = salesWindow(period);
  const months = monthRange('m', from, to);
  // tenancy: scores and metrics of the corp.
  const rows = await ds
    .getRepository(TalentMatchScore)
    .createQueryBuilder('s')
    .leftJoin(TalentMetric, 'm', `m.corp_id = s.corp_id AND m.userid = s.userid AND ${months.sql} AND m.metric IN (:...metrics)`, {
      ...months.params,
      metrics: SALES_METRICS,
    })
    .select('s.userid', 'userid')
    .addSelect('s.tier', 'tier')
    .addSelect('s.score_t', 'scoreT')
    .addSelect(`COALESCE(SUM(${FEN_OF_VALUE}), 0)`, 'fen')
    .where('s.corp_id = :corpId AND s.period = :period AND s.job_model_id = :jobModelId AND s.score_t IS NOT NULL', { corpId, period, jobModelId })
    .groupBy('s.userid')
    .addGroupBy('s.tier')
    .addGroupBy('s.score_t')
    .orderBy('s.score_t', 'DESC')
    .addOrderBy('s.userid', 'ASC')
    .getRawMany<{ userid: string; tier: string | null; scoreT: number | string; fen: number | string }>();
  return rows.map((r) => ({
    userid: r.userid,
    tier: r.tier !== null && TIERS.has(r.tier) ? (r.tier as TalentTier) : null,
    scoreT: Number(r.scoreT),
    fen: Number(r.fen),
  }));
}

/** The people of the month and job model who are not placed in the 9-box: no score (数据不足) or no tier. */
export async function unscoredOf(ds: DataSource, corpId: string, period: string, jobModelId: number): Promise<string[]> {
  // tenancy: the corp's scores (read from the review's covering index).
  const rows = await ds
    .getRepository(TalentMatchScore)
    .createQueryBuilder('s')
    .select('s.userid', 'userid')
    .where('s.corp_id = :corpId AND s.period = :period AND s.job_model_id = :jobModelId AND (s.tier IS NULL OR s.score_t IS NULL)', {
      corpId,
      period,
      jobModelId,
    })
    .getRawMany<{ userid: string }>();
  return rows.map((r) => r.userid);
}
