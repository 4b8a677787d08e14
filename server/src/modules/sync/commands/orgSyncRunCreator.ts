import { In, type DataSource } from 'typeorm';
import type { SyncKind } from '@liucai/shared';
import { Corp, SyncRun } from '../../../entities';
import { conflict } from '../../../errors';

/** A run still 'queued' or 'running' after this long is taken as abandoned (its worker died). */
export const STALE_RUN_MS = 2 * 3600 * 1000;

/**
 * Record a new sync run of `kind` unless one is already active for the corp. Manual requests get 409
 * `sync_already_running`; scheduled and event triggers get null (nothing to do). Abandoned runs are closed first.
 * The caller enqueues the job after this transaction commits.
 */
export async function createSyncRun(
  ds: DataSource,
  corpId: string,
  kind: SyncKind,
  trigger: SyncRun['trigger'],
  requestedBy: string | null,
  now = new Date(),
): Promise<SyncRun | null> {
  return ds.transaction(async (em) => {
    // Serialise concurrent requests for the same corp on its row (SQLite serialises writers by itself).
    const q = em.createQueryBuilder(Corp, 'c').where('c.corp_id = :corpId', { corpId });
    if (ds.options.type !== 'better-sqlite3') q.setLock('pessimistic_write');
    await q.getOne();
    const runs = em.getRepository(SyncRun);
    const active = await runs.find({ where: { corpId, kind, status: In(['queued', 'running']) }, order: { id: 'DESC' } });
    for (const run of active) {
      const since = (run.startedAt ?? run.createdAt).getTime();
      if (now.getTime() - since > STALE_RUN_MS) {
        await runs.update({ id: run.id }, { status: 'failed', error: 'abandoned: no progress for 2 hours (worker stopped?)', finishedAt: now });
        continue;
      }
      if (trigger === 'manual') throw conflict('sync_already_running', '同步正在进行中', { runId: run.id, kind });
      return null;
    }
    return runs.save(runs.create({ corpId, kind, status: 'queued', trigger, requestedBy, createdAt: now }));
  });
}

/** createSyncRun for the org. */
export function createOrgSyncRun(
  ds: DataSource,
  corpId: string,
  trigger: SyncRun['trigger'],
  requestedBy: string | null,
  now = new Date(),
): Promise<SyncRun | null> {
  return createSyncRun(ds, corpId, 'org', trigger, requestedBy, now);
}
