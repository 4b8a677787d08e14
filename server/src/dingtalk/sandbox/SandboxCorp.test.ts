import { generateCorp } from './generateCorp';
import type { SandboxCorpOptions } from './corpTypes';

const opts: SandboxCorpOptions = { corpId: 'dingmut', appKey: 'k', appSecret: 's', agentId: 1, seed: 11, employees: 200 };

describe('SandboxCorp mutations', () => {
  it('removeUser: the person leaves lists, managers and explicit-manager links, and is kept in departures', () => {
    const corp = generateCorp(opts);
    const manager = [...corp.departments.values()].find((d) => d.dept_id !== 1 && d.dept_manager_userid_list.length === 1)!;
    const leaverId = manager.dept_manager_userid_list[0]!;
    const reports = [...corp.users.values()].filter((u) => u.manager_userid === leaverId).map((u) => u.userid);
    const leaver = corp.getUser(leaverId)!;
    // A generated corp starts with its history of departures; a removal adds one more at the end.
    const history = [...corp.departures];
    const departure = corp.removeUser(leaverId, Date.UTC(2026, 9, 20));
    expect(corp.getUser(leaverId)).toBeUndefined();
    expect(corp.employeeCount).toBe(199);
    for (const deptId of leaver.dept_id_list) expect(corp.deptMembers(deptId).map((u) => u.userid)).not.toContain(leaverId);
    expect(manager.dept_manager_userid_list).toEqual([]);
    for (const id of reports) expect(corp.getUser(id)?.manager_userid).toBeUndefined();
    expect(corp.departures).toEqual([...history, departure]);
    // Found by userid, as the CRM and approval answers look up who left: the new leaver and the history's.
    expect(corp.getDeparture(leaverId)).toBe(departure);
    expect(history.length).toBeGreaterThan(0);
    for (const past of history) expect(corp.getDeparture(past.userid)?.userid).toBe(past.userid);
    expect(corp.getDeparture(reports[0] ?? 'nobody')).toBeUndefined();
    expect(departure).toMatchObject({
      userid: leaverId,
      name: leaver.name,
      last_work_day: Date.UTC(2026, 9, 20),
      main_dept_id: leaver.dept_id_list[0],
      status: 2,
      reason_type: 2,
    });
    expect(departure.dept_list[0]?.dept_path).toMatch(/^留才示范科技有限公司-/);
    expect(() => corp.removeUser(leaverId)).toThrow(/unknown or departed/);
  });

  it('addUser: a hire with generated fields, appended to the department, overridable', () => {
    const corp = generateCorp(opts);
    const team = corp.getUser('demo-employee')!.dept_id_list[0]!;
    const before = corp.deptMembers(team).length;
    const hire = corp.addUser({ dept_id_list: [team], name: '新同学', title: '销售代表' });
    expect(hire.userid).toMatch(/^u\d{5}$/);
    expect(hire).toMatchObject({ name: '新同学', title: '销售代表', active: true, hired_date: corp.asOfMs, dept_id_list: [team] });
    expect(corp.deptMembers(team)).toHaveLength(before + 1);
    expect(corp.deptMembers(team).at(-1)?.userid).toBe(hire.userid);
    expect(hire.dept_order_list).toEqual([
      {
        dept_id: team,
        order:
          Math.max(
            ...corp
              .deptMembers(team)
              .slice(0, -1)
              .map((u) => u.dept_order_list.find((o) => o.dept_id === team)!.order),
          ) + 1,
      },
    ]);
    expect(corp.employeeCount).toBe(201);
    const generated = corp.addUser();
    expect(corp.getDept(generated.dept_id_list[0]!)).toBeDefined();
    expect(generated.title).not.toBe('');
    expect(() => corp.addUser({ userid: hire.userid })).toThrow(/already exists/);
    expect(() => corp.addUser({ dept_id_list: [999] })).toThrow(/unknown department/);
    const named = corp.addUser({ userid: 'u-custom', dept_id_list: [1] });
    expect(corp.getUser('u-custom')).toBe(named);
  });

  it('setUserTitle changes the title and the modify order', () => {
    const corp = generateCorp(opts);
    const before = corp.getUser('demo-employee')!.modified_seq;
    corp.setUserTitle('demo-employee', '高级销售代表');
    expect(corp.getUser('demo-employee')).toMatchObject({ title: '高级销售代表' });
    expect(corp.getUser('demo-employee')!.modified_seq).toBeGreaterThan(before);
    expect(() => corp.setUserTitle('nobody', 'x')).toThrow();
  });

  it('advanceMonths: a few % leave and join each month, deterministically, and the clock moves', () => {
    const a = generateCorp({ ...opts, employees: 1000 });
    const b = generateCorp({ ...opts, employees: 1000 });
    const asOf = a.asOfMs;
    // The generated history comes first in departures; the months passing add theirs after it.
    const history = a.departures.length;
    const summary = a.advanceMonths(3);
    expect(b.advanceMonths(3)).toEqual(summary);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(summary.left.length).toBeGreaterThanOrEqual(3 * 15);
    expect(summary.left.length).toBeLessThanOrEqual(3 * 36);
    expect(summary.joined.length).toBeGreaterThanOrEqual(3 * 20);
    expect(summary.headcountAfter).toBe(1000 - summary.left.length + summary.joined.length);
    expect(a.employeeCount).toBe(summary.headcountAfter);
    expect(a.departures.slice(history).map((d) => d.userid)).toEqual(summary.left);
    expect(new Date(a.asOfMs + 8 * 3600_000).toISOString().slice(0, 10)).toBe('2027-02-01');
    for (const d of a.departures.slice(history)) {
      expect(d.last_work_day).toBeGreaterThanOrEqual(asOf);
      expect(d.last_work_day).toBeLessThan(a.asOfMs);
    }
    for (const id of summary.joined) {
      // A hire of month 1 may already leave in month 2.
      const hired = a.getUser(id) ?? a.departures.find((d) => d.userid === id)?.user;
      expect(hired?.hired_date).toBeGreaterThanOrEqual(asOf);
    }
    // Departments keep their managers and the demo accounts stay.
    for (const dept of a.departments.values()) expect(dept.dept_manager_userid_list.length).toBeGreaterThan(0);
    for (const id of Object.values(a.demoUsers)) expect(a.getUser(id)).toBeDefined();
    const c = generateCorp({ ...opts, employees: 1000, seed: 12 });
    expect(c.advanceMonths(3).left).not.toEqual(summary.left);
  });
});
