import type { DataSource } from 'typeorm';
import { backtestRisks, type BacktestResult, type BacktestRisk, type RiskBand } from '@liucai/shared';
import { RetentionRisk } from '../../../entities';
import { radarPeople } from './retentionPeople';

/**
 * The corp's backtest as of `asOf`: its stored weekly risks against who actually left by then (people who left
 * later count as stayers at `asOf`; leavers gone before the first computed week could be judged are left out).
 */
export async function retentionBacktest(
  ds: DataSource,
  corpId: string,
  asOf: string,
  leadDays = 30,
  /** Bands to judge instead of the stored ones (e.g. one model kind's weekly results kept aside to compare kinds). */
  given?: readonly BacktestRisk[],
): Promise<BacktestResult> {
  const people = (await radarPeople(ds, corpId)).map((p) => ({ userid: p.userid, lastDay: p.lastDay && p.lastDay <= asOf ? p.lastDay : null }));
  // tenancy: risks of this corp only.
  const risks =
    given?.filter((r) => r.band !== null && r.weekStart <= asOf) ??
    (await ds
      .getRepository(RetentionRisk)
      .createQueryBuilder('r')
      .select(['r.userid', 'r.weekStart', 'r.band'])
      .where('r.corp_id = :corpId AND r.band IS NOT NULL AND r.week_start <= :asOf', { corpId, asOf })
      .getMany());
  // tenancy: the first week this corp's risks were computed for.
  const first = await ds
    .getRepository(RetentionRisk)
    .createQueryBuilder('r')
    .select('MIN(r.week_start)', 'first')
    .where('r.corp_id = :corpId', { corpId })
    .getRawOne<{ first: string | null }>();
  return backtestRisks(
    people,
    risks.map((r) => ({ userid: r.userid, weekStart: r.weekStart, band: r.band as RiskBand })),
    { asOf, leadDays, ...(first?.first ? { evaluatedFrom: first.first } : {}) },
  );
}
