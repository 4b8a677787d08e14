import type { AttendanceResultRow } from './attendancePresenter';
import { chinaMs, walkLeaves, walkWeeks } from './attendanceTestClient';
import { sandboxForTests } from './sandboxTestCorp';
import { chinaDayNumber, formatChinaDateTime } from './workCalendar';

const CORP = { corpId: 'dingdrift', appKey: 'drift-key', appSecret: 'drift-secret', agentId: 4, seed: 31, employees: 600 };
const sandbox = sandboxForTests(CORP);
const { corp } = sandbox;
const WEEK_MS = 7 * 86_400_000;
const isSales = (userid: string): boolean => {
  const kind = corp().getDept(corp().getUser(userid)?.dept_id_list[0] ?? 1)?.kind;
  return kind === 'keyAccount' || kind === 'smb';
};
const date = (ms: number) => formatChinaDateTime(ms).slice(0, 10);
/**
 * Drifters still employed. The generated corp also has drifters among the people who left over the last 18 months
 * (departureHistory), drifting towards their own last days; these tests are about the ones who are still here.
 */
const activeDrifters = () =>
  corp()
    .driftingUserids()
    .filter((id) => corp().getUser(id) !== undefined);

/** Checks settled by leave, and checks that went wrong (late, early, missed), per person. */
function signals(rows: AttendanceResultRow[], people: number): { leave: number; lateness: number } {
  const leave = rows.filter((r) => r.sourceType === 'APPROVE').length;
  const lateness = rows.filter((r) => r.sourceType !== 'APPROVE' && r.timeResult !== 'Normal').length;
  return { leave: leave / people, lateness: lateness / people };
}

/** Days on which a person clocked neither check and had no leave. */
function noShowDays(rows: AttendanceResultRow[]): string[] {
  const byDay = new Map<string, AttendanceResultRow[]>();
  for (const r of rows) byDay.set(`${r.userId}/${r.workDate}`, [...(byDay.get(`${r.userId}/${r.workDate}`) ?? []), r]);
  return [...byDay.entries()].filter(([, checks]) => checks.every((c) => c.timeResult === 'NotSigned')).map(([key]) => key);
}

describe('people drifting towards leaving', () => {
  it('are a fixed ~5% of salespeople, exposed on the corp, drifting towards the reference date', () => {
    const drifters = activeDrifters();
    const sales = [...corp().users.keys()].filter(isSales);
    expect(drifters.length).toBeGreaterThan(0);
    expect(drifters.every(isSales)).toBe(true);
    expect(drifters.length / sales.length).toBeGreaterThan(0.02);
    expect(drifters.length / sales.length).toBeLessThan(0.1);
    expect(drifters.some((id) => Object.values(corp().demoUsers).includes(id))).toBe(false);
    for (const id of drifters) expect(corp().driftOf(id)!.horizonMs).toBe(corp().driftReferenceMs);
    expect(corp().driftOf('demo-employee')).toBeUndefined();
    // The drifters who left drift towards their own last working day.
    const left = corp().departures.filter((d) => corp().driftingUserids().includes(d.userid));
    expect(left.length).toBeGreaterThan(0);
    for (const d of left) expect(corp().driftOf(d.userid)!.horizonMs).toBe(d.last_work_day);
  });

  it('take more leave and are late, early or missing more in their last 3 months than in the 3 months before, and than other salespeople', async () => {
    const drifters = activeDrifters();
    const horizon = corp().driftReferenceMs; // 2026-11-01
    const lastStart = date(horizon - 13 * WEEK_MS);
    const earlierStart = date(horizon - 26 * WEEK_MS);
    const last = signals(await walkWeeks(sandbox.handle, sandbox.token, drifters, lastStart, 13), drifters.length);
    const earlier = signals(await walkWeeks(sandbox.handle, sandbox.token, drifters, earlierStart, 13), drifters.length);
    expect(last.leave).toBeGreaterThan(2 * earlier.leave);
    expect(last.lateness).toBeGreaterThan(2 * earlier.lateness);
    const others = [...corp().users.keys()].filter((id) => isSales(id) && !drifters.includes(id)).slice(0, 50);
    const othersLast = signals(await walkWeeks(sandbox.handle, sandbox.token, others, lastStart, 13), others.length);
    expect(last.leave).toBeGreaterThan(2 * othersLast.leave);
    expect(last.lateness).toBeGreaterThan(2 * othersLast.lateness);
    // Their leave requests rise too, as getleavestatus reports them.
    const leavesLast = await walkLeaves(sandbox.handle, sandbox.token, drifters, horizon - 13 * WEEK_MS, horizon - 1);
    const leavesEarlier = await walkLeaves(sandbox.handle, sandbox.token, drifters, horizon - 26 * WEEK_MS, horizon - 13 * WEEK_MS - 1);
    expect(leavesLast.length).toBeGreaterThan(2 * leavesEarlier.length);
  });

  it('include people absent without a leave request in their last months', async () => {
    const absentees = activeDrifters().filter((id) => corp().driftOf(id)!.absentee);
    expect(absentees.length).toBeGreaterThan(0);
    const horizon = corp().driftReferenceMs;
    const rows = await walkWeeks(sandbox.handle, sandbox.token, absentees, date(horizon - 13 * WEEK_MS), 13);
    const days = noShowDays(rows);
    expect(days.length).toBeGreaterThanOrEqual(absentees.length);
    const leaves = await walkLeaves(sandbox.handle, sandbox.token, absentees, horizon - 13 * WEEK_MS, horizon - 1);
    for (const key of days) {
      const [userid, workDate] = key.split('/') as [string, string];
      const dayStart = Number(workDate);
      expect(leaves.some((l) => l.userid === userid && l.start_time < dayStart + 86_400_000 && l.end_time > dayStart)).toBe(false);
    }
    for (const id of absentees) expect(days.some((key) => key.startsWith(`${id}/`))).toBe(true);
  });

  it('who leave drift towards their last working day, and have no records after it', async () => {
    const leavers = activeDrifters().slice(0, 4);
    const lastDay = chinaMs('2026-09-15 00:00:00');
    for (const id of leavers) corp().removeUser(id, lastDay);
    expect(corp().driftingUserids()).toEqual(expect.arrayContaining(leavers));
    for (const id of leavers) expect(corp().driftOf(id)!).toMatchObject({ horizonMs: lastDay, horizonDay: chinaDayNumber(lastDay) });
    const lastMonths = await walkWeeks(sandbox.handle, sandbox.token, leavers, date(lastDay - 13 * WEEK_MS + 86_400_000), 13);
    const earlier = await walkWeeks(sandbox.handle, sandbox.token, leavers, date(lastDay - 26 * WEEK_MS + 86_400_000), 13);
    expect(lastMonths.every((r) => r.workDate <= lastDay)).toBe(true);
    expect(lastMonths.some((r) => r.workDate === lastDay)).toBe(true);
    const a = signals(lastMonths, leavers.length);
    const b = signals(earlier, leavers.length);
    expect(a.leave + a.lateness).toBeGreaterThan(2 * (b.leave + b.lateness));
    expect(await walkWeeks(sandbox.handle, sandbox.token, leavers, '2026-09-16', 2)).toEqual([]);
  });
});
