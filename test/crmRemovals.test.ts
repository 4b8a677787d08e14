import { IsNull, Not, type DataSource } from 'typeorm';
import type { TestWorld } from './support/testServices';
import { dataSyncDeps, runRecordedSync, SYNC_NOW as NOW, withSyncedWorld } from './support/dataSyncWorld';
import { withSqliteSyncedWorld } from './support/sqliteSyncWorld';
import { createSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import { runDataSync, type DataSyncDeps } from '../server/src/modules/sync/commands/dataSyncRunner';
import { CRM_CHECKPOINT, DEFAULT_CRM_SETTINGS } from '../server/src/modules/sync/commands/crmSyncer';
import { customerSegment } from '../server/src/modules/sync/commands/customerSegments';
import { CollaborationEvent, CrmSeen, Customer, Deal, FollowUp, SyncCheckpoint, SyncRun } from '../server/src/entities';
import { crmDataOf } from '../server/src/dingtalk/sandbox/crmModel';
import { presentDataQuality } from '../server/src/modules/sync/presenters/dataQuality';

const DAY = 86_400_000;
/** A full pass after the first re-reads this much of the follow records. */
const RECHECK_MS = DEFAULT_CRM_SETTINGS.followUpRecheckDays * DAY;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const run = (w: TestWorld, now: Date, over: Partial<DataSyncDeps> = {}) => runRecordedSync(w, 'crm', dataSyncDeps(w, { now: () => now, ...over }));

/** Delete (or restore) a CRM record in the sandbox, as a user would in DingTalk, through its control endpoint. */
async function setDeleted(sandboxUrl: string, corpId: string, instanceId: string, deleted = true): Promise<void> {
  const res = await fetch(`${sandboxUrl}/sandbox/corps/${corpId}/crm/records/${instanceId}/${deleted ? 'delete' : 'restore'}`, { method: 'POST' });
  expect(res.status).toBe(200);
}

/** Source ids of the DingTalk rows marked removed, per table. */
async function removedIds(ds: DataSource, corpId: string) {
  const where = { corpId, removedAt: Not(IsNull()) };
  const ids = (rows: { sourceId: string }[]) => rows.map((r) => r.sourceId).sort();
  return {
    customers: ids(await ds.getRepository(Customer).findBy(where)),
    deals: ids(await ds.getRepository(Deal).findBy(where)),
    followUps: ids(await ds.getRepository(FollowUp).findBy(where)),
  };
}

const NONE = { customers: [], deals: [], followUps: [] };

describe('CRM rows deleted in DingTalk', () => {
  it('are marked removed by the next full pass only, drop out of segments and data quality, and come back when they reappear', async () => {
    await withSyncedWorld({ label: 'crmremoved', employees: 60, seed: 19 }, async (w) => {
      const first = await run(w, NOW);
      expect(first.run.note).toBeNull();
      const crm = crmDataOf(w.sandboxHandle.corps.get(w.corpId)!);
      // An imported deal is never DingTalk's to remove.
      await w.ds.getRepository(Deal).insert({
        corpId: w.corpId,
        source: 'import',
        sourceId: 'excel-row-7',
        customerName: '历史客户',
        ownerUserid: null,
        amountFen: 500_000,
        signedOn: '2024-03-01',
        renewalYears: 0,
        status: 'completed',
        importedAt: NOW,
      });
      const events = w.ds.getRepository(CollaborationEvent);
      const withEvents = new Set((await events.findBy({ corpId: w.corpId })).map((e) => e.sourceId.split(':')[1]));
      const weekLater = at(7);
      const follow = crm.followRecords.find((f) => withEvents.has(f.instanceId) && f.modifyMs >= weekLater.getTime() - RECHECK_MS)!;
      const contract = crm.contracts.find((c) => c.owner === null && c.status !== 'cancelled')!;
      const customer = crm.customers.find((c) => c.instanceId !== contract.customerId && c.owner !== null)!;
      const personal = crm.personalCustomers[0]!;
      const qualityBefore = await presentDataQuality(w.ds, w.corpId, 10000, weekLater);
      for (const id of [follow.instanceId, contract.instanceId, customer.instanceId, personal.instanceId]) await setDeleted(w.sandboxHandle.url, w.corpId, id);

      // An incremental pass reads only what changed: it cannot tell a deletion and decides nothing.
      const nextDay = await run(w, at(1));
      expect(nextDay.outcome).toMatchObject({ rows: 0 });
      expect(await removedIds(w.ds, w.corpId)).toEqual(NONE);

      const week = await run(w, weekLater);
      expect(week.run.status).toBe('succeeded');
      expect(week.run.note).toBe('钉钉中已删除 4 条，已标记为移除（客户 1，个人客户 1，合同 1，跟进记录 1）');
      expect(await removedIds(w.ds, w.corpId)).toEqual({
        customers: [customer.instanceId, personal.instanceId].sort(),
        deals: [contract.instanceId],
        followUps: [follow.instanceId],
      });
      const removedRow = await w.ds.getRepository(Deal).findOneByOrFail({ corpId: w.corpId, sourceId: contract.instanceId });
      expect(removedRow.removedAt?.getTime()).toBe(Math.floor(weekLater.getTime() / 1000) * 1000);
      expect((await w.ds.getRepository(Deal).findOneByOrFail({ corpId: w.corpId, sourceId: 'excel-row-7' })).removedAt).toBeNull();
      // Follow-ups last modified before the window the full pass read cannot be told from deleted ones: kept as they are.
      const outOfWindow = (await w.ds.getRepository(FollowUp).findBy({ corpId: w.corpId })).filter(
        (f) => f.modifiedAt!.getTime() < weekLater.getTime() - RECHECK_MS,
      );
      expect(outOfWindow.length).toBeGreaterThan(0);
      expect(outOfWindow.every((f) => f.removedAt === null)).toBe(true);
      // The removed follow-up's collaborations go with it; the pass's scratch list of seen ids is cleared.
      expect((await events.findBy({ corpId: w.corpId })).some((e) => e.sourceId.startsWith(`crm:${follow.instanceId}:`))).toBe(false);
      expect(await w.ds.getRepository(CrmSeen).countBy({ corpId: w.corpId })).toBe(0);

      // The removed contract no longer counts towards its customer's segment.
      const owner = await w.ds.getRepository(Customer).findOneByOrFail({ corpId: w.corpId, sourceId: contract.customerId });
      const left = (await w.ds.getRepository(Deal).findBy({ corpId: w.corpId, customerSourceId: contract.customerId, removedAt: IsNull() }))
        .filter((d) => d.status !== 'cancelled')
        .map((d) => ({ amountFen: Number(d.amountFen), signedOn: d.signedOn, sourceId: d.sourceId }))
        .sort((a, b) => a.signedOn.localeCompare(b.signedOn) || a.sourceId.localeCompare(b.sourceId));
      expect([owner.segment, owner.lastDealOn]).toEqual([customerSegment(left, DEFAULT_CRM_SETTINGS), left.at(-1)?.signedOn ?? null]);

      // Data quality counts what DingTalk still has.
      const quality = await presentDataQuality(w.ds, w.corpId, 10000, weekLater);
      const source = (q: typeof quality, id: string) => q.sources.find((s) => s.source === id)!;
      expect(source(quality, 'crm').rows).toBe(source(qualityBefore, 'crm').rows - 2);
      const ownerless = (q: typeof quality) => source(q, 'crm').gaps.find((g) => g.id === 'contracts_without_owner')?.count ?? 0;
      expect(ownerless(quality)).toBe(ownerless(qualityBefore) - 1);
      expect(source(quality, 'imports').rows).toBe(source(qualityBefore, 'imports').rows - 1);

      // Restored in DingTalk: the next full pass finds them again and they count once more.
      await setDeleted(w.sandboxHandle.url, w.corpId, contract.instanceId, false);
      await setDeleted(w.sandboxHandle.url, w.corpId, customer.instanceId, false);
      const twoWeeks = await run(w, at(14));
      expect(twoWeeks.run.note).toBeNull();
      expect(twoWeeks.outcome!.rows).toBeGreaterThanOrEqual(2);
      expect(await removedIds(w.ds, w.corpId)).toEqual({ customers: [personal.instanceId], deals: [], followUps: [follow.instanceId] });
      expect(source(await presentDataQuality(w.ds, w.corpId, 10000, at(14)), 'crm').rows).toBe(source(qualityBefore, 'crm').rows - 1);
    });
  });

  it('are not marked by a full pass that crashed; the resumed pass still knows what its first pages saw', async () => {
    await withSyncedWorld({ label: 'crmrmcrash', employees: 40, seed: 37 }, async (w) => {
      await run(w, NOW);
      const crm = crmDataOf(w.sandboxHandle.corps.get(w.corpId)!);
      expect(crm.contracts.length).toBeGreaterThan(200);
      const contract = crm.contracts.at(-1)!;
      await setDeleted(w.sandboxHandle.url, w.corpId, contract.instanceId);

      let objectCalls = 0;
      const data = w.dingtalk.data;
      const dying: DataSyncDeps['source'] = Object.assign(Object.create(data) as DataSyncDeps['source'], {
        crmObjects: (...args: Parameters<typeof data.crmObjects>) => {
          if (++objectCalls > 1) throw new Error('worker killed'); // after the first page of all contracts
          return data.crmObjects(...args);
        },
      });
      const weekLater = at(7);
      const r = await createSyncRun(w.ds, w.corpId, 'crm', 'manual', null, weekLater);
      const deps = dataSyncDeps(w, { now: () => weekLater });
      await expect(runDataSync({ ...deps, source: dying }, r!.id, { finalAttempt: false })).rejects.toThrow('worker killed');
      const mid = (await w.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: w.corpId, source: CRM_CHECKPOINT })).position as {
        pass: { phase: string };
      };
      expect(mid.pass.phase).toBe('contracts');
      expect(await removedIds(w.ds, w.corpId)).toEqual(NONE);
      expect(await w.ds.getRepository(CrmSeen).countBy({ corpId: w.corpId, kind: 'contracts' })).toBe(100);

      await runDataSync(deps, r!.id, { finalAttempt: true });
      const resumed = await w.ds.getRepository(SyncRun).findOneByOrFail({ id: r!.id });
      expect(resumed.status).toBe('succeeded');
      // Had the first page's ids been lost with the crash, its 100 contracts would have been taken for deleted.
      expect(await removedIds(w.ds, w.corpId)).toEqual({ customers: [], deals: [contract.instanceId], followUps: [] });
      expect(resumed.note).toBe('钉钉中已删除 1 条，已标记为移除（合同 1）');
    });
  });
});

describe('CRM removals on the embedded SQLite database', () => {
  it('marks a deleted follow record and personal customer removed on the weekly full pass', async () => {
    await withSqliteSyncedWorld('crmrm', async ({ ds, sandbox, corpId, crm }) => {
      await crm(NOW);
      const data = crmDataOf(sandbox.corps.get(corpId)!);
      const follow = data.followRecords.at(-1)!;
      const personal = data.personalCustomers[0]!;
      await setDeleted(sandbox.url, corpId, follow.instanceId);
      await setDeleted(sandbox.url, corpId, personal.instanceId);
      expect((await crm(at(1))).run.note).toBeNull();
      expect(await removedIds(ds, corpId)).toEqual(NONE);
      const week = await crm(at(7));
      expect(week.run.note).toBe('钉钉中已删除 2 条，已标记为移除（个人客户 1，跟进记录 1）');
      expect(await removedIds(ds, corpId)).toEqual({ customers: [personal.instanceId], deals: [], followUps: [follow.instanceId] });
      // SQLite compares the stored modification times with the window's start as MariaDB does: older ones are kept.
      const followUps = await ds.getRepository(FollowUp).findBy({ corpId });
      expect(followUps.filter((f) => f.modifiedAt!.getTime() < at(7).getTime() - RECHECK_MS).length).toBeGreaterThan(0);
      expect(followUps.filter((f) => f.removedAt === null).length).toBe(followUps.length - 1);
    });
  });
});
