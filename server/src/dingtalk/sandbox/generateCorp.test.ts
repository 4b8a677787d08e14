import { generateCorp } from './generateCorp';
import type { SandboxCorpOptions } from './corpTypes';

const base: SandboxCorpOptions = { corpId: 'dinggen', appKey: 'k', appSecret: 's', agentId: 1, seed: 7, employees: 50 };
const snapshot = (opts: Partial<SandboxCorpOptions> = {}): string => JSON.stringify(generateCorp({ ...base, ...opts }));

describe('generateCorp', () => {
  it('is deterministic: same seed gives identical JSON, another seed differs', () => {
    expect(snapshot({ employees: 300 })).toBe(snapshot({ employees: 300 }));
    expect(snapshot({ employees: 300, seed: 8 })).not.toBe(snapshot({ employees: 300 }));
  });

  it('never puts the app secret into the JSON', () => {
    expect(snapshot({ appSecret: 'very-secret-value' })).not.toContain('very-secret-value');
  });

  it.each([20, 50, 137, 1000])('has exactly %i active employees and a manager (a member, leader) for every department', (n) => {
    const corp = generateCorp({ ...base, employees: n });
    expect(corp.employeeCount).toBe(n);
    expect([...corp.users.values()].every((u) => u.active)).toBe(true);
    for (const dept of corp.departments.values()) {
      expect(dept.dept_manager_userid_list.length).toBeGreaterThanOrEqual(1);
      expect(dept.dept_manager_userid_list.length).toBeLessThanOrEqual(2);
      for (const id of dept.dept_manager_userid_list) {
        const manager = corp.getUser(id);
        expect(manager?.dept_id_list).toContain(dept.dept_id);
        expect(corp.leaderInDept(manager!)).toContainEqual({ dept_id: dept.dept_id, leader: true });
      }
    }
  });

  it('builds the org chart: root named after the corp, all top-level departments, sales teams, tech sub-teams', () => {
    const corp = generateCorp(base);
    expect(corp.getDept(1)).toMatchObject({ dept_id: 1, name: '留才示范科技有限公司' });
    expect(corp.getDept(1)?.parent_id).toBeUndefined();
    expect(corp.childDepts(1).map((d) => d.name)).toEqual(['总经办', '人力资源部', '财务部', '销售中心', '技术部', '客户成功部']);
    const sales = corp.childDepts(1).find((d) => d.name === '销售中心')!;
    const salesNames = corp.childDepts(sales.dept_id).map((d) => d.name);
    expect(salesNames[0]).toBe('大客户部');
    expect(salesNames.filter((n) => /^中小客户.+部$/.test(n)).length).toBeGreaterThanOrEqual(2);
    expect(salesNames[salesNames.length - 1]).toBe('销售支持部');
    const tech = corp.childDepts(1).find((d) => d.name === '技术部')!;
    expect(corp.childDepts(tech.dept_id).length).toBeGreaterThanOrEqual(2);
    expect(generateCorp({ ...base, corpName: '另一家公司' }).getDept(1)?.name).toBe('另一家公司');
  });

  it('scales to 10,000 people with a few hundred departments and realistic shares', () => {
    const corp = generateCorp({ ...base, employees: 10_000, seed: 42 });
    expect(corp.employeeCount).toBe(10_000);
    expect(corp.departments.size).toBeGreaterThan(200);
    expect(corp.departments.size).toBeLessThan(1000);
    const users = [...corp.users.values()];
    const explicit = users.filter((u) => u.manager_userid !== undefined).length / users.length;
    const multi = users.filter((u) => u.dept_id_list.length === 2).length / users.length;
    expect(explicit).toBeGreaterThan(0.25);
    expect(explicit).toBeLessThan(0.35);
    expect(multi).toBeGreaterThan(0.04);
    expect(multi).toBeLessThan(0.06);
    expect([...corp.departments.values()].some((d) => d.dept_manager_userid_list.length === 2)).toBe(true);
    const hires = users.map((u) => u.hired_date);
    expect((Math.max(...hires) - Math.min(...hires)) / (365 * 86_400_000)).toBeGreaterThan(7);
    expect(new Set(users.map((u) => u.job_number)).size).toBe(10_000);
    expect(new Set(users.map((u) => u.unionid)).size).toBe(10_000);
  });

  it('gives titles that match the department', () => {
    const corp = generateCorp({ ...base, employees: 500 });
    const titlesIn = (name: string): Set<string> => {
      const dept = [...corp.departments.values()].find((d) => d.name === name)!;
      const ids = [dept.dept_id, ...[...corp.departments.values()].filter((d) => d.parent_id === dept.dept_id).map((d) => d.dept_id)];
      return new Set(
        ids.flatMap((id) =>
          corp
            .deptMembers(id)
            .filter((u) => u.dept_id_list[0] === id)
            .map((u) => u.title),
        ),
      );
    };
    expect(titlesIn('中小客户一部')).toEqual(new Set([...titlesIn('中小客户一部')].filter((t) => /销售/.test(t))));
    expect(titlesIn('中小客户一部').has('销售代表')).toBe(true);
    expect(titlesIn('人力资源部').has('人力资源总监')).toBe(true);
    expect([...titlesIn('客户成功部')].every((t) => t.startsWith('客户成功') || ['实施顾问', '客服专员'].includes(t))).toBe(true);
  });

  it('sets up the demo users, each holding one role alone: admin, HR specialist, sales team manager, plain sales rep', () => {
    for (const employees of [60, 300, 1000, 2000, 10000]) {
      const corp = generateCorp({ ...base, employees });
      expect(corp.demoUsers).toEqual({ admin: 'demo-admin', hr: 'demo-hr', supervisor: 'demo-supervisor', employee: 'demo-employee' });
      const admin = corp.getUser('demo-admin')!;
      expect(admin).toMatchObject({ boss: false, admin: true, sys_level: 2 });
      expect(corp.getDept(admin.dept_id_list[0]!)?.name).toBe('总经办');
      const boss = [...corp.users.values()].find((u) => u.boss)!;
      expect(boss).toMatchObject({ admin: true, sys_level: 1 });
      expect(corp.getDept(1)?.dept_manager_userid_list).toEqual([boss.userid]);
      const hr = corp.getUser('demo-hr')!;
      expect(corp.deptPath(hr.dept_id_list[0]!)).toContain('人力资源部');
      // The HR user is not a DingTalk admin, and neither the HR nor the admin demo user manages anyone.
      expect(hr).toMatchObject({ admin: false, sys_level: 0 });
      for (const id of ['demo-admin', 'demo-hr', 'demo-employee']) {
        expect(corp.isManagerAnywhere(id)).toBe(false);
        expect([...corp.users.values()].filter((u) => corp.supervisorOf(u) === id)).toEqual([]);
      }
    }
    const corp = generateCorp({ ...base, employees: 1000 });
    const employee = corp.getUser('demo-employee')!;
    expect(employee).toMatchObject({ title: '销售代表', admin: false, sys_level: 0, boss: false });
    expect(employee.manager_userid).toBeUndefined();
    expect(employee.dept_id_list).toHaveLength(1);
    const team = corp.getDept(employee.dept_id_list[0]!)!;
    expect(team.dept_manager_userid_list).toEqual(['demo-supervisor']);
    expect(corp.deptPath(team.dept_id)).toMatch(/销售中心-中小客户一部/);
    expect(corp.childDepts(team.dept_id)).toEqual([]);
    expect(corp.supervisorOf(employee)).toBe('demo-supervisor');
    const subAdmins = [...corp.users.values()].filter((u) => u.sys_level === 2);
    expect(subAdmins.length).toBeGreaterThanOrEqual(2);
    expect(subAdmins.some((u) => corp.getDept(u.dept_id_list[0]!)?.name === '人力资源部')).toBe(true);
  });

  it('rejects too few employees', () => {
    expect(() => generateCorp({ ...base, employees: 19 })).toThrow(/employees/);
  });
});
