/**
 * Pulse surveys (脉搏调查) on real MariaDB over HTTP, and anonymity checked on the tables: HR schedules the built-in
 * template for 销售中心 (2 people) with 华东组 below it (4 people); a survey with no questions is refused in Chinese;
 * six people answer once each; the answer table has no user id column and no userid among its values, no time and no
 * arrival order, the invitation keeps only the day; results wait for the round to close, then 销售中心 (6) is shown
 * and 华东组 (4) says 样本不足 5 人，不显示; the atmosphere turns 消极 and HR and the team's manager are told once; the
 * 转型看板 shows it.
 */
import { IsNull, Not, type DataSource } from 'typeorm';
import {
  PULSE_TEMPLATE,
  type AtmosphereView,
  type MyPulseRound,
  type OutcomesDashboard,
  type PulseResultsView,
  type Paged,
  type PulseSurveyView,
} from '@liucai/shared';
import {
  AuditEvent,
  Department,
  Notification,
  PulseAnswer,
  PulseInvitation,
  PulseRound,
  PulseSurvey,
  RetentionRisk,
  RetentionWeekSignal,
  TeamAtmosphere,
} from '../server/src/entities';
import { computeAtmospheres, weeksOfMonth } from '../server/src/modules/pulse/commands/atmosphereComputer';
import { DEMO_PULSE_TITLE, seedDemoPulse } from '../server/src/modules/pulse/commands/demoPulseSeeder';
import { shanghaiDate } from '../server/src/util/dates';
import { addMonths, nextPulseRound, weeksEnding } from '@liucai/shared';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import type { TestClient } from './support/httpClient';
import { buildCorp, buildDepartment, buildUser, clientAs, grantHrScope, onBothDatabases } from './support/factories';
import { scheduleSurvey } from '../server/src/modules/pulse/commands/pulseScheduler';
import { openDueRounds } from '../server/src/modules/pulse/commands/pulseRoundOpener';
import { submitPulse } from '../server/src/modules/pulse/commands/pulseAnswerWriter';

async function collab(ds: DataSource, corpId: string, userid: string, weekStart: string, n: number) {
  await ds.getRepository(RetentionWeekSignal).insert({
    corpId,
    userid,
    weekStart,
    leaveCount: 0,
    leaveDayHundredths: 0,
    lateCount: 0,
    absenceCount: 0,
    unexcusedAbsenceCount: 0,
    followUps: 3,
    collaborations: n,
    helping: 0,
    deals: 0,
    computedAt: new Date(),
  });
}

describe('脉搏调查', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let corpId: string;
  let salesId: number;
  let eastId: number;
  const p: Record<string, { corpId: string; userid: string }> = {};
  const c: Record<string, TestClient> = {};
  const staff = ['s1', 's2', 'e1', 'e2', 'e3', 'e4'];
  let roundId: number;

  beforeAll(async () => {
    w = await createTestWorld({ label: 'pulse', employees: 20 });
    const ds = w.ds;
    corpId = await buildCorp(ds, 'pulse');
    const hrDept = await buildDepartment(ds, corpId, { name: '人力资源部' });
    const sales = await buildDepartment(ds, corpId, { name: '销售中心' });
    const east = await buildDepartment(ds, corpId, { name: '华东组', parentId: sales.deptId });
    const tech = await buildDepartment(ds, corpId, { name: '技术部' });
    salesId = sales.deptId;
    eastId = east.deptId;
    p.hr = await buildUser(ds, corpId, { name: '人事甲', deptIds: [hrDept.deptId] });
    p.hrTech = await buildUser(ds, corpId, { name: '人事乙', deptIds: [hrDept.deptId] });
    await grantHrScope(ds, corpId, p.hr.userid, [sales.deptId]);
    await grantHrScope(ds, corpId, p.hrTech.userid, [tech.deptId]);
    for (const k of ['s1', 's2']) p[k] = await buildUser(ds, corpId, { name: `销售${k}`, deptIds: [sales.deptId] });
    for (const k of ['e1', 'e2', 'e3', 'e4']) p[k] = await buildUser(ds, corpId, { name: `华东${k}`, deptIds: [east.deptId] });
    p.outsider = await buildUser(ds, corpId, { name: '工程师', deptIds: [tech.deptId] });
    // s1 manages 销售中心: told when its atmosphere turns 消极.
    await ds.getRepository(Department).update({ corpId, deptId: sales.deptId }, { managerUserids: [p.s1!.userid] });
    server = await listen({ ...w, corp: { corpId, name: corpId } });
    for (const k of Object.keys(p)) c[k] = await clientAs(ds, server.url, p[k]!);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const today = shanghaiDate(new Date());

  it('refuses a survey with no questions in Chinese; employees 403, departments outside HR 404', async () => {
    const empty = await c.hr!.call('POST', '/api/v1/pulse-surveys', { title: '空调查', deptId: salesId, cadence: 'once', dueOn: today, questions: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('调查没有题目：请至少保留一道题（可使用内置模板）');
    expect((await c.s2!.call('POST', '/api/v1/pulse-surveys', { title: 'x', deptId: salesId, cadence: 'once', dueOn: today })).status).toBe(403);
    expect((await c.hrTech!.call('POST', '/api/v1/pulse-surveys', { title: 'x', deptId: salesId, cadence: 'once', dueOn: today })).status).toBe(404);
    expect(await w.ds.getRepository(PulseRound).countBy({ corpId })).toBe(0);
  });

  it('schedules the built-in template for 销售中心 and invites its six people by work notification', async () => {
    const res = await c.hr!.call<PulseSurveyView>('POST', '/api/v1/pulse-surveys', { title: '12 月脉搏', deptId: salesId, cadence: 'monthly', dueOn: today });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ title: '12 月脉搏', deptName: '销售中心', cadence: 'monthly', rounds: [{ invited: 6, answered: 0, closed: false }] });
    expect(res.body.data.questions).toEqual(PULSE_TEMPLATE.questions);
    roundId = res.body.data.rounds[0]!.id;
    const invited = await w.ds.getRepository(Notification).find({ where: { corpId, kind: 'pulse.invited' } });
    expect(invited.map((n) => n.recipientUserid).sort()).toEqual(staff.map((k) => p[k]!.userid).sort());
    expect((await c.hrTech!.call<PulseSurveyView[]>('GET', '/api/v1/pulse-surveys')).body.data).toEqual([]);
  });

  it('six people answer once each; a bad sheet 400, a second answer 409, someone not invited 404', async () => {
    const bad = await c.s1!.call('POST', `/api/v1/pulse/rounds/${roundId}/answers`, { answers: { enps: 11 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('第 1 题：应为 0 到 10 的整数；第 2 题：请作答；第 3 题：请作答；第 4 题：请作答');
    const mine = await c.s1!.call<MyPulseRound[]>('GET', '/api/v1/pulse/mine');
    expect(mine.body.data).toMatchObject([{ roundId, title: '12 月脉搏', answered: false, closed: false }]);
    const listed = async () => (await c.hr!.call<PulseSurveyView[]>('GET', '/api/v1/pulse-surveys')).body.data[0]!.rounds[0];
    expect(await listed()).toMatchObject({ invited: 6, answered: 0 });
    // Unhappy: low eNPS and intent to stay.
    const sheets = [
      { enps: 2, stay: 2, workload: 2, support: 2, comment: '客户太多，跟不过来' },
      { enps: 4, stay: 2, workload: 3, support: 2 },
      { enps: 6, stay: 3, workload: 2, support: 3, comment: '希望多一些大客户陪访' },
      { enps: 9, stay: 4, workload: 3, support: 3 },
      { enps: 3, stay: 2, workload: 2, support: 1 },
      { enps: 5, stay: 3, workload: 3, support: 2 },
    ];
    for (const [i, k] of staff.entries()) {
      const res = await c[k]!.call('POST', `/api/v1/pulse/rounds/${roundId}/answers`, { answers: sheets[i] });
      expect(res.status).toBe(200);
    }
    const again = await c.e1!.call('POST', `/api/v1/pulse/rounds/${roundId}/answers`, { answers: sheets[0] });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('本轮已经作答：每轮只能作答一次');
    expect((await c.outsider!.call('POST', `/api/v1/pulse/rounds/${roundId}/answers`, { answers: sheets[0] })).status).toBe(404);
    expect((await c.s1!.call<MyPulseRound[]>('GET', '/api/v1/pulse/mine')).body.data[0]!.answered).toBe(true);
    // HR's list (kept while the pulse tables are unchanged) counts the answers as they arrive.
    expect(await listed()).toMatchObject({ invited: 6, answered: 6, closed: false });
  });

  it('keeps the answers unlinkable on the tables: no user id, no time, no order; the invitation keeps only the day', async () => {
    const table = (await w.ds.createQueryRunner().getTable('pulse_answers'))!;
    expect(table.columns.map((col) => col.name).sort()).toEqual(['answers', 'corp_id', 'dept_id', 'id', 'round_id']);
    expect(table.columns.some((col) => /user|time|date|_at$|_on$/.test(col.name) || /date|time/.test(col.type))).toBe(false);
    expect(table.columns.find((col) => col.name === 'id')!.isGenerated).toBe(false);
    const rows = await w.ds.query<Record<string, unknown>[]>('SELECT * FROM pulse_answers WHERE corp_id = ?', [corpId]);
    expect(rows).toHaveLength(6);
    const everyone = Object.values(p).map((x) => x.userid);
    for (const row of rows) {
      expect(String(row.id)).toMatch(/^[0-9a-f]{32}$/);
      for (const v of Object.values(row)) for (const u of everyone) expect(String(v)).not.toContain(u);
    }
    const invitations = await w.ds.getRepository(PulseInvitation).find({ where: { corpId, roundId } });
    expect(invitations.every((i) => i.answeredOn === today)).toBe(true);
    // Nothing the two tables share but the round and the group.
    const invCols = (await w.ds.createQueryRunner().getTable('pulse_invitations'))!.columns.map((col) => col.name);
    expect(invCols.filter((n) => table.columns.some((col) => col.name === n)).sort()).toEqual(['corp_id', 'dept_id', 'id', 'round_id']);
    expect(new Set(rows.map((r) => String(r.id))).size).toBe(6);
  });

  it('shows nothing before the round closes, then 销售中心 (6) and 华东组 suppressed (4: 样本不足 5 人，不显示)', async () => {
    const open = await c.hr!.call<PulseResultsView>('GET', `/api/v1/pulse-rounds/${roundId}/results`);
    expect(open.status).toBe(200);
    expect(open.body.data.groups).toEqual([]);
    expect(open.body.data.note).toContain('截止后公布结果');
    const yesterday = shanghaiDate(Date.now() - 86_400_000);
    await w.ds.getRepository(PulseRound).update({ corpId, id: roundId }, { opensOn: yesterday, dueOn: yesterday });
    expect((await c.hr!.call<PulseSurveyView[]>('GET', '/api/v1/pulse-surveys')).body.data[0]!.rounds[0]).toMatchObject({
      id: roundId,
      dueOn: yesterday,
      closed: true,
    });
    const res = await c.hr!.call<PulseResultsView>('GET', `/api/v1/pulse-rounds/${roundId}/results`);
    // The survey read with its round, and the round's counts (6 answered of those invited).
    const survey = await w.ds.getRepository(PulseSurvey).findOneByOrFail({ corpId, id: res.body.data.surveyId });
    const invited = await w.ds.getRepository(PulseInvitation).countBy({ corpId, roundId });
    expect(res.body.data).toMatchObject({ title: survey.title, round: { id: roundId, closed: true, answered: 6, invited } });
    const [sales, east] = res.body.data.groups;
    expect(sales).toMatchObject({ deptId: salesId, deptName: '销售中心', depth: 0, shown: true, note: null });
    expect(sales!.result).toMatchObject({ respondents: 6, enps: -67, promoters: 1, detractors: 5 });
    expect(sales!.result!.comments).toHaveLength(2);
    expect(east).toEqual({ deptId: eastId, deptName: '华东组', depth: 1, shown: false, note: '样本不足 5 人，不显示', result: null });
    expect((await c.hrTech!.call('GET', `/api/v1/pulse-rounds/${roundId}/results`)).status).toBe(404);
    expect((await c.e1!.call('GET', `/api/v1/pulse-rounds/${roundId}/results`)).status).toBe(403);
  });

  it('turns 销售中心 消极 with reasons and actions, tells HR and the manager once, and shows it on the 转型看板', async () => {
    const month = shanghaiDate(Date.now() - 86_400_000).slice(0, 7);
    const recent = weeksOfMonth(month);
    for (const k of staff) {
      for (const week of weeksEnding(recent[0]!, 13).slice(0, 12)) await collab(w.ds, corpId, p[k]!.userid, week, 4);
      for (const week of recent) await collab(w.ds, corpId, p[k]!.userid, week, 1);
    }
    const first = await computeAtmospheres(w.ds, corpId, month);
    expect(first).toEqual({ teams: 1, alerts: 2 });
    const row = await w.ds.getRepository(TeamAtmosphere).findOneByOrFail({ corpId, month, deptId: salesId });
    expect(row.level).toBe('消极');
    expect(JSON.parse(row.reasons)).toContain('跨部门协作与帮助同事：本月人均每周 1.0 次，比此前 12 周（4.0 次）少 75%');
    // 华东组 (4 respondents) never gets a row of its own.
    expect(await w.ds.getRepository(TeamAtmosphere).countBy({ corpId, deptId: eastId })).toBe(0);
    expect(await computeAtmospheres(w.ds, corpId, month)).toEqual({ teams: 1, alerts: 0 });
    const told = await w.ds.getRepository(Notification).find({ where: { corpId, kind: 'atmosphere.negative' } });
    expect(told.map((n) => n.recipientUserid).sort()).toEqual([p.hr!.userid, p.s1!.userid].sort());
    expect(told[0]!.title).toBe(`销售中心的团队氛围转为消极（${month}）`);

    const board = await c.hr!.call<OutcomesDashboard>('GET', '/api/v1/outcomes');
    expect(board.body.data.atmosphere).toMatchObject([{ deptId: salesId, deptName: '销售中心', month, level: '消极', respondents: 6, enps: -67 }]);
    expect(board.body.data.atmosphereTotal).toBe(1);
    expect((await c.hrTech!.call<OutcomesDashboard>('GET', '/api/v1/outcomes')).body.data).toMatchObject({ atmosphere: [], atmosphereTotal: 0 });
    // Further pages of 团队氛围: the same team on the first, none after; HR only; audited.
    const firstPage = await c.hr!.call<Paged<AtmosphereView>>('GET', '/api/v1/outcomes/atmosphere?page=1&pageSize=5');
    expect(firstPage.body.data).toMatchObject({ total: 1, page: 1, pageSize: 5, items: board.body.data.atmosphere });
    expect((await c.hr!.call<Paged<AtmosphereView>>('GET', '/api/v1/outcomes/atmosphere?page=2&pageSize=5')).body.data.items).toEqual([]);
    expect(await w.ds.getRepository(AuditEvent).countBy({ corpId, action: 'outcomes.atmosphere.read' })).toBe(2);
    const bad = await c.hr!.call('GET', '/api/v1/outcomes/atmosphere?pageSize=0');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('每页条数');
    expect((await c.e1!.call('GET', '/api/v1/outcomes/atmosphere')).status).toBe(403);
  });

  it('stops a monthly survey: no next round opens, the open round keeps its answers; others 403/404; audited once', async () => {
    const survey = (await c.hr!.call<PulseSurveyView[]>('GET', '/api/v1/pulse-surveys')).body.data.find((s) => s.title === '12 月脉搏')!;
    expect(survey.active).toBe(true);
    // The day its next round would open (a month on), when the nightly run would open it.
    const nextMonth = new Date(`${nextPulseRound('monthly', survey.rounds[0]!)!.opensOn}T04:00:00Z`);
    expect((await c.s2!.call('POST', `/api/v1/pulse-surveys/${survey.id}/stop`)).status).toBe(403);
    expect((await c.hrTech!.call('POST', `/api/v1/pulse-surveys/${survey.id}/stop`)).status).toBe(404);
    const stopped = await c.hr!.call<PulseSurveyView>('POST', `/api/v1/pulse-surveys/${survey.id}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body.data).toMatchObject({ id: survey.id, active: false, rounds: [{ id: survey.rounds[0]!.id, answered: 6 }] });
    expect((await c.hr!.call('POST', `/api/v1/pulse-surveys/${survey.id}/stop`)).status).toBe(200);
    expect(await w.ds.getRepository(AuditEvent).countBy({ corpId, action: 'pulse.survey.stop', targetId: String(survey.id) })).toBe(1);
    const rounds = await w.ds.getRepository(PulseRound).countBy({ corpId, surveyId: survey.id });
    expect(await openDueRounds(w.ds, corpId, nextMonth)).toBe(0);
    expect(await w.ds.getRepository(PulseRound).countBy({ corpId, surveyId: survey.id })).toBe(rounds);
  });

  it('the demo: two past monthly rounds per department answered from the radar’s bands, no invitations sent', async () => {
    const ds = w.ds;
    const demoCorp = await buildCorp(ds, 'pulsedemo');
    const root = await buildDepartment(ds, demoCorp, { name: '演示公司' });
    const sales = await buildDepartment(ds, demoCorp, { name: '销售中心', parentId: root.deptId });
    const people = [];
    for (let i = 0; i < 12; i++) people.push(await buildUser(ds, demoCorp, { name: `演示${i}`, deptIds: [sales.deptId] }));
    const last = '2026-11';
    const risk = (userid: string, weekStart: string, band: '高' | '低') =>
      ds.getRepository(RetentionRisk).insert({
        corpId: demoCorp,
        userid,
        weekStart,
        baseline: 'ok',
        baselineWeeks: 12,
        ruleVersion: 'article-rule-v1',
        ruleFired: band === '高',
        ruleProbabilityBp: null,
        communicationChangeBp: 0,
        leaveChangeBp: 0,
        modelVersion: 'm1',
        modelProbabilityBp: band === '高' ? 8000 : 500,
        band,
        explanation: { ruleReason: '', drivers: [], modelNote: null, signals: {} },
        computedAt: new Date(),
      });
    // Everyone 低 in October; eight of them drift to 高 by November.
    for (const [i, u] of people.entries()) {
      await risk(u.userid, '2026-10-05', '低');
      await risk(u.userid, '2026-11-02', i < 8 ? '高' : '低');
    }
    expect(await seedDemoPulse(ds, demoCorp, last, new Date('2026-12-05T02:00:00Z'))).toBe(true);
    expect(await seedDemoPulse(ds, demoCorp, last, new Date('2026-12-05T02:00:00Z'))).toBe(false);
    const surveys = await ds.getRepository(PulseSurvey).find({ where: { corpId: demoCorp } });
    expect(surveys.map((s) => [s.title, Number(s.deptId), s.cadence])).toEqual([[DEMO_PULSE_TITLE, sales.deptId, 'monthly']]);
    const rounds = await ds.getRepository(PulseRound).find({ where: { corpId: demoCorp }, order: { opensOn: 'ASC' } });
    expect(rounds.map((r) => [r.opensOn, r.dueOn, r.invited])).toEqual([
      [`${addMonths(last, -1)}-01`, `${addMonths(last, -1)}-10`, 12],
      [`${last}-01`, `${last}-10`, 12],
    ]);
    const enps = async (roundId: number) => {
      const rows = await ds.getRepository(PulseAnswer).find({ where: { corpId: demoCorp, roundId } });
      const answered = await ds.getRepository(PulseInvitation).countBy({ corpId: demoCorp, roundId, answeredOn: Not(IsNull()) });
      expect(rows).toHaveLength(answered);
      return rows.reduce((s, r) => s + (JSON.parse(r.answers) as { enps: number }).enps, 0) / rows.length;
    };
    expect(await enps(rounds[1]!.id)).toBeLessThan((await enps(rounds[0]!.id)) - 2);
    expect(await ds.getRepository(Notification).countBy({ corpId: demoCorp, kind: 'pulse.invited' })).toBe(0);
    expect(await ds.getRepository(TeamAtmosphere).countBy({ corpId: demoCorp, month: addMonths(last, -1) })).toBe(1);
  });

  it('on MariaDB and SQLite alike: answers keep no user id and no arrival order (SQLite: WITHOUT ROWID)', async () => {
    await onBothDatabases('pulse', async (ds, kind) => {
      const corp = await buildCorp(ds, `pulse${kind}`);
      const dept = await buildDepartment(ds, corp, { name: '销售中心' });
      const hrUser = await buildUser(ds, corp, { name: '人事' });
      await grantHrScope(ds, corp, hrUser.userid, [dept.deptId]);
      const team = [];
      for (let i = 0; i < 5; i++) team.push(await buildUser(ds, corp, { name: `员工${i}`, deptIds: [dept.deptId] }));
      const { round } = await scheduleSurvey(
        ds,
        { corpId: corp, userid: hrUser.userid, roles: ['hr'], hrDeptIds: [dept.deptId] },
        {
          title: '脉搏',
          deptId: dept.deptId,
          cadence: 'once',
          dueOn: shanghaiDate(new Date()),
        },
      );
      for (const [i, u] of team.entries())
        await submitPulse(ds, { corpId: corp, userid: u.userid, roles: ['employee'], hrDeptIds: [] }, round.id, { enps: i, stay: 3, workload: 3, support: 3 });
      const rows = await ds.query<Record<string, unknown>[]>('SELECT * FROM pulse_answers WHERE corp_id = ?', [corp]);
      expect(rows).toHaveLength(5);
      expect(Object.keys(rows[0]!).sort()).toEqual(['answers', 'corp_id', 'dept_id', 'id', 'round_id']);
      for (const row of rows) for (const u of team) expect(JSON.stringify(row)).not.toContain(u.userid);
      if (kind === 'sqlite') {
        const [table] = await ds.query<{ sql: string }[]>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'pulse_answers'");
        expect(table!.sql).toMatch(/WITHOUT ROWID$/);
      }
    });
  });
});
