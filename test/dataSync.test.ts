import { createTestWorld, syncWorld, type TestWorld } from './support/testServices';
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
import { TestClient } from './support/httpClient';
import { listen } from './support/testServer';
import { createSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import { runDataSync, type DataSyncDeps } from '../server/src/modules/sync/commands/dataSyncRunner';
import { ATTENDANCE_CHECKPOINT } from '../server/src/modules/sync/commands/attendanceSyncer';
import { ApiCallBudget, AttendanceResult, ClockRecord, Departure, LeaveRecord, SyncCheckpoint, SyncRun, User } from '../server/src/entities';
import { calendarEndingToday } from '../server/src/services';
import type { DataQuality, SyncKind } from '@liucai/shared';

const deps = dataSyncDeps;
const run = (w: TestWorld, kind: SyncKind, over: Partial<DataSyncDeps> = {}, finalAttempt = true) => runRecordedSync(w, kind, deps(w, over), finalAttempt);
const attendanceSnapshot = (w: TestWorld) => importedRows(w, AttendanceResult, { order: { sourceId: 'ASC' } });

describe('attendance, leave and departure sync from the sandbox', () => {
  let w: TestWorld;
  syncedWorldForDescribe({ label: 'data', employees: 60, seed: 17 }, (made) => {
    w = made;
  });

  it('takes in three weeks of attendance: two checks per working day per person, checkpointed and budgeted', async () => {
    const { run: r, outcome } = await run(w, 'attendance');
    expect(r.status).toBe('succeeded');
    const rows = await w.ds.getRepository(AttendanceResult).findBy({ corpId: w.corpId });
    const clocks = await w.ds.getRepository(ClockRecord).findBy({ corpId: w.corpId });
    expect(rows.length + clocks.length).toBe(outcome!.rows);
    // Raw clocks (/attendance/listRecord) come with the results: one per result someone clocked for, at its time.
    const clocked = rows.filter((x) => x.userCheckAt !== null && x.timeResult !== 'NotSigned' && x.approveId === null);
    expect(clocks.length).toBe(clocked.length);
    const clockKeys = new Set(clocks.map((c) => `${c.userid}/${c.checkAt.toISOString()}/${c.checkType}`));
    for (const x of clocked) expect(clockKeys.has(`${x.userid}/${x.userCheckAt!.toISOString()}/${x.checkType}`)).toBe(true);
    expect(clocks.every((c) => c.locationMethod !== null && c.workDate >= '2026-10-11' && c.workDate <= '2026-10-31')).toBe(true);
    expect(clocks.some((c) => c.locationResult === 'Outside' && c.outsideRemark !== null)).toBe(true);
    // 2026-10-11 .. 2026-10-31: 15 working days.
    const people = new Set(rows.map((x) => x.userid));
    expect(people.size).toBeGreaterThan(50);
    const perPersonDay = new Map<string, number>();
    for (const x of rows) perPersonDay.set(`${x.userid}/${x.workDate}`, (perPersonDay.get(`${x.userid}/${x.workDate}`) ?? 0) + 1);
    expect([...perPersonDay.values()].every((n) => n === 2)).toBe(true);
    expect(new Set(rows.map((x) => x.workDate)).size).toBe(15);
    expect(rows.some((x) => x.timeResult !== 'Normal')).toBe(true);
    const checkpoint = await w.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: w.corpId, source: ATTENDANCE_CHECKPOINT });
    expect(checkpoint.position).toEqual({ through: '2026-10-31' });
    const budget = await w.ds.getRepository(ApiCallBudget).findOneByOrFail({ corpId: w.corpId, month: '2026-11' });
    expect(budget.meteredCalls).toBe(r.apiCalls);
    expect(r.apiCalls).toBeGreaterThan(0);
  });

  it('is up to date when run again, and re-reading a window changes nothing', async () => {
    const before = await attendanceSnapshot(w);
    const again = await run(w, 'attendance');
    expect(again.outcome).toMatchObject({ rows: 0 });
    expect(again.run.apiCalls).toBe(0);
    await w.ds.getRepository(SyncCheckpoint).delete({ corpId: w.corpId, source: ATTENDANCE_CHECKPOINT });
    const reread = await run(w, 'attendance');
    expect(reread.outcome).toMatchObject({ rows: 0 });
    expect(reread.run.apiCalls).toBeGreaterThan(0);
    expect(await attendanceSnapshot(w)).toEqual(before);
  });

  it('takes in leaves', async () => {
    const { run: r } = await run(w, 'leave', { lookbackDays: 120 });
    expect(r.status).toBe('succeeded');
    const leaves = await w.ds.getRepository(LeaveRecord).findBy({ corpId: w.corpId });
    expect(leaves.length).toBeGreaterThan(0);
    expect(leaves.every((l) => l.durationHundredths > 0 && l.endAt.getTime() > l.startAt.getTime())).toBe(true);
    const again = await run(w, 'leave', { lookbackDays: 120 });
    expect(again.outcome).toMatchObject({ rows: 0 });
  });

  it("takes in departures and marks those people left with DingTalk's last day", async () => {
    const corp = w.sandboxHandle.corps.get(w.corpId)!;
    const leaver = [...corp.users.values()].find((u) => !corp.isManagerAnywhere(u.userid) && !Object.values(corp.demoUsers).includes(u.userid))!;
    const departure = corp.removeUser(leaver.userid, Date.UTC(2026, 9, 20, 16));
    const { run: r } = await run(w, 'departures');
    expect(r.status).toBe('succeeded');
    const row = await w.ds.getRepository(Departure).findOneByOrFail({ corpId: w.corpId, userid: leaver.userid });
    expect(row.lastDay).toBe('2026-10-21');
    expect(row.reasonType).toBe(departure.reason_type);
    const user = await w.ds.getRepository(User).findOneByOrFail({ corpId: w.corpId, userid: leaver.userid });
    expect(user).toMatchObject({ status: 'left', leftOn: '2026-10-21' });
    expect((await run(w, 'departures')).outcome).toMatchObject({ rows: 0, left: 0 });
  });
});

describe('attendance sync that is interrupted or out of budget', () => {
  it('resumes after a crash from its checkpoint and ends equal to an uninterrupted run', async () => {
    await withCrashTwins({ label: '', employees: 40, seed: 23 }, async (a, b) => {
      let calls = 0;
      const dying = {
        ...a.dingtalk.data,
        // A spread copies no class methods: bind the ones the sync calls.
        listClockRecords: (...args: Parameters<typeof a.dingtalk.data.listClockRecords>) => a.dingtalk.data.listClockRecords(...args),
        listResults: (...args: Parameters<typeof a.dingtalk.data.listResults>) => {
          if (++calls > 12) throw new Error('worker killed'); // mid-way through the second 7-day window
          return a.dingtalk.data.listResults(...args);
        },
      };
      const first = await createSyncRun(a.ds, a.corpId, 'attendance', 'manual', null, NOW);
      await expect(runDataSync({ ...deps(a), concurrency: 1, source: dying }, first!.id, { finalAttempt: false })).rejects.toThrow('worker killed');
      expect((await a.ds.getRepository(SyncRun).findOneByOrFail({ id: first!.id })).status).toBe('queued');
      const mid = await a.ds.getRepository(SyncCheckpoint).findOneBy({ corpId: a.corpId, source: ATTENDANCE_CHECKPOINT });
      // The first window landed with its checkpoint before the crash; the rest did not.
      expect(mid?.position).toEqual({ through: '2026-10-17' });
      // The job's retry picks the same run up again and finishes from the checkpoint.
      await runDataSync(deps(a), first!.id, { finalAttempt: true });
      await run(b, 'attendance');
      // Record ids are per corp; everything else must match row for row.
      const strip = (rows: Awaited<ReturnType<typeof attendanceSnapshot>>) => rows.map(({ sourceId: _s, ...r }) => JSON.stringify(r)).sort();
      expect(strip(await attendanceSnapshot(a))).toEqual(strip(await attendanceSnapshot(b)));
      // Clock machine ids are per corp, like record ids.
      const clocksOf = async (x: TestWorld) => (await importedRows(x, ClockRecord)).map(({ sourceId: _s, deviceId: _d, ...r }) => JSON.stringify(r)).sort();
      const clocks = await clocksOf(a);
      expect(clocks.length).toBeGreaterThan(0);
      expect(clocks).toEqual(await clocksOf(b));
    });
  });

  it('plans within the monthly metered-call budget and says how far it got', async () => {
    await withSyncedWorld({ label: 'budget', employees: 40, seed: 29 }, async (w) => {
      // One 7-day window of 40 people: 8 result pages and 1 raw-clock call.
      const { run: r } = await run(w, 'attendance', { monthlyCallLimit: 9, lookbackDays: 21 });
      expect(r.status).toBe('succeeded');
      expect(r.note).toMatch(/计量调用剩余约 9 次/);
      const checkpoint = await w.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: w.corpId, source: ATTENDANCE_CHECKPOINT });
      expect((checkpoint.position as { through: string }).through < '2026-10-31').toBe(true);
      expect(r.apiCalls).toBeLessThanOrEqual(9);
    });
  });
});

describe('sync API for HR', () => {
  it("starts an attendance sync and shows the month's budget", async () => {
    // The sync reads up to the real yesterday: the sandbox's calendar ends today, so the 45 days hold records.
    const w = await createTestWorld({ label: 'dataapi', employees: 30, seed: 31, env: { DATA_SYNC_LOOKBACK_DAYS: '45' }, asOfMs: calendarEndingToday() });
    const server = await listen(w);
    try {
      await syncWorld(w);
      const hr = new TestClient(server.url);
      await hr.signIn(w.sandbox!.demoUsers.hr, w.corpId);
      await syncOverApi(hr, w, 'attendance');
      const budget = await hr.call<{ used: number; limit: number; remaining: number }>('GET', '/api/v1/sync/budget');
      // 标准版 by default: 5,000 metered calls a month since 2025-11-19 (doc 8.1).
      expect(budget.body.data.limit).toBe(5000);
      expect(budget.body.data.used + budget.body.data.remaining).toBe(5000);
      expect((await hr.call('POST', '/api/v1/sync/payroll')).status).toBe(400);
      const quality = await hr.call<DataQuality>('GET', '/api/v1/sync/quality');
      const bySource = new Map(quality.body.data.sources.map((q) => [q.source, q]));
      expect([...bySource.keys()]).toEqual(['org', 'attendance', 'leave', 'departures', 'crm', 'imports']);
      expect(bySource.get('attendance')!.lastSucceededAt).not.toBeNull();
      expect(bySource.get('attendance')!.rows).toBeGreaterThan(0);
      // Leave was never synced: the page says so, with what to do.
      expect(bySource.get('leave')!.gaps).toEqual([expect.objectContaining({ id: 'never_synced', nextStep: expect.stringContaining('立即同步') })]);
      // The boss has no supervisor by nature; nobody else is missing one in the sandbox.
      expect(bySource.get('org')!.gaps.find((g) => g.id === 'users_without_supervisor')).toBeUndefined();
      const employee = new TestClient(server.url);
      await employee.signIn(w.sandbox!.demoUsers.employee, w.corpId);
      expect((await employee.call('GET', '/api/v1/sync/budget')).status).toBe(403);
    } finally {
      await server.close();
      await w.close();
    }
  });
});
