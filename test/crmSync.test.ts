import { IsNull } from 'typeorm';
import type { TestWorld } from './support/testServices';
import {
  dataSyncDeps,
  importedRows,
  runRecordedSync,
  SYNC_NOW as NOW,
  syncedWorldForDescribe,
  syncOverApi,
  withCrashTwins,
  withSyncedWorld,
} from './support/dataSyncWorld';
import { withSqliteSyncedWorld } from './support/sqliteSyncWorld';
import { TestClient } from './support/httpClient';
import { listen } from './support/testServer';
import { createSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import { runDataSync, type DataSyncDeps } from '../server/src/modules/sync/commands/dataSyncRunner';
import { CRM_CHECKPOINT, DEFAULT_CRM_SETTINGS } from '../server/src/modules/sync/commands/crmSyncer';
import { customerSegment } from '../server/src/modules/sync/commands/customerSegments';
import { followUpText } from '../server/src/dingtalk/sandbox/followUpText';
import { ApiCallBudget, CollaborationEvent, Customer, Deal, Department, FollowUp, SyncCheckpoint, SyncRun, User } from '../server/src/entities';
import { crmDataOf, generateCrm } from '../server/src/dingtalk/sandbox/crmModel';
import type { InProcessJobQueue } from '../server/src/jobs/inProcessJobQueue';
import type { DataQuality } from '@liucai/shared';

const LOOKBACK_MS = DEFAULT_CRM_SETTINGS.followUpLookbackDays * 86_400_000;

const deps = dataSyncDeps;
const run = (w: TestWorld, over: Partial<DataSyncDeps> = {}, finalAttempt = true) => runRecordedSync(w, 'crm', deps(w, over), finalAttempt);

/** Every CRM-derived row of a world, without import times (which differ between runs by design). */
async function snapshot(w: TestWorld) {
  const strip = (rows: object[]) => rows.map((rest) => JSON.stringify(rest)).sort();
  const where = { source: 'dingtalk' as const };
  return {
    customers: strip(await importedRows(w, Customer, { where })),
    deals: strip((await importedRows(w, Deal, { where })).map((d) => ({ ...d, amountFen: Number(d.amountFen) }))),
    followUps: strip(await importedRows(w, FollowUp, { where })),
    collaborations: strip(await importedRows(w, CollaborationEvent, { where })),
  };
}

describe('CRM sync from the sandbox', () => {
  let w: TestWorld;
  let first: Awaited<ReturnType<typeof run>>;
  syncedWorldForDescribe({ label: 'crm', employees: 60, seed: 19 }, async (made) => {
    w = made;
    first = await run(w);
  });

  it('takes in every customer, every contract as a deal, and the follow-ups of the lookback period', async () => {
    expect(first.run.status).toBe('succeeded');
    const crm = generateCrm(w.sandboxHandle.corps.get(w.corpId)!);
    const customers = await w.ds.getRepository(Customer).findBy({ corpId: w.corpId, kind: 'enterprise' });
    expect(customers.map((c) => c.sourceId).sort()).toEqual(crm.customers.map((c) => c.instanceId).sort());
    // Personal customers come from the same endpoint's crm_customer_personal list, stored apart by kind.
    const personal = await w.ds.getRepository(Customer).findBy({ corpId: w.corpId, kind: 'personal' });
    expect(personal.length).toBeGreaterThan(0);
    expect(personal.map((c) => [c.sourceId, c.name, c.ownerUserid]).sort()).toEqual(crm.personalCustomers.map((c) => [c.instanceId, c.name, c.owner]).sort());
    const byId = new Map(crm.customers.map((c) => [c.instanceId, c]));
    expect(customers.every((c) => c.name === byId.get(c.sourceId)!.name && c.ownerUserid === byId.get(c.sourceId)!.owner)).toBe(true);
    expect(customers[0]!.data).toEqual({ customer_name: customers[0]!.name });

    const deals = await w.ds.getRepository(Deal).findBy({ corpId: w.corpId });
    expect(deals.length).toBe(crm.contracts.length);
    const contract = new Map(crm.contracts.map((c) => [c.instanceId, c]));
    for (const d of deals) {
      const c = contract.get(d.sourceId)!;
      expect([Number(d.amountFen), d.status, d.renewalYears, d.ownerUserid, d.customerSourceId, d.customerName]).toEqual([
        c.amountFen,
        c.status,
        c.renewalYears,
        c.owner,
        c.customerId,
        c.customerName,
      ]);
    }
    expect(deals.some((d) => d.status === 'cancelled')).toBe(true);
    expect(deals.some((d) => d.renewalYears > 0)).toBe(true);

    const followUps = await w.ds.getRepository(FollowUp).findBy({ corpId: w.corpId });
    const expected = crm.followRecords.filter((f) => f.modifyMs >= NOW.getTime() - LOOKBACK_MS);
    expect(followUps.map((f) => f.sourceId).sort()).toEqual(expected.map((f) => f.instanceId).sort());
    const f0 = expected[0]!;
    const row = followUps.find((f) => f.sourceId === f0.instanceId)!;
    expect([row.ownerUserid, row.customerSourceId, row.followedAt.getTime()]).toEqual([f0.owner, f0.customerId, Math.floor(f0.followMs / 1000) * 1000]);
    // What the salesperson wrote is kept (the sandbox writes realistic notes).
    expect(row.content).toBe(followUpText(f0));

    // One page of 100 per call, metered and recorded with the run.
    const pages =
      Math.ceil(crm.customers.length / 100) +
      Math.ceil(crm.personalCustomers.length / 100) +
      Math.ceil(crm.contracts.length / 100) +
      Math.ceil(expected.length / 100);
    expect(first.run.apiCalls).toBe(pages);
    const budget = await w.ds.getRepository(ApiCallBudget).findOneByOrFail({ corpId: w.corpId, month: '2026-11' });
    expect(budget.meteredCalls).toBe(first.run.apiCalls);
    const checkpoint = await w.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: w.corpId, source: CRM_CHECKPOINT });
    expect(checkpoint.position).toEqual({ pass: null, lastPassStartedMs: NOW.getTime(), customersReadMs: NOW.getTime() });
  });

  it('segments customers by their deals (3,000 / 10,000 CNY) with first and last deal dates', async () => {
    const deals = await w.ds.getRepository(Deal).findBy({ corpId: w.corpId, source: 'dingtalk' });
    const customers = await w.ds.getRepository(Customer).findBy({ corpId: w.corpId });
    const counts = { small: 0, big: 0, none: 0 };
    for (const c of customers) {
      const mine = deals
        .filter((d) => d.customerSourceId === c.sourceId && d.status !== 'cancelled')
        .map((d) => ({ amountFen: Number(d.amountFen), signedOn: d.signedOn, id: d.sourceId }))
        .sort((a, b) => a.signedOn.localeCompare(b.signedOn) || a.id.localeCompare(b.id));
      expect(c.segment).toBe(customerSegment(mine, DEFAULT_CRM_SETTINGS));
      expect([c.firstDealOn, c.lastDealOn]).toEqual([mine[0]?.signedOn ?? null, mine.at(-1)?.signedOn ?? null]);
      counts[c.segment ?? 'none']++;
    }
    expect(counts.small).toBeGreaterThan(0);
    expect(counts.big).toBeGreaterThan(0);
  });

  it('derives cross-department collaborations from follow-up participants: who, which department, which customer, when', async () => {
    const events = await w.ds.getRepository(CollaborationEvent).findBy({ corpId: w.corpId, source: 'dingtalk' });
    expect(events.length).toBeGreaterThan(0);
    const users = new Map((await w.ds.getRepository(User).findBy({ corpId: w.corpId })).map((u) => [u.userid, u]));
    const depts = new Map((await w.ds.getRepository(Department).findBy({ corpId: w.corpId })).map((d) => [Number(d.deptId), d]));
    // Follow-ups of people who left (the sandbox's history) name owners the org sync never saw: the sync cannot place
    // them (no departures were synced in this world), and neither does this helper.
    const unitName = (userid: string) => {
      const mainDeptId = users.get(userid)?.mainDeptId;
      let d = mainDeptId === undefined || mainDeptId === null ? undefined : depts.get(Number(mainDeptId));
      while (d && d.parentId !== null && depts.get(Number(d.parentId))?.parentId !== null) d = depts.get(Number(d.parentId));
      return d?.name;
    };
    const topLevel = new Set([...depts.values()].filter((d) => d.parentId !== null && depts.get(Number(d.parentId))?.parentId === null).map((d) => d.name));
    const crm = generateCrm(w.sandboxHandle.corps.get(w.corpId)!);
    const records = new Map(crm.followRecords.map((f) => [f.instanceId, f]));
    for (const e of events) {
      expect(topLevel.has(e.withDepartment)).toBe(true);
      expect(e.withDepartment).not.toBe(unitName(e.userid));
      expect(e.customerName).not.toBeNull();
    }
    // Every follow-up with a participant from another unit gave exactly one event per such unit, on its day.
    const followUps = await w.ds.getRepository(FollowUp).findBy({ corpId: w.corpId });
    let expected = 0;
    let sameUnitOnly = 0;
    for (const f of followUps) {
      const r = records.get(f.sourceId)!;
      const units = new Set(r.participants.map(unitName).filter((u) => u !== undefined && u !== unitName(r.owner)));
      expected += units.size;
      if (r.participants.length > 0 && units.size === 0) sameUnitOnly++;
    }
    expect(events.length).toBe(expected);
    expect(sameUnitOnly).toBeGreaterThan(0);
    expect(events.some((e) => e.withDepartment === '技术部')).toBe(true);
  });

  it('writes nothing when run again, and reads only what changed since the last pass', async () => {
    const before = await snapshot(w);
    const again = await run(w);
    expect(again.run.status).toBe('succeeded');
    expect(again.outcome).toMatchObject({ rows: 0 });
    // Customers are read weekly; contracts and follow records changed since the last pass: one page each.
    expect(again.run.apiCalls).toBe(2);
    expect(await snapshot(w)).toEqual(before);
    const budget = await w.ds.getRepository(ApiCallBudget).findOneByOrFail({ corpId: w.corpId, month: '2026-11' });
    expect(budget.meteredCalls).toBe(first.run.apiCalls + again.run.apiCalls);
  });

  it('reads all customers again after a week, and restarts a phase whose saved nextToken DingTalk no longer takes', async () => {
    const before = await snapshot(w);
    const crm = generateCrm(w.sandboxHandle.corps.get(w.corpId)!);
    const weekLater = new Date(NOW.getTime() + 7 * 86_400_000);
    // With CRM_FULL_PASS_DAYS=14 a week later is still an incremental pass: no customer list is read.
    w.sandboxHandle.resetStats();
    expect((await run(w, { now: () => weekLater, crm: { ...DEFAULT_CRM_SETTINGS, fullPassDays: 14 } })).outcome).toMatchObject({ rows: 0 });
    expect(w.sandboxHandle.stats().calls['/v1.0/crm/customerInstances']).toBeUndefined();
    expect(w.sandboxHandle.stats().calls['/v1.0/crm/customObjects/datas/query']).toBeGreaterThan(0);
    const week = await run(w, { now: () => weekLater });
    expect(week.outcome).toMatchObject({ rows: 0 });
    // A full pass: both customer lists, every contract, and the follow records of the re-check window (30 days, not
    // the first pass's 180).
    const pages = (n: number) => Math.max(1, Math.ceil(n / 100));
    const recheckMs = DEFAULT_CRM_SETTINGS.followUpRecheckDays * 86_400_000;
    const windowed = crm.followRecords.filter((f) => f.modifyMs >= weekLater.getTime() - recheckMs).length;
    expect(windowed).toBeLessThan(crm.followRecords.filter((f) => f.modifyMs >= weekLater.getTime() - LOOKBACK_MS).length);
    expect(week.run.apiCalls).toBe(pages(crm.customers.length) + pages(crm.personalCustomers.length) + pages(crm.contracts.length) + pages(windowed));

    const checkpoints = w.ds.getRepository(SyncCheckpoint);
    const saved = (await checkpoints.findOneByOrFail({ corpId: w.corpId, source: CRM_CHECKPOINT })).position;
    const pass = {
      startedMs: weekLater.getTime(),
      phase: 'contracts',
      nextToken: 'expired-token',
      contractsSinceMs: null,
      followUpsSinceMs: NOW.getTime() - LOOKBACK_MS,
      pages: 7,
      readsCustomers: false,
    };
    await checkpoints.update({ corpId: w.corpId, source: CRM_CHECKPOINT }, { position: { ...saved, pass } });
    const restarted = await run(w, { now: () => weekLater });
    expect(restarted.run.status).toBe('succeeded');
    expect(restarted.outcome).toMatchObject({ rows: 0 });
    expect(await snapshot(w)).toEqual(before);
  });

  it('runs in the nightly trigger after departures, attendance and leave, writing nothing new', async () => {
    await w.jobs.enqueue('data.scheduledSync', { corpId: w.corpId }, { jobId: `nightly-${w.corpId}` });
    await (w.jobs as InProcessJobQueue).idle();
    const nightly = await w.ds.getRepository(SyncRun).find({ where: { corpId: w.corpId, trigger: 'schedule' }, order: { id: 'ASC' } });
    expect(nightly.map((r) => r.kind)).toEqual(['departures', 'attendance', 'leave', 'crm']);
    expect(nightly.at(-1)).toMatchObject({ status: 'succeeded', countRows: 0 });
  });

  it('shows CRM on the data-quality page with contracts without an owner and customers without follow-ups', async () => {
    const server = await listen(w);
    try {
      const hr = new TestClient(server.url);
      await hr.signIn(w.sandbox!.demoUsers.hr, w.corpId);
      const quality = await hr.call<DataQuality>('GET', '/api/v1/sync/quality');
      const crm = quality.body.data.sources.find((s) => s.source === 'crm')!;
      expect(crm.rows).toBe(await w.ds.getRepository(Customer).countBy({ corpId: w.corpId }));
      expect(crm.lastSucceededAt).not.toBeNull();
      const ownerless = await w.ds.getRepository(Deal).countBy({ corpId: w.corpId, ownerUserid: IsNull() });
      const gaps = new Map(crm.gaps.map((g) => [g.id, g]));
      expect(gaps.get('contracts_without_owner')?.count).toBe(ownerless);
      expect(ownerless).toBeGreaterThan(0);
      // Those contracts are the CRM's gap only: the imports source does not list them again, by their hashed ids.
      const imports = quality.body.data.sources.find((s) => s.source === 'imports')!;
      expect(imports.gaps.find((g) => g.id === 'deals_without_owner')).toBeUndefined();
      expect(gaps.get('customers_without_follow_up')?.count).toBeGreaterThan(0);
      expect(gaps.get('customers_without_follow_up')!.nextStep).toContain('跟进');
      await syncOverApi(hr, w, 'crm');
    } finally {
      await server.close();
    }
  });
});

describe('CRM sync that is interrupted, out of budget or configured differently', () => {
  it('drops the collaborations a re-read follow-up no longer gives', async () => {
    await withSyncedWorld({ label: 'crmstale', employees: 40, seed: 47 }, async (w) => {
      await run(w);
      const events = w.ds.getRepository(CollaborationEvent);
      const crm = crmDataOf(w.sandboxHandle.corps.get(w.corpId)!);
      const eventIds = new Set((await events.findBy({ corpId: w.corpId })).map((e) => e.sourceId.split(':')[1]));
      const record = crm.followRecords.find((f) => eventIds.has(f.instanceId))!;
      const before = await events.countBy({ corpId: w.corpId });
      const mine = (await events.findBy({ corpId: w.corpId })).filter((e) => e.sourceId.startsWith(`crm:${record.instanceId}:`)).length;
      expect(mine).toBeGreaterThan(0);
      // In DingTalk the participants are taken off the record, which changes its modification time.
      record.participants = [];
      record.modifyMs = NOW.getTime() - 3600_000;
      const later = new Date(NOW.getTime() + 3600_000);
      const again = await run(w, { now: () => later });
      // The follow-up itself is written again (its DingTalk modification time moved), and its events dropped.
      expect(again.outcome).toMatchObject({ rows: mine + 1 });
      expect(await events.countBy({ corpId: w.corpId })).toBe(before - mine);
      expect((await events.findBy({ corpId: w.corpId })).some((e) => e.sourceId.startsWith(`crm:${record.instanceId}:`))).toBe(false);
    });
  });

  it('resumes after a crash from its checkpoint and ends equal to an uninterrupted run', async () => {
    await withCrashTwins({ label: 'crm', employees: 40, seed: 37 }, async (a, b) => {
      let objectCalls = 0;
      const data = a.dingtalk.data;
      const dying: DataSyncDeps['source'] = Object.assign(Object.create(data) as DataSyncDeps['source'], {
        crmObjects: (...args: Parameters<typeof data.crmObjects>) => {
          if (++objectCalls > 1) throw new Error('worker killed'); // in the contracts, after their first page
          return data.crmObjects(...args);
        },
      });
      const r = await createSyncRun(a.ds, a.corpId, 'crm', 'manual', null, NOW);
      await expect(runDataSync({ ...deps(a), source: dying }, r!.id, { finalAttempt: false })).rejects.toThrow('worker killed');
      expect((await a.ds.getRepository(SyncRun).findOneByOrFail({ id: r!.id })).status).toBe('queued');
      const mid = (await a.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: a.corpId, source: CRM_CHECKPOINT })).position as {
        pass: { phase: string; nextToken: string | null };
      };
      expect(mid.pass.phase).toBe('contracts');
      expect(mid.pass.nextToken).not.toBeNull();
      expect(generateCrm(a.sandboxHandle.corps.get(a.corpId)!).contracts.length).toBeGreaterThan(100);
      expect(await a.ds.getRepository(Deal).countBy({ corpId: a.corpId })).toBe(100);
      a.sandboxHandle.resetStats();
      await runDataSync(deps(a), r!.id, { finalAttempt: true });
      // The retry started at the saved page: no customer page and no contract page was read twice.
      const calls = a.sandboxHandle.stats().calls;
      expect(calls['/v1.0/crm/customerInstances'] ?? 0).toBe(0);
      await run(b);
      expect(await snapshot(a)).toEqual(await snapshot(b));
      const runs = await a.ds.getRepository(SyncRun).findBy({ corpId: a.corpId, kind: 'crm' });
      const budgetA = await a.ds.getRepository(ApiCallBudget).findOneByOrFail({ corpId: a.corpId, month: '2026-11' });
      const budgetB = await b.ds.getRepository(ApiCallBudget).findOneByOrFail({ corpId: b.corpId, month: '2026-11' });
      // Calls of the crashed attempt count too (its pages landed); the failed call never reached DingTalk.
      expect(budgetA.meteredCalls).toBe(budgetB.meteredCalls);
      expect(runs).toHaveLength(1);
    });
  });

  it('stops at the monthly metered-call budget, says so, and continues next time', async () => {
    await withSyncedWorld({ label: 'crmbudget', employees: 40, seed: 41 }, async (w) => {
      const limited = await run(w, { monthlyCallLimit: 4 });
      expect(limited.run.status).toBe('succeeded');
      expect(limited.run.apiCalls).toBe(4);
      expect(limited.run.note).toMatch(/本月计量调用已用完（上限 4 次）/);
      const position = (await w.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: w.corpId, source: CRM_CHECKPOINT })).position as {
        pass: { pages: number } | null;
      };
      expect(position.pass?.pages).toBe(4);
      const nothing = await run(w, { monthlyCallLimit: 4 });
      expect(nothing.run.apiCalls).toBe(0);
      const rest = await run(w);
      expect(rest.run.note).toBeNull();
      const crm = generateCrm(w.sandboxHandle.corps.get(w.corpId)!);
      expect(await w.ds.getRepository(Deal).countBy({ corpId: w.corpId })).toBe(crm.contracts.length);
      expect(await w.ds.getRepository(Customer).countBy({ corpId: w.corpId, segment: IsNull() })).toBeLessThan(crm.customers.length);
    });
  });

  it('reads the configured contract object and segments by the configured thresholds', async () => {
    await withSyncedWorld({ label: 'crmconf', employees: 40, seed: 43 }, async (w) => {
      w.sandboxHandle.corps.get(w.corpId)!.crmObjects.contracts = 'PROC-CONTRACT-9';
      const r = await createSyncRun(w.ds, w.corpId, 'crm', 'manual', null, NOW);
      await expect(runDataSync(deps(w), r!.id, { finalAttempt: true })).rejects.toThrow('invalid.objectType');
      const wrong = await w.ds.getRepository(SyncRun).findOneByOrFail({ id: r!.id });
      expect(wrong.status).toBe('failed');
      expect(wrong.error).toContain('no custom object named crm_contract');
      await w.ds.getRepository(SyncCheckpoint).delete({ corpId: w.corpId, source: CRM_CHECKPOINT });
      const crm = { ...DEFAULT_CRM_SETTINGS, contractObject: 'PROC-CONTRACT-9', smallDealFen: 5_000_000, bigDealFen: 10_000_000 };
      const ok = await run(w, { crm });
      expect(ok.run.status).toBe('succeeded');
      const customers = await w.ds.getRepository(Customer).findBy({ corpId: w.corpId });
      const deals = await w.ds.getRepository(Deal).findBy({ corpId: w.corpId });
      expect(deals.length).toBeGreaterThan(0);
      for (const c of customers) {
        const mine = deals.filter((d) => d.customerSourceId === c.sourceId && d.status !== 'cancelled');
        // Nothing reaches 100,000 CNY without also being big; below 50,000 a customer is small again.
        if (mine.length > 0 && mine.every((d) => Number(d.amountFen) < 10_000_000)) expect(c.segment).toBe('small');
      }
      expect(customers.filter((c) => c.segment === 'big').length).toBeLessThan(customers.filter((c) => c.segment === 'small').length);
    });
  });
});

describe('CRM sync on the embedded SQLite database', () => {
  it('takes the same rows in, writes nothing on a re-run, and drops stale collaborations there too', async () => {
    await withSqliteSyncedWorld('crm', async ({ ds, sandbox, corpId, crm }) => {
      const once = async (now = NOW) => (await crm(now)).outcome;
      await once();
      const data = crmDataOf(sandbox.corps.get(corpId)!);
      expect(await ds.getRepository(Customer).countBy({ corpId, kind: 'enterprise' })).toBe(data.customers.length);
      expect(await ds.getRepository(Customer).countBy({ corpId, kind: 'personal' })).toBe(data.personalCustomers.length);
      expect(await ds.getRepository(Deal).countBy({ corpId })).toBe(data.contracts.length);
      const customers = await ds.getRepository(Customer).findBy({ corpId });
      expect(customers.some((c) => c.segment === 'big')).toBe(true);
      expect(customers.every((c) => typeof c.data.customer_name === 'string')).toBe(true);
      // Half an hour later (a new pass reads from a new point, so the sandbox answers the edit below afresh).
      expect(await once(new Date(NOW.getTime() + 1800_000))).toMatchObject({ rows: 0 });
      const events = ds.getRepository(CollaborationEvent);
      const withEvents = new Set((await events.findBy({ corpId })).map((e) => e.sourceId.split(':')[1]));
      const record = data.followRecords.find((f) => withEvents.has(f.instanceId))!;
      record.participants = [];
      record.modifyMs = NOW.getTime() - 3600_000;
      const outcome = await once(new Date(NOW.getTime() + 3600_000));
      expect(outcome!.rows).toBeGreaterThan(0);
      expect((await events.findBy({ corpId })).some((e) => e.sourceId.startsWith(`crm:${record.instanceId}:`))).toBe(false);
    });
  });
});
