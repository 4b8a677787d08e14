/**
 * The person page API (员工档案): GET /api/v1/people/:userid and every tab under it, with rows of each source
 * (钉钉 / 导入), the CRM rules (deleted rows left out, cancelled deals listed but not counted), and a 404 for anyone
 * outside the viewer's scope; the same answers on SQLite.
 */
import type { DataSource } from 'typeorm';
import type {
  AttendanceMonth,
  CollaborationRow,
  DealsPage,
  DepartureRow,
  FollowUpRow,
  LeaveRow,
  Paged,
  PersonProfile,
  SatisfactionRow,
  TrainingRow,
} from '@liucai/shared';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import {
  actorFor,
  buildAttendance,
  buildCollaboration,
  buildCorp,
  buildCustomer,
  buildDeal,
  buildDeparture,
  buildFollowUp,
  buildLeave,
  buildSatisfaction,
  buildTraining,
  buildUser,
  clientAs,
  onBothDatabases,
} from './support/factories';
import { buildPeopleWorld, type PeopleWorld } from './support/peopleWorld';
import type { TestClient } from './support/httpClient';
import { loadConfig } from '../server/src/config';
import { User } from '../server/src/entities';
import { PERSON_TABS } from '../server/src/modules/people/tabs';
import { loadDepartmentIndex } from '../server/src/modules/people/queries/departmentIndex';
import { findPersonInScope } from '../server/src/modules/people/queries/personInScope';
import { presentPersonProfile } from '../server/src/modules/people/presenters/personProfile';

/** Records of every kind for 张三 (and a departure for 赵六), from both sources. */
async function buildRecords(ds: DataSource, pw: PeopleWorld) {
  const { corpId } = pw;
  const me = pw.people.zhangsan.userid;
  // Attendance: October from DingTalk (late, seriously late, absent, normal on 2 days), September imported (no clock).
  await buildAttendance(ds, corpId, { userid: me, workDate: '2026-10-08', timeResult: 'Late' });
  await buildAttendance(ds, corpId, { userid: me, workDate: '2026-10-08', checkType: 'OffDuty', timeResult: 'Normal' });
  await buildAttendance(ds, corpId, { userid: me, workDate: '2026-10-09', timeResult: 'SeriousLate' });
  await buildAttendance(ds, corpId, { userid: me, workDate: '2026-10-09', checkType: 'OffDuty', timeResult: 'Absenteeism' });
  await buildAttendance(ds, corpId, { userid: me, workDate: '2026-09-30', timeResult: 'NotSigned', source: 'import' });
  // Leave: approved 1.5 days in October (DingTalk, Beijing 10-20 morning = UTC 10-20), imported 4 hours in September,
  // a rejected one (listed, not summed) and one whose type DingTalk gave only as a code.
  await buildLeave(ds, corpId, { userid: me, startAt: new Date('2026-10-20T01:00:00Z'), endAt: new Date('2026-10-21T05:00:00Z'), durationHundredths: 150 });
  await buildLeave(ds, corpId, {
    userid: me,
    source: 'import',
    leaveType: '调休',
    startAt: new Date('2026-09-15T06:00:00Z'),
    endAt: new Date('2026-09-15T10:00:00Z'),
    durationUnit: 'hour',
    durationHundredths: 400,
  });
  await buildLeave(ds, corpId, { userid: me, approvalState: 'rejected', startAt: new Date('2026-10-27T01:00:00Z'), endAt: new Date('2026-10-27T10:00:00Z') });
  await buildLeave(ds, corpId, {
    userid: me,
    leaveType: '6f1a0c52-3e4b-4d8a-9b21-5c0d7e8f1001',
    startAt: new Date('2026-08-03T01:00:00Z'),
    endAt: new Date('2026-08-03T10:00:00Z'),
  });
  // Deals: a big CRM customer, an imported 2,000 deal (small by its amount), a cancelled one, one deleted in DingTalk.
  const big = await buildCustomer(ds, corpId, { name: '华东制造', ownerUserid: me, segment: 'big' });
  await buildDeal(ds, corpId, { ownerUserid: me, customerName: '华东制造', customerSourceId: big.sourceId, amountFen: 1_500_000, signedOn: '2026-10-02' });
  await buildDeal(ds, corpId, { ownerUserid: me, source: 'import', customerName: '街角小店', amountFen: 200_000, signedOn: '2026-09-01', status: 'completed' });
  await buildDeal(ds, corpId, {
    ownerUserid: me,
    customerName: '华东制造',
    customerSourceId: big.sourceId,
    amountFen: 800_000,
    signedOn: '2026-08-01',
    status: 'cancelled',
  });
  await buildDeal(ds, corpId, { ownerUserid: me, customerName: '已删除客户', amountFen: 5_000_000, signedOn: '2026-10-10', removedAt: new Date() });
  // Follow-ups: one on the CRM customer, an imported one, one deleted in DingTalk.
  await buildFollowUp(ds, corpId, { ownerUserid: me, customerSourceId: big.sourceId, followedAt: new Date('2026-10-05T02:00:00Z') });
  await buildFollowUp(ds, corpId, { ownerUserid: me, source: 'import', followedAt: new Date('2026-09-05T02:00:00Z') });
  await buildFollowUp(ds, corpId, { ownerUserid: me, followedAt: new Date('2026-10-06T02:00:00Z'), removedAt: new Date() });
  // Collaborations, training, satisfaction: one of each source.
  await buildCollaboration(ds, corpId, { userid: me, source: 'dingtalk', withDepartment: '技术部', customerName: '华东制造', occurredOn: '2026-10-05' });
  await buildCollaboration(ds, corpId, { userid: me, withDepartment: '客户成功部', occurredOn: '2026-09-12' });
  await buildTraining(ds, corpId, { userid: me, course: '大客户需求分析', completionPercent: 100, examScore: 88, completedOn: '2026-10-01' });
  await buildTraining(ds, corpId, { userid: me, source: 'dingtalk', course: '方案设计', completionPercent: 40, examScore: null, completedOn: null });
  await buildSatisfaction(ds, corpId, { ownerUserid: me, customerName: '华东制造', scoreTenths: 92, surveyedOn: '2026-10-15' });
  await buildSatisfaction(ds, corpId, { ownerUserid: me, source: 'dingtalk', customerName: '街角小店', scoreTenths: 75, surveyedOn: '2026-09-15' });
  // Departures: 赵六 from DingTalk and from an import.
  const leaver = pw.people.leaver.userid;
  await buildDeparture(ds, corpId, { userid: leaver, lastDay: '2026-06-30', reasonType: 3 });
  await buildDeparture(ds, corpId, { userid: leaver, source: 'import', lastDay: '2026-06-28', reasonType: null, reason: '去了更大的平台' });
}

describe('person page API (员工档案)', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let pw: PeopleWorld;
  let hr: TestClient;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'personapi', employees: 20 });
    pw = await buildPeopleWorld(w.ds, 'person');
    // The factory world is its own corp: serve it (one installation serves one corp).
    server = await listen({ ...w, corp: { corpId: pw.corpId, name: pw.corpId } });
    await buildRecords(w.ds, pw);
    hr = await clientAs(w.ds, server.url, pw.people.hr);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const get = async <T>(c: TestClient, path: string) => {
    const res = await c.call<T>('GET', `/api/v1/people/${path}`);
    expect(res.status).toBe(200);
    return res.body.data;
  };

  it('shows the profile, departments as paths, the reporting line up and the direct reports', async () => {
    const { people, depts } = pw;
    const p = await get<PersonProfile>(hr, people.zhangsan.userid);
    expect(p).toMatchObject({ name: '张三', title: '销售代表', jobNumber: 'S011', hiredOn: '2024-05-06', status: 'active', self: false });
    expect(p.department).toEqual({ id: depts.team1.deptId, name: '一组', path: '销售中心 / 中小客户一部 / 一组' });
    expect(p.departments).toEqual([{ id: depts.team1.deptId, name: '一组', path: '销售中心 / 中小客户一部 / 一组', main: true, leader: false }]);
    expect(p.supervisorChain.map((s) => [s.name, s.canOpen])).toEqual([
      ['李四', true],
      ['王大伟', true],
    ]);
    const lead = await get<PersonProfile>(hr, people.lead.userid);
    // Active reports only; 赵六 left.
    expect(lead.directReports.map((r) => r.name)).toEqual(['张三']);
    expect(lead.directReportsTotal).toBe(1);
    // Memberships of someone in two departments: both, each with its path; main first.
    const dual = await get<PersonProfile>(hr, people.dual.userid);
    expect(dual.departments.map((d) => [d.path, d.main])).toEqual([
      ['财务部', true],
      ['销售中心 / 中小客户一部 / 一组', false],
    ]);
  });

  it('summarises attendance by month: late, absent, no clock, approved leave, and where each month came from', async () => {
    const months = await get<Paged<AttendanceMonth>>(hr, `${pw.people.zhangsan.userid}/attendance`);
    expect(months.total).toBe(3);
    expect(months.items).toEqual([
      { month: '2026-10', workDays: 2, late: 2, absent: 1, notSigned: 0, leaveDayHundredths: 150, leaveHourHundredths: 0, sources: ['dingtalk'] },
      { month: '2026-09', workDays: 1, late: 0, absent: 0, notSigned: 1, leaveDayHundredths: 0, leaveHourHundredths: 400, sources: ['import'] },
      { month: '2026-08', workDays: 0, late: 0, absent: 0, notSigned: 0, leaveDayHundredths: 100, leaveHourHundredths: 0, sources: ['dingtalk'] },
    ]);
    const second = await get<Paged<AttendanceMonth>>(hr, `${pw.people.zhangsan.userid}/attendance?pageSize=2&page=2`);
    expect(second.items.map((m) => m.month)).toEqual(['2026-08']);
  });

  it('lists leave records of both sources with their state, newest first', async () => {
    const leave = await get<Paged<LeaveRow>>(hr, `${pw.people.zhangsan.userid}/leave`);
    expect(leave.items.map((l) => [l.startAt.slice(0, 10), l.source, l.leaveType, l.state, l.unit, l.durationHundredths])).toEqual([
      ['2026-10-27', 'dingtalk', '事假', 'rejected', 'day', 100],
      ['2026-10-20', 'dingtalk', '事假', 'approved', 'day', 150],
      ['2026-09-15', 'import', '调休', 'approved', 'hour', 400],
      // DingTalk gave only the type's code: not shown as a name.
      ['2026-08-03', 'dingtalk', null, 'approved', 'day', 100],
    ]);
    expect(leave.items[0]?.importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('lists deals with segment, value and status; deleted ones left out, cancelled ones listed but not counted', async () => {
    const deals = await get<DealsPage>(hr, `${pw.people.zhangsan.userid}/deals`);
    expect(deals.items.map((d) => [d.signedOn, d.customerName, d.source, d.segment, d.amountFen, d.status, d.counts])).toEqual([
      ['2026-10-02', '华东制造', 'dingtalk', 'big', 1_500_000, 'active', true],
      ['2026-09-01', '街角小店', 'import', 'small', 200_000, 'completed', true],
      ['2026-08-01', '华东制造', 'dingtalk', 'big', 800_000, 'cancelled', false],
    ]);
    expect(deals.total).toBe(3);
    expect(deals.summary).toEqual({ count: 2, amountFen: 1_700_000, big: 1, small: 1 });
  });

  it('lists follow-ups (deleted ones left out), collaborations, training and satisfaction of both sources', async () => {
    const me = pw.people.zhangsan.userid;
    const follow = await get<Paged<FollowUpRow>>(hr, `${me}/follow-ups`);
    expect(follow.items.map((f) => [f.followedAt.slice(0, 10), f.source, f.customerName])).toEqual([
      ['2026-10-05', 'dingtalk', '华东制造'],
      ['2026-09-05', 'import', null],
    ]);
    const collab = await get<Paged<CollaborationRow>>(hr, `${me}/collaborations`);
    expect(collab.items.map((c) => [c.occurredOn, c.source, c.withDepartment, c.customerName])).toEqual([
      ['2026-10-05', 'dingtalk', '技术部', '华东制造'],
      ['2026-09-12', 'import', '客户成功部', null],
    ]);
    const training = await get<Paged<TrainingRow>>(hr, `${me}/training`);
    expect(training.items.map((t) => [t.course, t.source, t.completionPercent, t.examScore, t.completedOn])).toEqual([
      ['大客户需求分析', 'import', 100, 88, '2026-10-01'],
      ['方案设计', 'dingtalk', 40, null, null],
    ]);
    const sat = await get<Paged<SatisfactionRow>>(hr, `${me}/satisfaction`);
    expect(sat.items.map((s) => [s.surveyedOn, s.source, s.customerName, s.scoreTenths])).toEqual([
      ['2026-10-15', 'import', '华东制造', 92],
      ['2026-09-15', 'dingtalk', '街角小店', 75],
    ]);
    const none = await get<Paged<DepartureRow>>(hr, `${me}/departure`);
    expect(none).toMatchObject({ total: 0, items: [] });
  });

  it('shows a departure from each source with its reason', async () => {
    const dep = await get<Paged<DepartureRow>>(hr, `${pw.people.leaver.userid}/departure`);
    expect(dep.items.map((d) => [d.lastDay, d.source, d.reasonLabel, d.reason])).toEqual([
      ['2026-06-30', 'dingtalk', '发展原因', null],
      ['2026-06-28', 'import', null, '去了更大的平台'],
    ]);
    const profile = await get<PersonProfile>(hr, pw.people.leaver.userid);
    expect(profile).toMatchObject({ status: 'left', leftOn: '2026-06-30' });
  });

  it('answers 404 on the page and every tab for anyone outside the viewer’s scope', async () => {
    const { people } = pw;
    const paths = (userid: string) => [userid, ...PERSON_TABS.map((t) => `${userid}/${t.key}`)];
    const refused = async (c: TestClient, userid: string) => {
      for (const path of paths(userid)) {
        const res = await c.call('GET', `/api/v1/people/${path}`);
        expect([path, res.status, res.body.error?.id]).toEqual([path, 404, 'not_found']);
      }
    };
    // The 风险 tab follows the radar's narrower rules (test/outcomes.test.ts); outside the profile's scope it is a 404 too.
    const allowed = async (c: TestClient, userid: string) => {
      const open = [userid, ...PERSON_TABS.filter((t) => !t.checksAccess).map((t) => `${userid}/${t.key}`)];
      for (const path of open) expect([path, (await c.call('GET', `/api/v1/people/${path}`)).status]).toEqual([path, 200]);
    };
    // HR of 销售中心: not the head of finance.
    await refused(hr, people.cfo.userid);
    await allowed(hr, people.zhangsan.userid);
    // A supervisor: their direct reports (left ones too), not their reports' reports.
    const boss = await clientAs(w.ds, server.url, people.boss);
    await allowed(boss, people.lead.userid);
    await refused(boss, people.zhangsan.userid);
    const lead = await clientAs(w.ds, server.url, people.lead);
    await allowed(lead, people.leaver.userid);
    // An employee: only themself.
    const employee = await clientAs(w.ds, server.url, people.zhangsan);
    await allowed(employee, people.zhangsan.userid);
    await refused(employee, people.lead.userid);
    const own = await get<PersonProfile>(employee, people.zhangsan.userid);
    expect(own.self).toBe(true);
    // Their supervisor is named on their page, but not openable.
    expect(own.supervisorChain.map((s) => [s.name, s.canOpen])).toEqual([
      ['李四', false],
      ['王大伟', false],
    ]);
    // An admin: everyone; nobody of another corp, nor a made-up id.
    const admin = await clientAs(w.ds, server.url, people.admin);
    await allowed(admin, people.cfo.userid);
    await refused(admin, 'nobody');
    const other = await buildPeopleWorld(w.ds, 'other');
    await refused(admin, other.people.zhangsan.userid);
    // An unknown tab is a 404 too; a bad page a 400.
    expect((await hr.call('GET', `/api/v1/people/${people.zhangsan.userid}/salary`)).status).toBe(404);
    expect((await hr.call('GET', `/api/v1/people/${people.zhangsan.userid}/leave?page=0`)).status).toBe(400);
  });
});

describe('person page queries on MariaDB and SQLite', () => {
  it('give the same profile and tabs on both databases', async () => {
    const answers: string[] = [];
    await onBothDatabases('personq', async (ds) => {
      const pw = await buildPeopleWorld(ds, 'pq');
      await buildRecords(ds, pw);
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
      const actor = actorFor(pw.people.hr, ['employee', 'hr'], [pw.depts.sales.deptId]);
      const depts = await loadDepartmentIndex(ds, pw.corpId);
      const { person, scope } = await findPersonInScope(ds, actor, pw.people.zhangsan.userid, depts);
      const profile = await presentPersonProfile(ds, actor, person, scope, depts);
      const tabs: Record<string, unknown> = {};
      for (const tab of PERSON_TABS) {
        const page = await tab.list({ ds, config, actor, person, page: { page: 1, pageSize: 20 } });
        // Row ids and intake times differ between the two runs; everything else must not.
        tabs[tab.key] = { ...page, items: page.items.map((i) => ({ ...(i as object), id: undefined, importedAt: undefined })) };
        // Any page tells the whole list's count: a page of one past the first row, and a page past the end.
        const second = await tab.list({ ds, config, actor, person, page: { page: 2, pageSize: 1 } });
        expect([tab.key, second.total, second.items.length]).toEqual([tab.key, page.total, Math.min(1, Math.max(0, page.total - 1))]);
        const past = await tab.list({ ds, config, actor, person, page: { page: 99, pageSize: 1 } });
        expect([tab.key, past.total, past.items.length]).toEqual([tab.key, page.total, 0]);
      }
      const { userid: _u, supervisorChain, directReports, ...rest } = profile;
      answers.push(
        JSON.stringify({
          rest: { ...rest, department: rest.department?.path, departments: rest.departments.map((d) => d.path) },
          chain: supervisorChain.map((s) => s.name),
          reports: directReports.map((r) => r.name),
          tabs,
        }),
      );
      expect(profile.supervisorChain.map((s) => s.name)).toEqual(['李四', '王大伟']);
    });
    expect(answers).toHaveLength(2);
    expect(answers[1]).toBe(answers[0]);
  });

  it('follow a reporting line that loops back (bad data) once round, and stop at a supervisor who is not in the org', async () => {
    await onBothDatabases('personloop', async (ds) => {
      const corpId = await buildCorp(ds, 'personloop');
      const a = await buildUser(ds, corpId, { name: '甲' });
      const b = await buildUser(ds, corpId, { name: '乙', supervisorUserid: a.userid });
      const c = await buildUser(ds, corpId, { name: '丙', supervisorUserid: b.userid });
      await ds.getRepository(User).update({ corpId, userid: a.userid }, { supervisorUserid: c.userid });
      const d = await buildUser(ds, corpId, { name: '丁', supervisorUserid: 'nobody-here' });
      const admin = actorFor(a, ['employee', 'admin'], []);
      const depts = await loadDepartmentIndex(ds, corpId);
      const chainOf = async (userid: string) => {
        const { person, scope } = await findPersonInScope(ds, admin, userid, depts);
        return (await presentPersonProfile(ds, admin, person, scope, depts)).supervisorChain.map((s) => s.name);
      };
      expect(await chainOf(c.userid)).toEqual(['乙', '甲']);
      expect(await chainOf(d.userid)).toEqual([]);
      // Direct reports in pinyin order (active only), whatever order they were added in.
      const boss = await buildUser(ds, corpId, { name: '戊' });
      for (const name of ['王五', '李四', '张三', '陈七'])
        await buildUser(ds, corpId, { name, supervisorUserid: boss.userid, status: name === '陈七' ? 'left' : 'active' });
      const { person, scope } = await findPersonInScope(ds, admin, boss.userid, depts);
      const profile = await presentPersonProfile(ds, admin, person, scope, depts);
      expect([profile.directReports.map((r) => r.name), profile.directReportsTotal]).toEqual([['李四', '王五', '张三'], 3]);
    });
  });
});
