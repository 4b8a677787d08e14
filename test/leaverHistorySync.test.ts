/**
 * The sandbox company's history through the syncs: departures of the last 18 months, and the attendance, leave and
 * CRM of people who left (most of them before any org sync saw them) stored up to their last day and never after.
 */
import { In, MoreThan } from 'typeorm';
import { dataSyncDeps, runRecordedSync, SYNC_NOW, withSyncedWorld } from './support/dataSyncWorld';
import { AttendanceResult, ClockRecord, Deal, Departure, FollowUp, LeaveRecord, User } from '../server/src/entities';
import { addDays, shanghaiDate, shanghaiMidnight } from '../server/src/util/dates';

jest.setTimeout(120000);

const LOOKBACK = 120;
const yesterday = addDays(shanghaiDate(SYNC_NOW), -1);
const from = addDays(yesterday, -(LOOKBACK - 1));
const endOf = (day: string) => new Date(shanghaiMidnight(addDays(day, 1)) - 1);

describe('people who left, through the syncs', () => {
  it('records their departures and stores their attendance, leave, deals and follow-ups up to their last day', async () => {
    await withSyncedWorld({ label: 'leavers', employees: 120, seed: 13 }, async (w) => {
      const corp = w.sandboxHandle.corps.get(w.corpId)!;
      const deps = dataSyncDeps(w, { lookbackDays: LOOKBACK });

      const departures = await runRecordedSync(w, 'departures', deps);
      expect(departures.run.status).toBe('succeeded');
      expect(corp.departures.length).toBeGreaterThan(20);
      expect(departures.run.countRows).toBe(corp.departures.length);
      const stored = await w.ds.getRepository(Departure).findBy({ corpId: w.corpId });
      expect(new Map(stored.map((d) => [d.userid, d.lastDay]))).toEqual(new Map(corp.departures.map((d) => [d.userid, shanghaiDate(d.last_work_day)])));
      const lastDay = new Map(stored.map((d) => [d.userid, d.lastDay]));

      // Those who left within the lookback: the org sync never saw them (they left before it), yet their records are read.
      const recent = stored.filter((d) => d.lastDay >= from).map((d) => d.userid);
      expect(recent.length).toBeGreaterThan(3);
      expect(await w.ds.getRepository(User).countBy({ corpId: w.corpId, userid: In(recent) })).toBe(0);

      expect((await runRecordedSync(w, 'attendance', deps)).run.status).toBe('succeeded');
      const results = await w.ds.getRepository(AttendanceResult).findBy({ corpId: w.corpId, userid: In(recent) });
      for (const id of recent) {
        const days = results.filter((r) => r.userid === id).map((r) => r.workDate);
        expect(days.length).toBeGreaterThan(0);
        // Their results run to their last day and stop there.
        expect(days.reduce((a, b) => (a > b ? a : b))).toBe(lastDay.get(id));
      }
      const clocks = await w.ds.getRepository(ClockRecord).findBy({ corpId: w.corpId, userid: In(recent) });
      expect(clocks.length).toBeGreaterThan(0);
      for (const c of clocks) expect(c.workDate <= lastDay.get(c.userid)!).toBe(true);

      expect((await runRecordedSync(w, 'leave', deps)).run.status).toBe('succeeded');
      const leaves = await w.ds.getRepository(LeaveRecord).findBy({ corpId: w.corpId, userid: In(recent) });
      expect(leaves.filter((l) => l.approvalState === 'approved').length).toBeGreaterThan(0);
      for (const l of leaves.filter((x) => x.approvalState === 'approved'))
        expect(l.endAt.getTime()).toBeLessThanOrEqual(endOf(lastDay.get(l.userid)!).getTime());

      expect((await runRecordedSync(w, 'crm', deps)).run.status).toBe('succeeded');
      const leavers = [...lastDay.keys()];
      const deals = await w.ds.getRepository(Deal).findBy({ corpId: w.corpId, ownerUserid: In(leavers) });
      expect(deals.length).toBeGreaterThan(0);
      for (const d of deals) expect(d.signedOn <= lastDay.get(d.ownerUserid!)!).toBe(true);
      const follows = await w.ds.getRepository(FollowUp).findBy({ corpId: w.corpId, ownerUserid: In(leavers), followedAt: MoreThan(new Date(0)) });
      expect(follows.length).toBeGreaterThan(0);
      for (const f of follows) expect(f.followedAt.getTime()).toBeLessThanOrEqual(endOf(lastDay.get(f.ownerUserid!)!).getTime());
    });
  });

  it('reads leavers from getleavestatus too (no 请假 form configured), up to their last day', async () => {
    await withSyncedWorld({ label: 'leaverslv', employees: 80, seed: 14 }, async (w) => {
      const deps = dataSyncDeps(w, { lookbackDays: LOOKBACK, leaveProcessCode: null });
      expect((await runRecordedSync(w, 'departures', deps)).run.status).toBe('succeeded');
      const stored = await w.ds.getRepository(Departure).findBy({ corpId: w.corpId });
      const recent = stored.filter((d) => d.lastDay >= from);
      expect(recent.length).toBeGreaterThan(0);
      const leave = await runRecordedSync(w, 'leave', deps);
      expect(leave.run.status).toBe('succeeded');
      const corp = w.sandboxHandle.corps.get(w.corpId)!;
      // The run counts everyone DingTalk holds leave for: the org and every person who left.
      expect(leave.run.countUsers).toBe(corp.employeeCount + stored.length);
      const leaves = await w.ds.getRepository(LeaveRecord).findBy({ corpId: w.corpId, userid: In(recent.map((d) => d.userid)) });
      expect(leaves.length).toBeGreaterThan(0);
      const lastDay = new Map(recent.map((d) => [d.userid, d.lastDay]));
      for (const l of leaves) expect(l.endAt.getTime()).toBeLessThanOrEqual(endOf(lastDay.get(l.userid)!).getTime());
    });
  });
});
