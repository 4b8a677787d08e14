/**
 * On-demand recomputes (人才盘点 → 重新计算): HR starts one, the talent.recompute job runs it and reports its
 * progress on the run row, the page polls the row. A corp has at most one queued or running recompute (the unique
 * `active_corp`): a second request answers the one running. A run that has not reported progress for
 * STALE_AFTER_MS is taken as dead (its worker was lost) and no longer blocks a new one.
 */
import type { DataSource } from 'typeorm';
import type { Actor } from '../../../appTypes';
import type { JobQueue } from '../../../jobs/jobTypes';
import { TalentRecomputeRun } from '../../../entities';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { isDuplicate } from './builtInJobModelSeeder';
import type { RecomputeResult } from './talentRecomputer';

export const STALE_AFTER_MS = 10 * 60 * 1000;

/** The corp's queued or running recompute, or null (a stale one is marked failed first). */
async function activeRun(ds: DataSource, corpId: string, now: Date): Promise<TalentRecomputeRun | null> {
  // tenancy: the corp's active run (active_corp is the corp id while queued or running).
  const run = await ds.getRepository(TalentRecomputeRun).findOneBy({ corpId, activeCorp: corpId });
  if (!run || now.getTime() - run.updatedAt.getTime() <= STALE_AFTER_MS) return run;
  await finishRun(ds, corpId, run.id, { state: 'failed', error: '超过 10 分钟没有进展，已视为中断' });
  return null;
}

/** Start a recompute of `period`, or answer the one already queued or running (`started: false`). Audited. */
export async function startRecompute(
  ds: DataSource,
  jobs: JobQueue,
  actor: Actor,
  period: string,
  now = new Date(),
): Promise<{ run: TalentRecomputeRun; started: boolean }> {
  const running = await activeRun(ds, actor.corpId, now);
  if (running) return { run: running, started: false };
  let run: TalentRecomputeRun;
  try {
    run = await ds.transaction(async (em) => {
      const made = await em.getRepository(TalentRecomputeRun).save(
        Object.assign(new TalentRecomputeRun(), {
          corpId: actor.corpId,
          activeCorp: actor.corpId,
          period,
          state: 'queued',
          done: 0,
          total: 0,
          written: null,
          skipped: null,
          error: null,
          requestedBy: actor.userid,
          createdAt: now,
          updatedAt: now,
          finishedAt: null,
        }),
      );
      await recordAudit(em, actor, { action: 'talent.recompute.start', targetKind: 'talent_recompute', targetId: made.id, detail: { period } });
      return made;
    });
  } catch (err) {
    // Another request started one between our read and our insert: answer that one.
    const other = isDuplicate(err) ? await activeRun(ds, actor.corpId, now) : null;
    if (other) return { run: other, started: false };
    throw err;
  }
  try {
    await jobs.enqueue('talent.recompute', { corpId: actor.corpId, period, runId: run.id }, { jobId: `talent-recompute-run-${run.id}` });
  } catch (err) {
    await finishRun(ds, actor.corpId, run.id, { state: 'failed', error: '任务排队失败，请稍后重试' });
    throw err;
  }
  return { run, started: true };
}

/** The job reports progress: `done` of `total` people computed. */
export async function reportProgress(ds: DataSource, corpId: string, runId: number, done: number, total: number): Promise<void> {
  // tenancy: the corp's run.
  await ds.getRepository(TalentRecomputeRun).update({ corpId, id: runId }, { state: 'running', done, total, updatedAt: new Date() });
}

/** End a run (it no longer blocks a new one). */
export async function finishRun(
  ds: DataSource,
  corpId: string,
  runId: number,
  end: { state: 'succeeded'; result: RecomputeResult } | { state: 'failed'; error: string },
): Promise<void> {
  const now = new Date();
  const counts = end.state === 'succeeded' ? { written: end.result.written, skipped: end.result.skipped, error: null } : { error: end.error.slice(0, 500) };
  // tenancy: the corp's run.
  await ds.getRepository(TalentRecomputeRun).update({ corpId, id: runId }, { state: end.state, activeCorp: null, ...counts, updatedAt: now, finishedAt: now });
}

/** A run of the corp, or null (another corp's is never found). */
export async function recomputeRunOf(ds: DataSource, corpId: string, runId: number): Promise<TalentRecomputeRun | null> {
  // tenancy: the corp's run.
  return ds.getRepository(TalentRecomputeRun).findOneBy({ corpId, id: runId });
}
