/**
 * 留才雷达 API on real MariaDB over HTTP: HR sees everything of the people in its departments, a supervisor the band
 * and drivers of their direct reports, someone both sees each person in the role that covers them; nobody sees their
 * own risk; employees and admins (by being admin alone) 403; outside scope 404; people who left and other corps never
 * listed; every view records exactly one audit event, a refused one none.
 */
import { AuditEvent, RetentionReview, RetentionRisk, RetentionWeekSignal } from '../server/src/entities';
import type { RetentionPersonView, RetentionReviewView, RetentionRiskList } from '@liucai/shared';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import type { TestClient } from './support/httpClient';
import { buildCorp, buildDepartment, buildUser, clientAs, grantHrScope } from './support/factories';
import type { DataSource } from 'typeorm';

const WEEK = '2026-11-23';
const PREVIOUS = '2026-11-16';

async function risk(ds: DataSource, corpId: string, userid: string, band: '高' | '中' | '低' | null, over: Partial<RetentionRisk> = {}) {
  const fired = band === '高' && !over.modelProbabilityBp;
  await ds.getRepository(RetentionRisk).insert({
    corpId,
    userid,
    weekStart: WEEK,
    baseline: band ? 'ok' : 'insufficient',
    baselineWeeks: band ? 12 : 3,
    ruleVersion: 'article-rule-v1',
    ruleFired: fired,
    ruleProbabilityBp: fired ? 8000 : null,
    communicationChangeBp: fired ? -6000 : -1000,
    leaveChangeBp: fired ? 4000 : 0,
    modelVersion: 'm1',
    modelProbabilityBp: band === '中' ? 3000 : band === '低' ? 500 : band === '高' ? 8800 : null,
    band,
    explanation: {
      ruleReason: fired
        ? '沟通较本人基线 -60%，请假频率较本人基线 +40%：符合“沟通下降超过 50% 且请假频率上升超过 30%”，高风险（80%）'
        : '沟通较本人基线 -10%，请假频率较本人基线 +0%：未同时满足“沟通下降超过 50% 且请假频率上升超过 30%”',
      drivers: band ? ['近 4 周请假 3 次，是本人过去 12 周平均的 3 倍'] : [],
      modelNote: null,
      signals: { leaveCount: '近 4 周请假 3 次，是本人过去 12 周平均的 3 倍' },
    },
    computedAt: new Date(),
    ...over,
  });
}

describe('留才雷达 API', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let corpId: string;
  const p: Record<string, { corpId: string; userid: string }> = {};
  const c: Record<string, TestClient> = {};

  beforeAll(async () => {
    w = await createTestWorld({ label: 'retapi', employees: 20 });
    const ds = w.ds;
    corpId = await buildCorp(ds, 'rapi');
    const sales = await buildDepartment(ds, corpId, { name: '销售中心' });
    const team = await buildDepartment(ds, corpId, { name: '销售一组', parentId: sales.deptId });
    const tech = await buildDepartment(ds, corpId, { name: '技术部' });
    p.hr = await buildUser(ds, corpId, { name: '人事甲', deptIds: [sales.deptId] });
    p.hrTech = await buildUser(ds, corpId, { name: '人事乙', deptIds: [tech.deptId] });
    p.boss = await buildUser(ds, corpId, { name: '主管丙', deptIds: [team.deptId] });
    p.drifter = await buildUser(ds, corpId, { name: '刘倩', deptIds: [team.deptId], supervisorUserid: p.boss.userid, title: '销售' });
    p.steady = await buildUser(ds, corpId, { name: '王稳', deptIds: [team.deptId], supervisorUserid: p.boss.userid });
    // In sales, reporting to the tech HR (who is also a supervisor).
    p.crossed = await buildUser(ds, corpId, { name: '赵跨', deptIds: [sales.deptId], supervisorUserid: p.hrTech.userid });
    p.engineer = await buildUser(ds, corpId, { name: '钱工', deptIds: [tech.deptId] });
    p.newbie = await buildUser(ds, corpId, { name: '孙新', deptIds: [team.deptId] });
    p.leaver = await buildUser(ds, corpId, { name: '李走', deptIds: [team.deptId], status: 'left', leftOn: '2026-11-25' });
    p.admin = await buildUser(ds, corpId, { name: '管理员', deptIds: [tech.deptId], isAdmin: true });
    await grantHrScope(ds, corpId, p.hr.userid, [sales.deptId]);
    await grantHrScope(ds, corpId, p.hrTech.userid, [tech.deptId]);

    await risk(ds, corpId, p.hr.userid, '高'); // HR's own risk: never shown to HR
    await risk(ds, corpId, p.boss.userid, '低');
    await risk(ds, corpId, p.drifter.userid, '高');
    await risk(ds, corpId, p.drifter.userid, '中', { weekStart: PREVIOUS });
    await risk(ds, corpId, p.steady.userid, '低');
    await risk(ds, corpId, p.crossed.userid, '中');
    await risk(ds, corpId, p.engineer.userid, '高', { modelProbabilityBp: 9100 });
    await risk(ds, corpId, p.newbie.userid, null);
    await risk(ds, corpId, p.leaver.userid, '高');
    const signal = {
      leaveCount: 1,
      leaveDayHundredths: 100,
      lateCount: 0,
      absenceCount: 0,
      unexcusedAbsenceCount: 0,
      followUps: 3,
      collaborations: 0,
      helping: 0,
      deals: 1,
      computedAt: new Date(),
    };
    await ds.getRepository(RetentionWeekSignal).insert([
      { corpId, userid: p.drifter.userid, weekStart: PREVIOUS, ...signal },
      { corpId, userid: p.drifter.userid, weekStart: WEEK, ...signal, followUps: 1 },
    ]);
    // Another corp with the same userids and a higher risk: never shown.
    const other = await buildCorp(ds, 'rapx');
    await risk(ds, other, p.steady.userid, '高', { weekStart: '2026-11-30' });

    server = await listen({ ...w, corp: { corpId, name: corpId } });
    for (const k of ['hr', 'hrTech', 'boss', 'drifter', 'admin']) c[k] = await clientAs(ds, server.url, p[k]!);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const audits = () => w.ds.getRepository(AuditEvent).countBy({ corpId });
  const list = async (who: string, query = '') => {
    const before = await audits();
    const res = await c[who]!.call<RetentionRiskList>('GET', `/api/v1/retention/risks${query}`);
    return { ...res, audited: (await audits()) - before };
  };
  const person = async (who: string, userid: string) => {
    const before = await audits();
    const res = await c[who]!.call<RetentionPersonView>('GET', `/api/v1/retention/people/${userid}`);
    return { ...res, audited: (await audits()) - before };
  };

  it('HR sees the band, probability, rule and drivers of the people in its departments, 高 first, never its own', async () => {
    const res = await list('hr');
    expect(res.status).toBe(200);
    expect(res.audited).toBe(1);
    const d = res.body.data;
    expect(d.weekStart).toBe(WEEK);
    expect(d.risks.map((r) => r.name)).toEqual(['刘倩', '赵跨', '王稳', '主管丙', '孙新']);
    expect(d.counts).toEqual({ 高: 1, 中: 1, 低: 2, none: 1 });
    expect(d.total).toBe(5);
    const drifter = d.risks[0]!;
    expect(drifter).toMatchObject({ band: '高', probabilityBp: 8800, asHr: true, deptName: '销售一组', title: '销售' });
    expect(drifter.rule).toMatchObject({ version: 'article-rule-v1', fired: true });
    expect(drifter.rule!.reason).toContain('高风险（80%）');
    // HR reads the rule on its own line: the drivers are the model's.
    expect(drifter.drivers).toEqual(['近 4 周请假 3 次，是本人过去 12 周平均的 3 倍']);
    // The audit event names everyone whose risk the page showed.
    const ev = await w.ds.getRepository(AuditEvent).findOneOrFail({ where: { corpId, action: 'retention.riskList.read' }, order: { id: 'DESC' } });
    expect(ev.actorUserid).toBe(p.hr!.userid);
    expect(JSON.parse(ev.detail!).userids).toEqual(d.risks.map((r) => r.userid));
    // The same page again (kept in the web process): the same answer, and the view audited again.
    const again = await list('hr');
    expect(again.audited).toBe(1);
    expect(again.body.data).toEqual(d);
  });

  it('filters by band and pages; bad input is a Chinese 400 naming the field, with nothing recorded', async () => {
    const high = await list('hr', `?band=${encodeURIComponent('高')}`);
    expect(high.body.data.risks.map((r) => r.name)).toEqual(['刘倩']);
    expect(high.body.data.total).toBe(1);
    const none = await list('hr', '?band=none');
    expect(none.body.data.risks.map((r) => r.name)).toEqual(['孙新']);
    const paged = await list('hr', '?page=2&pageSize=2');
    expect(paged.body.data.risks.map((r) => r.name)).toEqual(['王稳', '主管丙']);
    const bad = await list('hr', '?band=urgent');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message + JSON.stringify(bad.body.error.details)).toContain('风险等级');
    expect(bad.audited).toBe(0);
  });

  it('a supervisor sees only their direct reports’ bands and drivers, no numbers', async () => {
    const res = await list('boss');
    expect(res.status).toBe(200);
    expect(res.audited).toBe(1);
    expect(res.body.data.risks.map((r) => r.name)).toEqual(['刘倩', '王稳']);
    for (const r of res.body.data.risks) expect(r).toMatchObject({ asHr: false, probabilityBp: null, rule: null, modelNote: null });
    expect(res.body.data.risks[0]!.drivers[0]).toContain('沟通较本人基线 -60%');
    expect(res.body.data.risks[0]!.drivers.join()).not.toContain('80%');
  });

  it('someone both HR and supervisor sees each person in the role that covers them', async () => {
    const res = await list('hrTech');
    const byName = Object.fromEntries(res.body.data.risks.map((r) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['赵跨', '钱工'].sort());
    expect(byName['钱工']).toMatchObject({ asHr: true, probabilityBp: 9100 });
    expect(byName['赵跨']).toMatchObject({ asHr: false, probabilityBp: null, rule: null });
  });

  it('refuses employees and admins (403) and records nothing', async () => {
    for (const who of ['drifter', 'admin']) {
      const l = await list(who);
      expect(l.status).toBe(403);
      expect(l.body.error.message).toBe('留才雷达只对 HR 和直属主管开放');
      expect(l.audited).toBe(0);
      const one = await person(who, p.steady!.userid);
      expect(one.status).toBe(403);
      expect(one.audited).toBe(0);
    }
    // The drifter's own risk is refused to her even by name.
    expect((await person('drifter', p.drifter!.userid)).status).toBe(403);
  });

  it('a person: weekly history and signals for HR, bands and drivers for the supervisor, one audit event per view', async () => {
    const hr = await person('hr', p.drifter!.userid);
    expect(hr.status).toBe(200);
    expect(hr.audited).toBe(1);
    expect(hr.body.data.current).toMatchObject({ band: '高', probabilityBp: 8800 });
    expect(hr.body.data.weeks.map((x) => [x.weekStart, x.band, x.probabilityBp])).toEqual([
      [PREVIOUS, '中', 3000],
      [WEEK, '高', 8800],
    ]);
    expect(hr.body.data.weeks[1]!.signals).toMatchObject({ followUps: 1, leaves: 1, deals: 1 });
    expect(hr.body.data.signals).toEqual({ leaveCount: '近 4 周请假 3 次，是本人过去 12 周平均的 3 倍' });
    const ev = await w.ds.getRepository(AuditEvent).findOneOrFail({ where: { corpId, action: 'retention.risk.read' }, order: { id: 'DESC' } });
    expect(ev).toMatchObject({ actorUserid: p.hr!.userid, subjectUserid: p.drifter!.userid, targetKind: 'retention_risk' });

    const boss = await person('boss', p.drifter!.userid);
    expect(boss.status).toBe(200);
    expect(boss.audited).toBe(1);
    expect(boss.body.data.signals).toBeNull();
    expect(boss.body.data.weeks.map((x) => [x.band, x.probabilityBp, x.signals])).toEqual([
      ['中', null, null],
      ['高', null, null],
    ]);
  });

  it('HR sees in full a person of another department who also belongs to one of its own (the person page and 员工档案’s tab)', async () => {
    const ds = w.ds;
    const corp = await buildCorp(ds, 'rmem');
    const sales = await buildDepartment(ds, corp, { name: '销售中心' });
    const tech = await buildDepartment(ds, corp, { name: '技术部' });
    const hr = await buildUser(ds, corp, { name: '人事丁', deptIds: [sales.deptId] });
    // Main department 技术部, also a member of 销售中心; and a colleague in 技术部 only.
    const member = await buildUser(ds, corp, { name: '周兼', deptIds: [tech.deptId, sales.deptId] });
    const engineer = await buildUser(ds, corp, { name: '吴工', deptIds: [tech.deptId] });
    await grantHrScope(ds, corp, hr.userid, [sales.deptId]);
    await risk(ds, corp, member.userid, '中');
    await risk(ds, corp, engineer.userid, '中');
    const other = await listen({ ...w, corp: { corpId: corp, name: corp } });
    try {
      const asHr = await clientAs(ds, other.url, hr);
      const view = await asHr.call<RetentionPersonView>('GET', `/api/v1/retention/people/${member.userid}`);
      expect(view.status).toBe(200);
      // HR's view: the probability and the signals' words (a supervisor's view has neither).
      expect(view.body.data.current).toMatchObject({ band: '中', probabilityBp: 3000 });
      expect(view.body.data.signals).toEqual({ leaveCount: '近 4 周请假 3 次，是本人过去 12 周平均的 3 倍' });
      const tab = await asHr.call<{ items: { band: string; probabilityBp: number | null }[] }>('GET', `/api/v1/people/${member.userid}/risk`);
      expect(tab.status).toBe(200);
      expect(tab.body.data.items.map((r) => [r.band, r.probabilityBp])).toEqual([['中', 3000]]);
      // Not a member: outside HR's departments, 404 on both.
      expect((await asHr.call('GET', `/api/v1/retention/people/${engineer.userid}`)).status).toBe(404);
      expect((await asHr.call('GET', `/api/v1/people/${engineer.userid}/risk`)).status).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('outside scope, oneself, people who left and unknown people answer 404 and record nothing', async () => {
    const cases: [string, string][] = [
      ['boss', p.crossed!.userid], // not a report
      ['boss', p.boss!.userid], // oneself
      ['hr', p.hr!.userid], // HR's own risk
      ['hr', p.engineer!.userid], // another department
      ['hrTech', p.steady!.userid],
      ['hr', 'nobody'],
    ];
    for (const [who, userid] of cases) {
      const res = await person(who, userid);
      expect({ who, userid, status: res.status, audited: res.audited }).toEqual({ who, userid, status: 404, audited: 0 });
    }
    // A leaver stays viewable by HR (history), but is never in the current list.
    expect((await list('hr')).body.data.risks.map((r) => r.userid)).not.toContain(p.leaver!.userid);
  });

  it('HR reviews a current risk (已沟通 / 误报 with a note), audited, kept with history; others refused, bad input a Chinese 400', async () => {
    const review = async (who: string, userid: string, body: unknown) => {
      const before = await audits();
      const rows = await w.ds.getRepository(RetentionReview).countBy({ corpId });
      const res = await c[who]!.call<RetentionReviewView>('POST', `/api/v1/retention/people/${userid}/reviews`, body);
      return { ...res, audited: (await audits()) - before, written: (await w.ds.getRepository(RetentionReview).countBy({ corpId })) - rows };
    };
    const first = await review('hr', p.drifter!.userid, { outcome: '已沟通', note: '  周三面谈，家里有事，下月好转  ' });
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ weekStart: WEEK, outcome: '已沟通', note: '周三面谈，家里有事，下月好转', reviewerName: '人事甲' });
    expect(first.audited).toBe(1);
    const ev = await w.ds.getRepository(AuditEvent).findOneOrFail({ where: { corpId, action: 'retention.review.create' }, order: { id: 'DESC' } });
    expect(ev).toMatchObject({ actorUserid: p.hr!.userid, subjectUserid: p.drifter!.userid, targetId: String(first.body.data.id) });
    const second = await review('hr', p.drifter!.userid, { outcome: '误报', note: '数据延迟导致' });
    expect(second.status).toBe(201);
    // History: both kept, newest first; the list shows the latest on the current risk, to HR only.
    const one = await person('hr', p.drifter!.userid);
    expect(one.body.data.reviews.map((x) => x.outcome)).toEqual(['误报', '已沟通']);
    expect(one.body.data.current!.review).toMatchObject({ outcome: '误报', note: '数据延迟导致' });
    expect((await list('hr')).body.data.risks.find((x) => x.userid === p.drifter!.userid)!.review).toMatchObject({ outcome: '误报' });
    expect((await list('boss')).body.data.risks.find((x) => x.userid === p.drifter!.userid)!.review).toBeNull();
    expect((await person('boss', p.drifter!.userid)).body.data.reviews).toEqual([]);

    const bad: [unknown, string][] = [
      [{ outcome: '待定', note: '好' }, '复核结论'],
      [{ outcome: '已沟通' }, '备注'],
      [{ outcome: '已沟通', note: '   ' }, '备注'],
      [{ outcome: '已沟通', note: '长'.repeat(501) }, '备注'],
    ];
    for (const [body, field] of bad) {
      const res = await review('hr', p.drifter!.userid, body);
      expect({ status: res.status, written: res.written, audited: res.audited }).toEqual({ status: 400, written: 0, audited: 0 });
      expect(JSON.stringify(res.body.error)).toContain(field);
    }
    // The supervisor (even of a report), employees, admins: 403; HR outside scope or about itself: 404; nothing written.
    for (const [who, userid, status] of [
      ['boss', p.drifter!.userid, 403],
      ['hrTech', p.crossed!.userid, 403],
      ['drifter', p.steady!.userid, 403],
      ['admin', p.steady!.userid, 403],
      ['hrTech', p.steady!.userid, 404],
      ['hr', p.hr!.userid, 404],
    ] as [string, string, number][]) {
      const res = await review(who, userid, { outcome: '误报', note: '试试' });
      expect({ who, userid, status: res.status, written: res.written }).toEqual({ who, userid, status, written: 0 });
    }
  });
});
