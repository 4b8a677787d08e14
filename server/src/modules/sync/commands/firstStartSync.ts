import { In, type DataSource } from 'typeorm';
import type { SyncKind } from '@liucai/shared';
import { SyncRun } from '../../../entities';
import type { JobQueue } from '../../../jobs/jobTypes';
import { dataSyncJobId, orgSyncJobId, startupSyncJobId } from '../jobs/orgSyncJob';
import { createOrgSyncRun, createSyncRun } from './orgSyncRunCreator';

/** The data sources the first start reads once, in this order (departures first: the others then read leavers too). */
export const STARTUP_DATA_KINDS = ['departures', 'attendance', 'leave', 'crm'] as const satisfies readonly SyncKind[];

interface FirstStartDeps {
  ds: DataSource;
  jobs: Pick<JobQueue, 'enqueue'>;
}

/**
 * A fresh installation has nobody to sign in: start the org sync at once (trigger `startup`) rather than wait for
 * the nightly one. Nothing happens once an org sync has succeeded. Returns the run (one already under way, if any).
 */
export async function startFirstOrgSync(deps: FirstStartDeps, corpId: string): Promise<SyncRun | null> {
  // Not "nobody in the org": people signing in before the first org sync are read on the fly (signInUser).
  if ((await deps.ds.getRepository(SyncRun).countBy({ corpId, kind: 'org', status: 'succeeded' })) > 0) return null;
  const run = await createOrgSyncRun(deps.ds, corpId, 'startup', null);
  if (run) await deps.jobs.enqueue('org.sync', { corpId, syncRunId: run.id }, { jobId: orgSyncJobId(run.id) });
  // A start during an org sync (a restart while the first one runs) waits for that one.
  return run ?? deps.ds.getRepository(SyncRun).findOne({ where: { corpId, kind: 'org', status: In(['queued', 'running']) }, order: { id: 'DESC' } });
}

/**
 * Read every data source once, right after the first org sync (the demo: a company with its history from the
 * first minute). Only when no data sync was ever recorded for the corp; the runs are recorded at once (the 数据
 * page shows them queued) and run one after another in the background. Returns the runs, or [] when not first.
 */
export async function startFirstDataSyncs(deps: FirstStartDeps, corpId: string): Promise<SyncRun[]> {
  if ((await deps.ds.getRepository(SyncRun).countBy({ corpId, kind: In([...STARTUP_DATA_KINDS]) })) > 0) return [];
  const runs: SyncRun[] = [];
  for (const kind of STARTUP_DATA_KINDS) {
    const run = await createSyncRun(deps.ds, corpId, kind, 'startup', null);
    if (run) runs.push(run);
  }
  await enqueueStartupChain(deps, corpId, runs);
  return runs;
}

/** Queue first-start data runs as one job that runs them in order (also used to resume them after a restart). */
export async function enqueueStartupChain(deps: FirstStartDeps, corpId: string, runs: readonly SyncRun[]): Promise<void> {
  if (runs.length === 0) return;
  const order = (run: SyncRun) => STARTUP_DATA_KINDS.indexOf(run.kind as (typeof STARTUP_DATA_KINDS)[number]);
  const ids = [...runs].sort((a, b) => order(a) - order(b) || a.id - b.id).map((r) => r.id);
  await deps.jobs.enqueue('data.startupSync', { corpId, syncRunIds: ids }, { jobId: startupSyncJobId(ids) });
}

/** Re-enqueue a queued or running run left by a stopped process; first-start data runs go back into their chain. */
export async function resumeRuns(deps: FirstStartDeps, corpId: string, runs: readonly SyncRun[]): Promise<void> {
  const chain = runs.filter((r) => r.trigger === 'startup' && r.kind !== 'org');
  await enqueueStartupChain(deps, corpId, chain);
  for (const run of runs) {
    if (chain.includes(run)) continue;
    if (run.kind === 'org') await deps.jobs.enqueue('org.sync', { corpId, syncRunId: run.id }, { jobId: orgSyncJobId(run.id) });
    else await deps.jobs.enqueue('data.sync', { corpId, syncRunId: run.id }, { jobId: dataSyncJobId(run.id) });
  }
}

/** Wait for a run to finish, calling `progress` with it every `everyMs`; resolves with the finished run. */
export async function waitForRun(ds: DataSource, of: SyncRun, progress: (run: SyncRun) => void = () => undefined, everyMs = 300): Promise<SyncRun> {
  for (;;) {
    const run = await ds.getRepository(SyncRun).findOneByOrFail({ id: of.id, corpId: of.corpId });
    if (run.status === 'succeeded' || run.status === 'failed') return run;
    progress(run);
    await new Promise((res) => setTimeout(res, everyMs));
  }
}
