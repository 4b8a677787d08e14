/**
 * Shared pieces of the data-sync tests (attendance, leave, CRM): the fixed "now", the sync's dependencies on a test
 * world, one recorded run, worlds set up and closed around a test, and rows compared without their import times.
 */
import type { EntityTarget, FindOptionsOrder, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { createTestWorld, syncWorld, type TestWorld } from './testServices';
import type { TestClient } from './httpClient';
import { createSyncRun } from '../../server/src/modules/sync/commands/orgSyncRunCreator';
import { runDataSync, type DataSyncDeps } from '../../server/src/modules/sync/commands/dataSyncRunner';
import { SyncRun } from '../../server/src/entities';
import type { InProcessJobQueue } from '../../server/src/jobs/inProcessJobQueue';
import type { SyncKind } from '@liucai/shared';

/** The sandbox's "today" is fixed (2026-11-01 Beijing): the syncs run as if it were that morning. */
export const SYNC_NOW = new Date(Date.UTC(2026, 10, 1, 1, 0, 0));

type WorldOptions = Parameters<typeof createTestWorld>[0];

/** What a data sync needs from a test world: its database and DingTalk port, a three-week lookback, `SYNC_NOW`. */
export function dataSyncDeps(w: TestWorld, over: Partial<DataSyncDeps> = {}): DataSyncDeps {
  return {
    ds: w.ds,
    source: w.dingtalk.data,
    apiCalls: () => w.dingtalk.callCount(),
    concurrency: 4,
    monthlyCallLimit: 10000,
    lookbackDays: 21,
    now: () => SYNC_NOW,
    leaveProcessCode: w.config.leaveProcessCode,
    ...over,
  };
}

/** Record a manual `kind` run and run it with `deps`; returns the outcome and the run as stored afterwards. */
export async function runRecordedSync(w: TestWorld, kind: SyncKind, deps: DataSyncDeps, finalAttempt = true) {
  const r = await createSyncRun(w.ds, w.corpId, kind, 'manual', null, SYNC_NOW);
  const outcome = await runDataSync(deps, r!.id, { finalAttempt });
  return { outcome, run: await w.ds.getRepository(SyncRun).findOneByOrFail({ id: r!.id }) };
}

/**
 * A world with its organisation synced, made before the enclosing describe's tests and closed after them; `ready`
 * gets it once synced (to keep it, and to do any further shared setup).
 */
export function syncedWorldForDescribe(options: WorldOptions, ready: (w: TestWorld) => void | Promise<void>): void {
  let made: TestWorld | undefined;
  beforeAll(async () => {
    made = await createTestWorld(options);
    await syncWorld(made);
    await ready(made);
  });
  afterAll(async () => {
    await made?.close();
  });
}

/** Run `body` with a fresh world whose organisation is synced; the world is closed afterwards either way. */
export async function withSyncedWorld<T>(options: WorldOptions, body: (w: TestWorld) => Promise<T>): Promise<T> {
  const w = await createTestWorld(options);
  try {
    await syncWorld(w);
    return await body(w);
  } finally {
    await w.close();
  }
}

/**
 * Run `body` with two synced worlds of the same options, labelled `<label>crash` and `<label>nocrash`: one to crash
 * and resume, one to run uninterrupted for comparison. Both are closed afterwards either way.
 */
export async function withCrashTwins<T>(options: WorldOptions & { label: string }, body: (a: TestWorld, b: TestWorld) => Promise<T>): Promise<T> {
  const a = await createTestWorld({ ...options, label: `${options.label}crash` });
  const b = await createTestWorld({ ...options, label: `${options.label}nocrash` });
  try {
    await syncWorld(a);
    await syncWorld(b);
    return await body(a, b);
  } finally {
    await a.close();
    await b.close();
  }
}

/**
 * A world's rows of `entity` (narrowed by `where`, sorted by `order`), without the corp id and import time (which
 * differ between worlds and runs by design).
 */
export async function importedRows<E extends ObjectLiteral & { corpId: string; importedAt: Date }>(
  w: TestWorld,
  entity: EntityTarget<E>,
  { where, order }: { where?: FindOptionsWhere<E>; order?: FindOptionsOrder<E> } = {},
): Promise<Omit<E, 'corpId' | 'importedAt'>[]> {
  const rows = await w.ds.getRepository(entity).find({ where: { ...where, corpId: w.corpId } as FindOptionsWhere<E>, order });
  return rows.map(({ corpId: _c, importedAt: _i, ...rest }) => rest);
}

/** Start a `kind` sync through the HR API as `hr`, wait for the world's in-process jobs, and check it succeeded. */
export async function syncOverApi(hr: TestClient, w: TestWorld, kind: SyncKind): Promise<void> {
  const started = await hr.call<{ id: number; kind: string }>('POST', `/api/v1/sync/${kind}`);
  expect(started.status).toBe(202);
  expect(started.body.data.kind).toBe(kind);
  await (w.jobs as InProcessJobQueue).idle();
  const status = await hr.call<{ lastSucceeded: { id: number } | null }>('GET', `/api/v1/sync/${kind}`);
  expect(status.body.data.lastSucceeded?.id).toBe(started.body.data.id);
}
