import type { TestWorld } from './support/testServices';
import { dataSyncDeps, importedRows, runRecordedSync, SYNC_NOW as NOW, withCrashTwins, withSyncedWorld } from './support/dataSyncWorld';
import { createSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import { runDataSync, type DataSyncDeps } from '../server/src/modules/sync/commands/dataSyncRunner';
import { LEAVE_CHECKPOINT, LEAVE_OVERLAP_DAYS } from '../server/src/modules/sync/commands/leaveSyncer';
import { saveCheckpoint } from '../server/src/modules/sync/commands/checkpoints';
import { ApiCallBudget, LeaveRecord, SyncCheckpoint, SyncRun } from '../server/src/entities';
import type { LeaveStatusRow } from '../server/src/dingtalk/attendanceApi';
import { addDays, shanghaiDate } from '../server/src/util/dates';

/** Leave from getleavestatus: no leave process code configured. */
const deps = (w: TestWorld, over: Partial<DataSyncDeps> = {}) => dataSyncDeps(w, { leaveProcessCode: null, lookbackDays: 60, ...over });
const run = (w: TestWorld, over: Partial<DataSyncDeps> = {}) => runRecordedSync(w, 'leave', deps(w, over));
const leaveSnapshot = (w: TestWorld) => importedRows(w, LeaveRecord, { order: { sourceId: 'ASC' } });
const stateOf = async (w: TestWorld, l: LeaveRecord) =>
  (await w.ds.getRepository(LeaveRecord).findOneByOrFail({ corpId: w.corpId, sourceId: l.sourceId })).approvalState;

/** The world's DingTalk leave calls, answering as if the leaves `hidden` says were revoked. */
function revoking(w: TestWorld, hidden: (row: LeaveStatusRow) => boolean): DataSyncDeps['source'] {
  const data = w.dingtalk.data;
  return {
    ...data,
    leaveStatus: async (...args: Parameters<typeof data.leaveStatus>) => {
      const page = await data.leaveStatus(...args);
      return { ...page, rows: page.rows.filter((r) => !hidden(r)) };
    },
  } as DataSyncDeps['source'];
}

describe('leave sync from getleavestatus', () => {
  it('writes nothing on a re-run, cancels a leave revoked inside the re-read window, and approves it again if it returns', async () => {
    await withSyncedWorld({ label: 'leaverevoke', employees: 40, seed: 43 }, async (w) => {
      const first = await run(w);
      expect(first.run.status).toBe('succeeded');
      const stored = await w.ds.getRepository(LeaveRecord).findBy({ corpId: w.corpId });
      expect(first.outcome!.rows).toBe(stored.length);
      expect(stored.every((l) => l.approvalState === 'approved')).toBe(true);
      // The last window ends yesterday, however short the lookback.
      const checkpoint = await w.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: w.corpId, source: LEAVE_CHECKPOINT });
      expect(checkpoint.position).toEqual({ through: '2026-10-31' });
      const before = await leaveSnapshot(w);
      expect(await run(w)).toMatchObject({ outcome: { rows: 0 }, run: { status: 'succeeded' } });
      expect(await leaveSnapshot(w)).toEqual(before);

      // The checkpoint is 2026-10-31, so a run re-reads from 2026-10-02: a leave revoked there is seen as gone,
      // one revoked before it is not read again and stays as it was.
      const recent = stored.filter((l) => shanghaiDate(l.startAt) >= '2026-10-02');
      const older = stored.find((l) => shanghaiDate(l.startAt) < '2026-10-02')!;
      expect(recent.length).toBeGreaterThan(1);
      const gone = new Set([recent[0]!, recent[1]!, older].map((l) => `${l.userid}/${l.startAt.getTime()}`));
      const source = revoking(w, (r) => gone.has(`${r.userid}/${Math.floor(r.start_time / 1000) * 1000}`));
      expect((await run(w, { source })).outcome).toMatchObject({ rows: 2 });
      expect([await stateOf(w, recent[0]!), await stateOf(w, recent[1]!), await stateOf(w, older)]).toEqual(['cancelled', 'cancelled', 'approved']);
      const others = (rows: typeof before) => rows.filter((x) => x.sourceId !== recent[0]!.sourceId && x.sourceId !== recent[1]!.sourceId);
      expect(others(await leaveSnapshot(w))).toEqual(others(before));
      // Revoked rows are kept, and cancelling them again writes nothing.
      expect(await w.ds.getRepository(LeaveRecord).countBy({ corpId: w.corpId })).toBe(stored.length);
      expect((await run(w, { source })).outcome).toMatchObject({ rows: 0 });

      // DingTalk lists one of them again: it is approved again.
      gone.delete(`${recent[0]!.userid}/${recent[0]!.startAt.getTime()}`);
      expect((await run(w, { source })).outcome).toMatchObject({ rows: 1 });
      expect(await stateOf(w, recent[0]!)).toBe('approved');
      expect(await stateOf(w, recent[1]!)).toBe('cancelled');
    });
  });

  it('compares a leave that began before the re-read window by its id, so a re-run still writes nothing', async () => {
    await withSyncedWorld({ label: 'leavespan', employees: 40, seed: 43 }, async (w) => {
      await run(w);
      const stored = await w.ds.getRepository(LeaveRecord).findBy({ corpId: w.corpId });
      const long = stored.find(
        (l) => shanghaiDate(l.startAt) >= '2026-09-02' && shanghaiDate(l.startAt) < shanghaiDate(l.endAt) && shanghaiDate(l.endAt) <= '2026-10-31',
      )!;
      expect(long).toBeDefined();
      // The next run re-reads from the day after this leave began: DingTalk lists it, as it overlaps the window.
      await w.ds.transaction((em) => saveCheckpoint(em, w.corpId, LEAVE_CHECKPOINT, { through: addDays(shanghaiDate(long.startAt), LEAVE_OVERLAP_DAYS) }));
      const before = await leaveSnapshot(w);
      expect((await run(w)).outcome).toMatchObject({ rows: 0 });
      expect(await leaveSnapshot(w)).toEqual(before);
    });
  });

  it('drops a checkpoint past yesterday (left by the old window bug) and reads the lookback again', async () => {
    await withSyncedWorld({ label: 'leavefuture', employees: 40, seed: 43 }, async (w) => {
      // What the old window end left behind: a position months after the last day that was read.
      await w.ds.transaction((em) => saveCheckpoint(em, w.corpId, LEAVE_CHECKPOINT, { through: '2027-01-28' }));
      const healed = await run(w);
      expect(healed.run.status).toBe('succeeded');
      const stored = await w.ds.getRepository(LeaveRecord).countBy({ corpId: w.corpId });
      expect(stored).toBeGreaterThan(0);
      expect(healed.outcome!.rows).toBe(stored);
      const checkpoint = await w.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: w.corpId, source: LEAVE_CHECKPOINT });
      expect(checkpoint.position).toEqual({ through: '2026-10-31' });
    });
  });

  it('resumes after a crash from the last window that landed and ends equal to an uninterrupted run', async () => {
    await withCrashTwins({ label: 'lvs', employees: 40, seed: 47 }, async (a, b) => {
      // 200 days back from 2026-10-31: a 180-day window through 2026-10-11, then one of 20 days.
      const lookbackDays = 200;
      const data = a.dingtalk.data;
      let firstFrom: number | undefined;
      const dying = {
        ...data,
        leaveStatus: (...args: Parameters<typeof data.leaveStatus>) => {
          firstFrom ??= args[1];
          if (args[1] !== firstFrom) throw new Error('worker killed');
          return data.leaveStatus(...args);
        },
      } as DataSyncDeps['source'];
      const crashed = await createSyncRun(a.ds, a.corpId, 'leave', 'manual', null, NOW);
      await expect(runDataSync(deps(a, { lookbackDays, concurrency: 1, source: dying }), crashed!.id, { finalAttempt: false })).rejects.toThrow(
        'worker killed',
      );
      // The first window landed with its checkpoint and its metered calls; the second did not.
      const mid = await a.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: a.corpId, source: LEAVE_CHECKPOINT });
      expect(mid.position).toEqual({ through: '2026-10-11' });
      const landed = await a.ds.getRepository(LeaveRecord).findBy({ corpId: a.corpId });
      expect(landed.length).toBeGreaterThan(0);
      expect(landed.every((l) => shanghaiDate(l.startAt) <= '2026-10-11')).toBe(true);
      const metered = await a.ds.getRepository(ApiCallBudget).findOneByOrFail({ corpId: a.corpId, month: '2026-11' });
      expect(metered.meteredCalls).toBeGreaterThan(0);

      // The retry re-reads 30 days before the checkpoint and finishes; the result is the same as without a crash.
      await runDataSync(deps(a, { lookbackDays }), crashed!.id, { finalAttempt: true });
      expect((await a.ds.getRepository(SyncRun).findOneByOrFail({ id: crashed!.id })).status).toBe('succeeded');
      await run(b, { lookbackDays });
      expect(await leaveSnapshot(a)).toEqual(await leaveSnapshot(b));
      const checkpoint = await a.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: a.corpId, source: LEAVE_CHECKPOINT });
      expect(checkpoint.position).toEqual({ through: '2026-10-31' });
    });
  });
});
