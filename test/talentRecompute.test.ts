/**
 * Talent recomputes: only people whose inputs changed are rewritten (MariaDB and SQLite), and the on-demand
 * recompute HR starts through the HTTP API — one running per corp, progress on the run, audited, 404 for another
 * corp's run, 403 for employees, bad months refused.
 */
import type { TalentRecomputeRunView } from '@liucai/shared';
import { AuditEvent, Deal, TalentInputHash, TalentMatchScore, TalentMetric, TalentRecomputeRun } from '../server/src/entities';
import { recomputeTalent } from '../server/src/modules/talent/commands/talentRecomputer';
import { startRecompute, STALE_AFTER_MS } from '../server/src/modules/talent/commands/recomputeRuns';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../server/src/modules/sync/commands/customerSegments';
import type { InProcessJobQueue } from '../server/src/jobs/inProcessJobQueue';
import type { JobQueue } from '../server/src/jobs/jobTypes';
import { actorFor, clientAs, onBothDatabases } from './support/factories';
import { buildTalentWorld, type TalentWorld } from './support/talentWorld';
import { buildTalentData, TALENT_PERIOD, TALENT_TODAY } from './support/talentData';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';

/** A run someone started that is a quarter done. */
const runningRun = (corpId: string, requestedBy: string) => {
  const now = new Date();
  return Object.assign(new TalentRecomputeRun(), {
    corpId,
    activeCorp: corpId,
    period: TALENT_PERIOD,
    state: 'running',
    done: 40,
    total: 160,
    written: null,
    skipped: null,
    error: null,
    requestedBy,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
  });
};

const opts = { bigDealFen: DEFAULT_SEGMENT_THRESHOLDS.bigDealFen, today: TALENT_TODAY };

describe('talent recompute: only changed people are rewritten', () => {
  it('writes everyone once, nobody the second time, one person after one deal changes; progress is reported', async () => {
    await onBothDatabases('talentrc', async (ds, kind) => {
      const tw = await buildTalentWorld(ds, `rc${kind.slice(0, 2)}`);
      await buildTalentData(ds, tw);
      const progress: [number, number][] = [];
      const first = await recomputeTalent(ds, tw.corpId, TALENT_PERIOD, { ...opts, onProgress: (d, t) => void progress.push([d, t]) });
      expect(first).toMatchObject({ people: 3, written: 3, skipped: 0 });
      expect(first.metrics).toBeGreaterThan(0);
      expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
      expect(await ds.getRepository(TalentInputHash).countBy({ corpId: tw.corpId, period: TALENT_PERIOD })).toBe(3);

      const second = await recomputeTalent(ds, tw.corpId, TALENT_PERIOD, opts);
      expect(second).toMatchObject({ people: 3, written: 0, skipped: 3, metrics: 0, scores: 0 });

      // 张三's June deal grows: his rows (and only his) are rewritten.
      const deal = await ds.getRepository(Deal).findOneByOrFail({ corpId: tw.corpId, ownerUserid: tw.people.zhang.userid });
      await ds.getRepository(Deal).update({ corpId: tw.corpId, sourceId: deal.sourceId }, { amountFen: 380_000 });
      const before = await ds.getRepository(TalentMetric).findOneByOrFail({ corpId: tw.corpId, userid: tw.people.wang.userid, metric: 'renewalRate' });
      const third = await recomputeTalent(ds, tw.corpId, TALENT_PERIOD, opts);
      expect(third).toMatchObject({ people: 3, written: 1, skipped: 2, scores: 1 });
      expect(
        (await ds.getRepository(TalentMetric).findOneByOrFail({ corpId: tw.corpId, userid: tw.people.zhang.userid, metric: 'smallDealValue' })).value,
      ).toBe('3800');
      const after = await ds.getRepository(TalentMetric).findOneByOrFail({ corpId: tw.corpId, userid: tw.people.wang.userid, metric: 'renewalRate' });
      expect(after.computedAt.getTime()).toBe(before.computedAt.getTime());

      // Someone who leaves the portraits takes their hash with them; a lost hash means a rewrite.
      await ds.getRepository(TalentInputHash).delete({ corpId: tw.corpId, userid: tw.people.wang.userid });
      expect(await recomputeTalent(ds, tw.corpId, TALENT_PERIOD, opts)).toMatchObject({ written: 1, skipped: 2 });
      expect(await ds.getRepository(TalentMatchScore).countBy({ corpId: tw.corpId, period: TALENT_PERIOD })).toBe(3);
    });
  });

  it('one queued or running recompute per corp: a second start answers it; a stale one no longer blocks', async () => {
    await onBothDatabases('talentrun', async (ds, kind) => {
      const tw = await buildTalentWorld(ds, `rr${kind.slice(0, 2)}`);
      const enqueued: unknown[] = [];
      const jobs = { enqueue: async (...a: unknown[]) => void enqueued.push(a) } as unknown as JobQueue;
      const hr = actorFor(tw.people.hr, ['hr']);
      const now = new Date('2026-07-02T02:00:00Z');
      const a = await startRecompute(ds, jobs, hr, TALENT_PERIOD, now);
      const b = await startRecompute(ds, jobs, actorFor(tw.people.admin, ['admin']), '2026-05', now);
      expect([a.started, b.started, b.run.id]).toEqual([true, false, a.run.id]);
      expect(enqueued).toHaveLength(1);
      const [both] = await Promise.all([startRecompute(ds, jobs, hr, TALENT_PERIOD, now), startRecompute(ds, jobs, hr, TALENT_PERIOD, now)]);
      expect(both.run.id).toBe(a.run.id);
      // Nothing heard from it for longer than STALE_AFTER_MS: marked failed, a new one starts.
      const later = new Date(now.getTime() + STALE_AFTER_MS + 1000);
      const c = await startRecompute(ds, jobs, hr, TALENT_PERIOD, later);
      expect(c.started).toBe(true);
      expect(await ds.getRepository(TalentRecomputeRun).findOneByOrFail({ id: a.run.id })).toMatchObject({ state: 'failed', activeCorp: null });
      expect(await ds.getRepository(AuditEvent).countBy({ corpId: tw.corpId, action: 'talent.recompute.start' })).toBe(2);
    });
  });
});

describe('on-demand recompute through the HTTP API', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let tw: TalentWorld;
  let other: TalentWorld;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'talentod', employees: 20 });
    tw = await buildTalentWorld(w.ds, 'od');
    other = await buildTalentWorld(w.ds, 'od2');
    await buildTalentData(w.ds, tw);
    server = await listen({ ...w, corp: { corpId: tw.corpId, name: tw.corpId } });
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  it('HR starts a recompute, follows its progress to the end, and a second one rewrites nobody', async () => {
    const hr = await clientAs(w.ds, server.url, tw.people.hr);
    const started = await hr.call<TalentRecomputeRunView & { started: boolean }>('POST', '/api/v1/talent/recomputes', { period: TALENT_PERIOD });
    expect(started.status).toBe(202);
    expect(started.body.data).toMatchObject({ period: TALENT_PERIOD, started: true });
    await (w.jobs as InProcessJobQueue).idle();
    const done = await hr.call<TalentRecomputeRunView>('GET', `/api/v1/talent/recomputes/${started.body.data.id}`);
    expect(done.body.data).toMatchObject({ state: 'succeeded', percent: 100, written: 3, skipped: 0, error: null, requestedBy: tw.people.hr.userid });
    expect(done.body.data.done).toBe(done.body.data.total);

    const again = await hr.call<TalentRecomputeRunView>('POST', '/api/v1/talent/recomputes', { period: TALENT_PERIOD });
    expect(again.status).toBe(202);
    await (w.jobs as InProcessJobQueue).idle();
    expect((await hr.call<TalentRecomputeRunView>('GET', `/api/v1/talent/recomputes/${again.body.data.id}`)).body.data).toMatchObject({
      state: 'succeeded',
      written: 0,
      skipped: 3,
    });
    const audit = await w.ds.getRepository(AuditEvent).findBy({ corpId: tw.corpId, action: 'talent.recompute.start' });
    expect(audit.map((e) => [e.actorUserid, e.targetKind])).toEqual([
      [tw.people.hr.userid, 'talent_recompute'],
      [tw.people.hr.userid, 'talent_recompute'],
    ]);
  });

  it('answers the running one to a second request (200), not another corp, not employees, not bad months', async () => {
    const hr = await clientAs(w.ds, server.url, tw.people.hr);
    const running = await w.ds.getRepository(TalentRecomputeRun).save(runningRun(tw.corpId, tw.people.admin.userid));
    const second = await hr.call<TalentRecomputeRunView & { started: boolean }>('POST', '/api/v1/talent/recomputes', {});
    expect(second.status).toBe(200);
    expect(second.body.data).toMatchObject({ id: running.id, started: false, state: 'running', percent: 25 });
    // Another corp's run is never found.
    const theirs = await w.ds.getRepository(TalentRecomputeRun).save(runningRun(other.corpId, other.people.admin.userid));
    expect((await hr.call('GET', `/api/v1/talent/recomputes/${theirs.id}`)).status).toBe(404);
    expect((await hr.call('GET', '/api/v1/talent/recomputes/999999')).status).toBe(404);
    const employee = await clientAs(w.ds, server.url, tw.people.zhang);
    expect((await employee.call('POST', '/api/v1/talent/recomputes', {})).status).toBe(403);
    expect((await employee.call('GET', `/api/v1/talent/recomputes/${running.id}`)).status).toBe(403);
    await w.ds.getRepository(TalentRecomputeRun).update({ id: running.id }, { state: 'failed', activeCorp: null });
    const bad = await hr.call('POST', '/api/v1/talent/recomputes', { period: '2099-01' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('不能晚于本月');
    expect((await hr.call('POST', '/api/v1/talent/recomputes', { period: '2026-13' })).status).toBe(400);
  });
});
