/**
 * The 9-box's stored figures, written by the talent.recompute job (inside its transaction, never in a request): for
 * a month, each score row's recent sales (`talent_match_scores.sales_fen`, summed in SQL from the stored portraits
 * exactly as `recentSalesOfScored` sums them) and its column (`performance`), and per job model the cut-offs over
 * everyone scored in the corp that month (`talent_nine_box_cutoffs`, with the window, the version scored and when).
 * A month's window holds the two months before it, so recomputing month P refreshes P and the stored months P+1 and
 * P+2 too: the 9-box of every month always reads the portraits as they are stored now.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { addMonths, performanceCutoffs } from '@liucai/shared';
import { TalentMatchScore, TalentNineBoxCutoff } from '../../../entities';
import { FEN_OF_VALUE, SALES_METRICS, SALES_WINDOW_MONTHS, salesWindow } from '../queries/recentSales';
import { monthRange } from '../queries/periodKinds';

/** The months whose 9-box reads month `period`'s portraits: it and the next SALES_WINDOW_MONTHS - 1. */
export function nineBoxMonthsReading(period: string): string[] {
  return Array.from({ length: SALES_WINDOW_MONTHS }, (_, i) => addMonths(period, i));
}

/** Store the 9-box figures of every month whose window holds `period` (months with no scores are left alone). */
export async function storeNineBoxesAfter(em: EntityManager | DataSource, corpId: string, period: string, now: Date): Promise<void> {
  for (const month of nineBoxMonthsReading(period)) await storeNineBox(em, corpId, month, now);
}

/**
 * One month's figures: the sales of every score row, then per job model the cut-offs (shared rule
 * `performanceCutoffs`, over the rows with a score) and each scored row's column against them.
 */
export async function storeNineBox(em: EntityManager | DataSource, corpId: string, period: string, now: Date): Promise<void> {
  const { from, to } = salesWindow(period);
  const months = monthRange('m', from, to);
  // tenancy: the corp's score rows of the month; each sums its own person's metrics of the same corp.
  await em
    .createQueryBuilder()
    .update(TalentMatchScore)
    .set({
      salesFen: () =>
        `(SELECT COALESCE(SUM(${FEN_OF_VALUE}), 0) FROM talent_metrics m WHERE m.corp_id = talent_match_scores.corp_id AND m.userid = talent_match_scores.userid AND ${months.sql} AND m.metric IN (:...metrics))`,
      performance: null,
    })
    .where('corp_id = :corpId AND period = :period', { corpId, period, ...months.params, metrics: SALES_METRICS })
    .execute();
  // tenancy: the corp's score rows of the month.
  const rows = await em
    .getRepository(TalentMatchScore)
    .createQueryBuilder('s')
    .select('s.job_model_id', 'jobModelId')
    .addSelect('s.version_id', 'versionId')
    .addSelect('s.sales_fen', 'fen')
    .addSelect('s.score_t', 'scoreT')
    .where('s.corp_id = :corpId AND s.period = :period', { corpId, period })
    .getRawMany<{ jobModelId: number | string; versionId: number | string; fen: number | string; scoreT: number | string | null }>();
  const byModel = new Map<number, { versionId: number; fens: number[] }>();
  for (const r of rows) {
    const jm = Number(r.jobModelId);
    const at = byModel.get(jm) ?? { versionId: 0, fens: [] };
    at.versionId = Math.max(at.versionId, Number(r.versionId));
    if (r.scoreT !== null) at.fens.push(Number(r.fen));
    byModel.set(jm, at);
  }
  // tenancy: the corp's cut-offs of the month are rewritten whole.
  await em.getRepository(TalentNineBoxCutoff).delete({ corpId, period });
  for (const [jobModelId, { versionId, fens }] of byModel) {
    const c = performanceCutoffs(fens);
    if (!c) continue; // nobody scored: no cut-offs, nobody placed
    // tenancy: the corp's scored rows of the month and job model.
    await em
      .createQueryBuilder()
      .update(TalentMatchScore)
      .set({ performance: () => "CASE WHEN sales_fen <= :lowFen THEN 'low' WHEN sales_fen > :highFen THEN 'high' ELSE 'mid' END" })
      .where('corp_id = :corpId AND period = :period AND job_model_id = :jobModelId AND score_t IS NOT NULL', {
        corpId,
        period,
        jobModelId,
        lowFen: c.lowFen,
        highFen: c.highFen,
      })
      .execute();
    await em.getRepository(TalentNineBoxCutoff).insert({
      corpId,
      period,
      jobModelId,
      versionId,
      windowFrom: from,
      windowTo: to,
      lowFen: c.lowFen,
      highFen: c.highFen,
      population: c.population,
      computedAt: now,
    });
  }
}
