/**
 * The KPI scoring job (`kpi.score`, main queue): score one corp's month. It also runs inline after the nightly data
 * sync (the last complete month, then the running one) and after the first start's syncs (the months the first sync
 * read, oldest first, so promotion streaks build up from real history).
 */
import type { DataSource } from 'typeorm';
import { addMonths, DEFAULT_KPI_SETTINGS, type KpiSettings } from '@liucai/shared';
import type { JobPayloads, JobQueue } from '../../../jobs/jobTypes';
import type { Logger } from '../../../logger';
import { shanghaiDate } from '../../../util/dates';
import { scoreKpiMonth } from '../commands/kpiScorer';

export interface KpiHandlerDeps {
  ds: DataSource;
  log: Logger;
  kpi?: KpiSettings;
}

/** Score `periods` of one corp in order (each its own run; a failure stops the rest). */
export async function runKpiScoring(deps: KpiHandlerDeps, corpId: string, periods: readonly string[], now = new Date()): Promise<void> {
  const today = shanghaiDate(now);
  for (const period of periods) {
    const out = await scoreKpiMonth(deps.ds, corpId, period, { today, settings: deps.kpi ?? DEFAULT_KPI_SETTINGS, now });
    deps.log.info({ corpId, ...out }, 'KPI scored');
  }
}

/** The months a nightly run scores: the last complete one and the running one. */
export const nightlyKpiPeriods = (now = new Date()): string[] => {
  const current = shanghaiDate(now).slice(0, 7);
  return [addMonths(current, -1), current];
};

/** The months a first start scores: the `months` complete months before the running one, oldest first, then it. */
export const firstStartKpiPeriods = (lookbackDays: number, now = new Date()): string[] => {
  const current = shanghaiDate(now).slice(0, 7);
  const months = Math.max(1, Math.ceil(lookbackDays / 31));
  return [...Array.from({ length: months }, (_, i) => addMonths(current, i - months)), current];
};

export function kpiJobHandlers(deps: KpiHandlerDeps): { 'kpi.score': (p: JobPayloads['kpi.score']) => Promise<void> } {
  return { 'kpi.score': ({ corpId, period }) => runKpiScoring(deps, corpId, [period]) };
}

/** Enqueue a scoring of a month (a rating, a recompute request); `reason` makes the job id. */
export async function enqueueKpiScoring(jobs: JobQueue, corpId: string, period: string, reason: string): Promise<void> {
  await jobs.enqueue('kpi.score', { corpId, period }, { jobId: `kpi-score-${corpId}-${period}-${reason}` });
}
