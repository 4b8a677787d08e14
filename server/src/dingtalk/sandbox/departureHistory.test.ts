import { approvedLeaves, attendanceResults } from './attendanceQueries';
import type { SandboxCorpOptions, SandboxDeparture } from './corpTypes';
import { crmDataOf } from './crmModel';
import { HISTORY_MONTHS, targetTurnover } from './departureHistory';
import { isSalesKind } from './driftModel';
import { generateCorp } from './generateCorp';
import type { SandboxCorp } from './SandboxCorp';
import { chinaDayNumber, dayStartMs, isWorkingDay } from './workCalendar';

const DAY = 86_400_000;
const base: SandboxCorpOptions = { corpId: 'dinghist', appKey: 'k', appSecret: 's', agentId: 1, seed: 23, employees: 1000 };
const corp = generateCorp(base);
const kindOf = (c: SandboxCorp, deptId: number) => c.getDept(deptId)?.kind;
const salesLeaver = (c: SandboxCorp, d: SandboxDeparture) => isSalesKind(kindOf(c, d.main_dept_id));
const endOfDay = (ms: number) => ms + DAY - 1;

/** Late, early, missed or not-turned-up checks and checks settled by leave, of one person over [fromDay, toDay]. */
function signals(c: SandboxCorp, userid: string, fromDay: number, toDay: number): number {
  const rows = attendanceResults(c, [userid], dayStartMs(fromDay), endOfDay(dayStartMs(toDay)));
  return rows.filter((r) => r.timeResult !== 'Normal' || r.sourceType === 'APPROVE').length;
}

describe('the generated history: people who left over the last 18 months', () => {
  it('has leavers on working days within the last 18 months, hired before they left, none of them still employed', () => {
    const earliest = corp.asOfMs - Math.ceil((HISTORY_MONTHS * 365) / 12 + 1) * DAY;
    expect(corp.employeeCount).toBe(1000);
    expect(corp.departures.length).toBeGreaterThan(100);
    expect(new Set(corp.departures.map((d) => d.userid)).size).toBe(corp.departures.length);
    for (const d of corp.departures) {
      expect(corp.getUser(d.userid)).toBeUndefined();
      expect(d.last_work_day).toBeGreaterThanOrEqual(earliest);
      expect(d.last_work_day).toBeLessThan(corp.asOfMs);
      expect(isWorkingDay(chinaDayNumber(d.last_work_day))).toBe(true);
      expect(d.user.hired_date).toBeLessThan(d.last_work_day);
      expect(d.pre_status).toBe(d.last_work_day - d.user.hired_date < 183 * DAY ? 2 : 3);
      expect(d).toMatchObject({ status: 2, main_dept_id: d.user.dept_id_list[0], name: d.user.name });
      expect(d.dept_list[0]?.dept_path).toBe(corp.deptPath(d.main_dept_id));
      expect(d.reason_type).toBeGreaterThanOrEqual(1);
      expect(d.reason_type).toBeLessThanOrEqual(9);
    }
    // Oldest first, as querydimission pages them; they span the whole period.
    const days = corp.departures.map((d) => d.last_work_day);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(days[0]! - earliest).toBeLessThan(30 * DAY);
    expect(corp.asOfMs - days.at(-1)!).toBeLessThan(30 * DAY);
    // Job numbers in hire order include the people who left, and are never given twice.
    const numbers = [...[...corp.users.values()].map((u) => u.job_number), ...corp.departures.map((d) => d.user.job_number)];
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(generateCorp(base).addUser().job_number).toBe(`LC${String(numbers.length + 1).padStart(5, '0')}`);
  });

  it('loses about 35% of the sales team a year and far fewer elsewhere', () => {
    const big = generateCorp({ ...base, employees: 3000, seed: 5 });
    const yearAgo = big.asOfMs - 365 * DAY;
    const headcount = (sales: boolean) => [...big.users.values()].filter((u) => isSalesKind(kindOf(big, u.dept_id_list[0]!)) === sales).length;
    const leftInYear = (sales: boolean) => big.departures.filter((d) => d.last_work_day >= yearAgo && salesLeaver(big, d) === sales).length;
    const salesTurnover = leftInYear(true) / headcount(true);
    const otherTurnover = leftInYear(false) / headcount(false);
    expect(targetTurnover('smb')).toBe(0.35);
    expect(salesTurnover).toBeGreaterThan(0.3);
    expect(salesTurnover).toBeLessThan(0.4);
    expect(otherTurnover).toBeGreaterThan(0.05);
    expect(otherTurnover).toBeLessThan(0.2);
  });

  it('refills most jobs: someone joins the same department within two months of a last day', () => {
    const settled = corp.departures.filter((d) => d.last_work_day < corp.asOfMs - 61 * DAY);
    const refilled = settled.filter((d) =>
      corp
        .deptMembers(d.main_dept_id)
        .some((u) => u.dept_id_list[0] === d.main_dept_id && u.hired_date > d.last_work_day && u.hired_date <= d.last_work_day + 60 * DAY),
    );
    expect(refilled.length / settled.length).toBeGreaterThan(0.9);
  });

  it("keeps each leaver's attendance, leave and CRM up to the last day and nothing after", () => {
    const recent = corp.departures.filter((d) => d.last_work_day > corp.asOfMs - 120 * DAY);
    const ids = recent.map((d) => d.userid);
    const lastDayOf = new Map(recent.map((d) => [d.userid, d.last_work_day]));
    const rows = attendanceResults(corp, ids, corp.asOfMs - 150 * DAY, corp.asOfMs - 1);
    for (const r of rows) expect(r.workDate).toBeLessThanOrEqual(lastDayOf.get(r.userId)!);
    for (const d of recent) expect(rows.some((r) => r.userId === d.userid && r.workDate === d.last_work_day)).toBe(true);
    for (const l of approvedLeaves(corp, ids, corp.asOfMs - 150 * DAY, corp.asOfMs - 1))
      expect(l.endMs).toBeLessThanOrEqual(endOfDay(lastDayOf.get(l.userid)!));

    const crm = crmDataOf(corp);
    const lastOf = (userid: string | null) => (userid === null ? undefined : corp.departures.find((d) => d.userid === userid)?.last_work_day);
    let leaversRecords = 0;
    for (const c of [...crm.customers, ...crm.personalCustomers]) {
      const last = lastOf(c.creator);
      if (last === undefined) continue;
      leaversRecords++;
      expect(c.createMs).toBeLessThanOrEqual(endOfDay(last));
    }
    for (const k of crm.contracts) {
      const last = lastOf(k.creator);
      if (last !== undefined) expect(k.signMs).toBeLessThanOrEqual(endOfDay(last));
    }
    for (const f of crm.followRecords) {
      const last = lastOf(f.owner);
      if (last !== undefined) expect(f.followMs).toBeLessThanOrEqual(endOfDay(last));
    }
    // After the last day their customers pass to the handover person (离职继承), who follows them up and renews.
    const handover = new Map(corp.departures.map((d) => [d.userid, d.handover_userid]));
    const inherited = crm.customers.filter((c) => handover.has(c.creator) && c.owner !== null);
    expect(inherited.length).toBeGreaterThan(0);
    for (const c of inherited) expect(c.owner).toBe(handover.get(c.creator));
    const inheritedIds = new Set(inherited.map((c) => c.instanceId));
    const byHeir = crm.followRecords.filter((f) => inheritedIds.has(f.customerId) && !handover.has(f.owner));
    expect(byHeir.length).toBeGreaterThan(0);
    for (const f of byHeir) expect(f.followMs).toBeGreaterThan(lastOf(crm.customers.find((c) => c.instanceId === f.customerId)!.creator)!);
    expect(crm.contracts.some((k) => inheritedIds.has(k.customerId) && !handover.has(k.creator))).toBe(true);
    const salesLeavers = corp.departures.filter((d) => salesLeaver(corp, d) && d.last_work_day - d.user.hired_date > 60 * DAY);
    const withCustomers = salesLeavers.filter((d) => crm.customers.some((c) => c.creator === d.userid));
    expect(leaversRecords).toBeGreaterThan(0);
    expect(withCustomers.length / salesLeavers.length).toBeGreaterThan(0.8);
  });

  it('shows most drifters drifting before they leave, some leavers with no warning, and some drifters who stay', () => {
    const firstDay = chinaDayNumber(corp.asOfMs) - Math.round((HISTORY_MONTHS * 365) / 12);
    // Leavers with six months of history before their last day inside the generated period.
    const leavers = corp.departures.filter((d) => chinaDayNumber(d.last_work_day) - 182 >= firstDay && d.last_work_day - d.user.hired_date > 200 * DAY);
    const drifters = leavers.filter((d) => corp.driftOf(d.userid) !== undefined);
    const steady = leavers.filter((d) => corp.driftOf(d.userid) === undefined);
    expect(drifters.length).toBeGreaterThan(10);
    expect(steady.length).toBeGreaterThan(5);
    const allLeavers = corp.departures.length;
    const driftingLeavers = corp.departures.filter((d) => corp.driftOf(d.userid) !== undefined).length;
    expect(driftingLeavers / allLeavers).toBeGreaterThan(0.45);
    expect(driftingLeavers / allLeavers).toBeLessThan(0.85);
    expect([...corp.users.keys()].some((id) => corp.driftOf(id) !== undefined)).toBe(true);

    /** Signals in the last 13 weeks before the last day and in the 13 weeks before those. */
    const lastAndBefore = (d: SandboxDeparture) => {
      const last = chinaDayNumber(d.last_work_day);
      return { last: signals(corp, d.userid, last - 90, last), before: signals(corp, d.userid, last - 181, last - 91) };
    };
    const drift = drifters.map(lastAndBefore);
    const sum = (xs: { last: number; before: number }[], k: 'last' | 'before') => xs.reduce((n, x) => n + x[k], 0);
    expect(sum(drift, 'last')).toBeGreaterThan(2 * sum(drift, 'before'));
    expect(drift.filter((x) => x.last > x.before).length / drift.length).toBeGreaterThan(0.7);
    const calm = steady.map(lastAndBefore);
    expect(sum(calm, 'last')).toBeLessThan(1.5 * sum(calm, 'before') + 5);

    // Salespeople who drift follow their customers up less in their last weeks. A salesperson's book grows over the
    // months (customers accumulate), so the drop is measured against salespeople who left without drifting.
    const crm = crmDataOf(corp);
    const follows = (ds: SandboxDeparture[], fromDays: number, toDays: number) =>
      crm.followRecords.filter((f) =>
        ds.some((d) => f.owner === d.userid && f.followMs > d.last_work_day - fromDays * DAY && f.followMs <= d.last_work_day - toDays * DAY + DAY),
      ).length;
    const salesDrifters = drifters.filter((d) => salesLeaver(corp, d));
    const salesSteady = steady.filter((d) => salesLeaver(corp, d));
    expect(salesDrifters.length).toBeGreaterThan(5);
    expect(salesSteady.length).toBeGreaterThan(5);
    const trend = (ds: SandboxDeparture[]) => follows(ds, 45, 0) / follows(ds, 181, 136);
    expect(trend(salesDrifters)).toBeLessThan(0.6 * trend(salesSteady));
  });

  it('is a pure function of the seed', () => {
    const again = generateCorp(base);
    expect(JSON.stringify(again)).toBe(JSON.stringify(corp));
    const other = generateCorp({ ...base, seed: 24 });
    expect(other.departures.map((d) => d.userid)).not.toEqual(corp.departures.map((d) => d.userid));
  });
});
