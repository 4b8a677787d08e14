import { In } from 'typeorm';
import type { TestWorld } from './support/testServices';
import { dataSyncDeps, importedRows, runRecordedSync, SYNC_NOW as NOW, syncedWorldForDescribe, withCrashTwins, withSyncedWorld } from './support/dataSyncWorld';
import { createSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import { runDataSync, type DataSyncDeps } from '../server/src/modules/sync/commands/dataSyncRunner';
import { LEAVE_APPROVALS_CHECKPOINT } from '../server/src/modules/sync/commands/leaveApprovalSyncer';
import { ApiCallBudget, AttendanceResult, ClockRecord, LeaveRecord, SyncCheckpoint, SyncRun, User } from '../server/src/entities';
import { presentDataQuality } from '../server/src/modules/sync/presenters/dataQuality';
import { leaveInstanceStatus, leaveInstances } from '../server/src/dingtalk/sandbox';
import { shanghaiDate, shanghaiMidnight } from '../server/src/util/dates';
import type { SyncKind } from '@liucai/shared';

const PATH_LIST = '/v1.0/workflow/processes/instanceIds/query';
const PATH_GET = '/v1.0/workflow/processInstances';

const deps = (w: TestWorld, over: Partial<DataSyncDeps> = {}) => dataSyncDeps(w, { lookbackDays: 120, ...over });
const run = (w: TestWorld, kind: SyncKind, over: Partial<DataSyncDeps> = {}) => runRecordedSync(w, kind, deps(w, over));
const leaveSnapshot = (w: TestWorld) => importedRows(w, LeaveRecord, { order: { sourceId: 'ASC' } });

const STATE_OF = { 'COMPLETED/agree': 'approved', 'COMPLETED/refuse': 'rejected', 'TERMINATED/': 'cancelled', 'RUNNING/': 'pending' } as const;

/** What the sandbox says about the leave form's instances created in [from, to] (Beijing days). */
function expectedInstances(w: TestWorld, from: string, to: string) {
  const corp = w.sandboxHandle.corps.get(w.corpId)!;
  return leaveInstances(corp, { fromMs: shanghaiMidnight(from), toMs: shanghaiMidnight(to) + 86_400_000 - 1 }).map((i) => {
    const { status, result } = leaveInstanceStatus(corp, i);
    return { id: i.processInstanceId, leave: i.leave, state: STATE_OF[`${status}/${result}` as keyof typeof STATE_OF] };
  });
}

describe('leave sync from 请假 approval instances', () => {
  let w: TestWorld;
  syncedWorldForDescribe({ label: 'leaveflow', employees: 80, seed: 17 }, (made) => {
    w = made;
  });

  it('takes in every instance of the window as a leave with its approval state, type, span and duration; calls are metered', async () => {
    w.sandboxHandle.resetStats();
    const { run: r, outcome } = await run(w, 'leave');
    expect(r.status).toBe('succeeded');
    const expected = expectedInstances(w, '2026-07-04', '2026-10-31');
    const rows = await w.ds.getRepository(LeaveRecord).findBy({ corpId: w.corpId });
    expect(rows).toHaveLength(expected.length);
    expect(outcome!.rows).toBe(expected.length);
    const byId = new Map(rows.map((x) => [x.sourceId, x]));
    for (const e of expected) {
      expect(byId.get(e.id)).toMatchObject({
        approvalState: e.state,
        leaveType: e.leave.leaveCode,
        startAt: new Date(e.leave.startMs),
        endAt: new Date(e.leave.endMs),
        durationUnit: e.leave.durationUnit === 'percent_hour' ? 'hour' : 'day',
        durationHundredths: e.leave.durationPercent,
        userid: e.leave.userid,
      });
    }
    const states = new Set(rows.map((x) => x.approvalState));
    for (const s of ['approved', 'rejected', 'cancelled']) expect(states).toContain(s);
    // One list page per 20 ids (one 120-day window), one detail call per instance.
    const stats = w.sandboxHandle.stats().calls;
    expect(stats[PATH_LIST]).toBe(Math.ceil(expected.length / 20));
    expect(stats[PATH_GET]).toBe(expected.length);
    const budget = await w.ds.getRepository(ApiCallBudget).findOneByOrFail({ corpId: w.corpId, month: '2026-11' });
    expect(budget.meteredCalls).toBe(r.apiCalls);
    expect(r.apiCalls).toBe(stats[PATH_LIST]! + stats[PATH_GET]!);
    const checkpoint = await w.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: w.corpId, source: LEAVE_APPROVALS_CHECKPOINT });
    expect(checkpoint.position).toEqual({ through: '2026-10-31' });
  });

  it('re-runs cheaply: id pages of the last 30 days, details only for instances not yet final, nothing changes', async () => {
    const before = await leaveSnapshot(w);
    const pending = before.filter((x) => x.approvalState === 'pending').length;
    w.sandboxHandle.resetStats();
    const again = await run(w, 'leave');
    expect(again.outcome).toMatchObject({ rows: 0 });
    const recent = expectedInstances(w, '2026-10-02', '2026-10-31');
    const stats = w.sandboxHandle.stats().calls;
    expect(stats[PATH_LIST]).toBe(Math.ceil(recent.length / 20));
    expect(stats[PATH_GET] ?? 0).toBe(pending);
    expect(again.run.apiCalls).toBe((stats[PATH_LIST] ?? 0) + (stats[PATH_GET] ?? 0));
    expect(await leaveSnapshot(w)).toEqual(before);
  });

  it('shows leave/attendance disagreements and days without raw clocks as data-quality gaps', async () => {
    await run(w, 'attendance', { lookbackDays: 30 });
    const gapsOf = async () => {
      const q = await presentDataQuality(w.ds, w.corpId, 10000, NOW);
      const bySource = new Map(q.sources.map((x) => [x.source, x.gaps]));
      return { attendance: bySource.get('attendance')!, leave: bySource.get('leave')! };
    };
    // The sandbox is consistent: every approved leave settles its days, every clocked day has raw clocks.
    expect(await gapsOf()).toEqual({ attendance: [], leave: [] });
    const leave = (await w.ds.getRepository(LeaveRecord).findBy({ corpId: w.corpId, approvalState: 'approved' })).find(
      (l) => shanghaiDate(l.startAt) >= '2026-10-05' && shanghaiDate(l.startAt) < '2026-10-31',
    )!;
    const day = shanghaiDate(leave.startAt);
    await w.ds.getRepository(AttendanceResult).update({ corpId: w.corpId, userid: leave.userid, workDate: day }, { approveId: null });
    await w.ds.getRepository(ClockRecord).delete({ corpId: w.corpId, workDate: '2026-10-14' });
    const gaps = await gapsOf();
    // Named by the person's name, never by their DingTalk account id.
    const name = (await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: leave.userid })).name;
    expect(gaps.leave).toEqual([expect.objectContaining({ id: 'leaves_not_in_attendance', count: 1, examples: [`${name} ${day}`] })]);
    expect(gaps.attendance).toEqual([expect.objectContaining({ id: 'days_without_clock_records', count: 1, examples: ['2026-10-14'] })]);
  });

  it('falls back to getleavestatus (approved leaves only) when no leave process code is configured', async () => {
    await withSyncedWorld({ label: 'leavestatus', employees: 40, seed: 17 }, async (other) => {
      const { run: r } = await run(other, 'leave', { leaveProcessCode: null, lookbackDays: 60 });
      expect(r.status).toBe('succeeded');
      const rows = await other.ds.getRepository(LeaveRecord).findBy({ corpId: other.corpId });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((x) => x.approvalState === 'approved' && x.sourceId.length === 40)).toBe(true);
      expect(other.sandboxHandle.stats().calls[PATH_LIST]).toBeUndefined();
    });
  });

  it('settles leaves that were pending once DingTalk decides them, on the next run a month later', async () => {
    const pending = await w.ds.getRepository(LeaveRecord).findBy({ corpId: w.corpId, approvalState: 'pending' });
    expect(pending.length).toBeGreaterThan(0);
    w.sandboxHandle.corps.get(w.corpId)!.advanceMonths(1);
    const later = new Date(Date.UTC(2026, 11, 1, 1, 0, 0));
    const { run: r } = await run(w, 'leave', { now: () => later });
    expect(r.status).toBe('succeeded');
    const after = await w.ds.getRepository(LeaveRecord).findBy({ corpId: w.corpId, sourceId: In(pending.map((p) => p.sourceId)) });
    expect(after).toHaveLength(pending.length);
    for (const x of after) expect(['rejected', 'cancelled']).toContain(x.approvalState);
  });
});

describe('leave approval sync that is interrupted or out of budget', () => {
  it('resumes after a crash mid-run and ends equal to an uninterrupted run', async () => {
    await withCrashTwins({ label: 'lv', employees: 50, seed: 23 }, async (a, b) => {
      let details = 0;
      const dying = {
        ...deps(a).source,
        listApprovalIds: a.dingtalk.data.listApprovalIds.bind(a.dingtalk.data),
        getApproval: (id: string) => {
          if (++details > 60) throw new Error('worker killed');
          return a.dingtalk.data.getApproval(id);
        },
      };
      const first = await createSyncRun(a.ds, a.corpId, 'leave', 'manual', null, NOW);
      await expect(runDataSync({ ...deps(a), concurrency: 1, source: dying as DataSyncDeps['source'] }, first!.id, { finalAttempt: false })).rejects.toThrow(
        'worker killed',
      );
      // Details landed in chunks before the crash; the window's checkpoint did not.
      const landed = await a.ds.getRepository(LeaveRecord).findBy({ corpId: a.corpId });
      expect(landed).toHaveLength(50);
      const landedFinal = landed.filter((x) => x.approvalState !== 'pending').length;
      expect(await a.ds.getRepository(SyncCheckpoint).findOneBy({ corpId: a.corpId, source: LEAVE_APPROVALS_CHECKPOINT })).toBeNull();
      a.sandboxHandle.resetStats();
      await runDataSync(deps(a), first!.id, { finalAttempt: true });
      // The retry did not fetch again what had landed in a final state.
      const total = await a.ds.getRepository(LeaveRecord).countBy({ corpId: a.corpId });
      expect(a.sandboxHandle.stats().calls[PATH_GET]).toBe(total - landedFinal);
      await run(b, 'leave');
      expect(await leaveSnapshot(a)).toEqual(await leaveSnapshot(b));
      expect((await a.ds.getRepository(SyncRun).findOneByOrFail({ id: first!.id })).status).toBe('succeeded');
    });
  });

  it('stops before details the month cannot pay for, and says how far it got', async () => {
    await withSyncedWorld({ label: 'lvbudget', employees: 40, seed: 29 }, async (w) => {
      const { run: r } = await run(w, 'leave', { monthlyCallLimit: 30 });
      expect(r.status).toBe('succeeded');
      expect(r.note).toMatch(/预算不足/);
      expect(r.apiCalls).toBeLessThanOrEqual(30);
      expect(await w.ds.getRepository(SyncCheckpoint).findOneBy({ corpId: w.corpId, source: LEAVE_APPROVALS_CHECKPOINT })).toBeNull();
      const budget = await w.ds.getRepository(ApiCallBudget).findOneByOrFail({ corpId: w.corpId, month: '2026-11' });
      expect(budget.meteredCalls).toBe(r.apiCalls);
      // With the month spent, a run calls nothing at all.
      const spent = await run(w, 'leave', { monthlyCallLimit: budget.meteredCalls });
      expect(spent.run).toMatchObject({ status: 'succeeded', apiCalls: 0, note: expect.stringMatching(/已用完/) });
    });
  });
});

describe('leave approval windows', () => {
  it('end yesterday when the lookback is shorter than a window, so the next run lists the last 30 days again', async () => {
    await withSyncedWorld({ label: 'lvshort', employees: 40, seed: 31 }, async (w) => {
      const { run: r } = await run(w, 'leave', { lookbackDays: 31 });
      expect(r.status).toBe('succeeded');
      const checkpoint = await w.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: w.corpId, source: LEAVE_APPROVALS_CHECKPOINT });
      expect(checkpoint.position).toEqual({ through: '2026-10-31' });
      w.sandboxHandle.resetStats();
      expect((await run(w, 'leave', { lookbackDays: 31 })).outcome).toMatchObject({ rows: 0 });
      expect(w.sandboxHandle.stats().calls[PATH_LIST]).toBe(Math.ceil(expectedInstances(w, '2026-10-02', '2026-10-31').length / 20));
    });
  });
});
