/**
 * 转型看板 on real MariaDB over HTTP: the outcomes job stores each person's month from the named readers (cancelled
 * and removed deals never count), HR sees the numbers of its own departments only (risk counts without itself), the
 * people behind a number within scope, the .xlsx export; supervisors, employees and admins alone 403. Risk-turned-高
 * alerts go once per turn to HR and the supervisor, never the person; the monthly summary once per HR user and
 * month; the person page's 风险 tab follows the radar's rules and is audited.
 */
import ExcelJS from 'exceljs';
import type { OutcomePeopleView, OutcomesDashboard, Paged, RetentionRiskView } from '@liucai/shared';
import { AuditEvent, Notification, OutcomePersonMonth } from '../server/src/entities';
import { computeOutcomeFacts } from '../server/src/modules/outcomes/commands/outcomeFactsComputer';
import { sendMonthlySummaries } from '../server/src/modules/outcomes/commands/monthlySummaryNotifier';
import { notifyRiskTurnsHigh } from '../server/src/modules/retention/commands/riskTurnNotifier';
import { buildRisk, buildTier } from './support/outcomeFixtures';
import { createTestWorld, type TestWorld } from './support/testServices';
import { listen } from './support/testServer';
import type { TestClient } from './support/httpClient';
import { buildCorp, buildCustomer, buildDeal, buildDepartment, buildTraining, buildUser, clientAs, grantHrScope, onBothDatabases } from './support/factories';
import { outcomeFactsInScope } from '../server/src/modules/outcomes/queries/outcomeFacts';

const NOW = new Date('2026-12-05T02:00:00Z');
const LAST = '2026-11';
const WEEK = '2026-11-23';

describe('转型看板', () => {
  let w: TestWorld;
  let server: { url: string; close(): Promise<void> };
  let corpId: string;
  let techId: number;
  const p: Record<string, { corpId: string; userid: string }> = {};
  const c: Record<string, TestClient> = {};

  beforeAll(async () => {
    w = await createTestWorld({ label: 'outc', employees: 20 });
    const ds = w.ds;
    corpId = await buildCorp(ds, 'outc');
    const sales = await buildDepartment(ds, corpId, { name: '销售中心' });
    const team = await buildDepartment(ds, corpId, { name: '销售一组', parentId: sales.deptId });
    const tech = await buildDepartment(ds, corpId, { name: '技术部' });
    techId = tech.deptId;
    const since = { hiredOn: '2024-03-01' };
    p.hr = await buildUser(ds, corpId, { name: '人事甲', deptIds: [sales.deptId], ...since });
    p.hrTech = await buildUser(ds, corpId, { name: '人事乙', deptIds: [tech.deptId], ...since });
    p.boss = await buildUser(ds, corpId, { name: '主管丙', deptIds: [team.deptId], ...since });
    const rep = (name: string, over = {}) => buildUser(ds, corpId, { name, deptIds: [team.deptId], supervisorUserid: p.boss!.userid, ...since, ...over });
    p.r1 = await rep('刘倩');
    p.r2 = await rep('王稳');
    p.r3 = await rep('张三');
    p.r4 = await rep('李四');
    p.r5 = await rep('李走', { status: 'left', leftOn: '2026-10-15' });
    p.newbie = await rep('孙新', { hiredOn: '2026-07-10' });
    p.engineer = await buildUser(ds, corpId, { name: '钱工', deptIds: [tech.deptId], status: 'left', leftOn: '2026-11-20', ...since });
    p.admin = await buildUser(ds, corpId, { name: '管理员', deptIds: [tech.deptId], isAdmin: true, ...since });
    await grantHrScope(ds, corpId, p.hr.userid, [sales.deptId]);
    await grantHrScope(ds, corpId, p.hrTech.userid, [tech.deptId]);

    // Big-client share: 3万 of 10万 counts as big; a cancelled and a removed big deal never count.
    const big = await buildCustomer(ds, corpId, { segment: 'big' });
    const small = await buildCustomer(ds, corpId, { segment: 'small' });
    const deal = (owner: string, customer: string, amountFen: number, over = {}) =>
      buildDeal(ds, corpId, { ownerUserid: owner, customerSourceId: customer, amountFen, signedOn: '2026-11-03', ...over });
    await deal(p.r1.userid, big.sourceId, 3_000_000);
    await deal(p.r2.userid, small.sourceId, 7_000_000);
    await deal(p.r3.userid, big.sourceId, 9_000_000, { status: 'cancelled' });
    await deal(p.r4.userid, big.sourceId, 9_000_000, { removedAt: new Date('2026-11-20T00:00:00Z') });
    await buildTraining(ds, corpId, { userid: p.r1.userid, completedOn: '2026-11-10' });
    await buildTraining(ds, corpId, { userid: p.r1.userid, completedOn: null, completionPercent: 40 });

    await buildTier(ds, corpId, p.r1.userid, LAST, 'move');
    await buildTier(ds, corpId, p.r2.userid, LAST, 'train');
    await buildTier(ds, corpId, p.r3.userid, LAST, 'reassign');
    await buildTier(ds, corpId, p.newbie.userid, '2026-09', 'move');

    await buildRisk(ds, corpId, p.r1.userid, '2026-11-16', '低');
    await buildRisk(ds, corpId, p.r1.userid, WEEK, '高');
    await buildRisk(ds, corpId, p.r2.userid, WEEK, '低');
    await buildRisk(ds, corpId, p.newbie.userid, WEEK, '中');
    await buildRisk(ds, corpId, p.hr.userid, WEEK, '高'); // HR's own: never counted for HR

    const out = await computeOutcomeFacts(ds, corpId, { lastMonth: LAST, bigDealFen: 1_000_000, now: NOW });
    expect(out.months).toHaveLength(13);
    server = await listen({ ...w, corp: { corpId, name: corpId } });
    for (const k of ['hr', 'hrTech', 'boss', 'r1', 'admin']) c[k] = await clientAs(ds, server.url, p[k]!);
  });
  afterAll(async () => {
    await server.close();
    await w.close();
  });

  const board = (who: string, by = 'all') => c[who]!.call<OutcomesDashboard>('GET', `/api/v1/outcomes?by=${by}`);
  const people = (who: string, q: string) => c[who]!.call<OutcomePeopleView>('GET', `/api/v1/outcomes/people?${q}`);

  it('stores the same rows when run again', async () => {
    const before = await w.ds.getRepository(OutcomePersonMonth).countBy({ corpId });
    await computeOutcomeFacts(w.ds, corpId, { lastMonth: LAST, bigDealFen: 1_000_000, now: NOW });
    expect(await w.ds.getRepository(OutcomePersonMonth).countBy({ corpId })).toBe(before);
    expect(before).toBeGreaterThan(100);
  });

  it('HR sees the numbers of its own departments, from the named readers', async () => {
    const audited = await w.ds.getRepository(AuditEvent).countBy({ corpId, action: 'outcomes.dashboard.read' });
    const res = await board('hr', 'dept');
    expect(res.status).toBe(200);
    const d = res.body.data;
    expect(d.months).toHaveLength(12);
    expect(d.months.at(-1)).toBe(LAST);
    expect(d.groups.map((g) => g.label)).toEqual(['全部', '销售中心', '销售一组']);
    const nov = d.cells.all![LAST]!;
    expect(nov.headcount).toBe(7); // 人事甲, 主管丙, 4 reps, 孙新; not 钱工 (技术部)
    expect(nov.turnover).toEqual({ num: 0, den: 7, value: 0 });
    expect(d.cells.all!['2026-10']!.turnover).toEqual({ num: 1, den: 8, value: 1 / 8 });
    expect(nov.bigShare).toEqual({ num: 3_000_000, den: 10_000_000, value: 0.3 });
    expect(nov.training).toEqual({ num: 1, den: 2, value: 0.5 });
    expect(nov.tiers).toEqual({ move: 1, train: 1, reassign: 1, none: 4 });
    expect(nov.risk).toEqual({ 高: 1, 中: 1, 低: 1, none: 3 }); // 人事甲's own 高 left out
    expect(d.cells.all!['2026-07']!.newHireTargets).toMatchObject({ num: 1, den: 1, value: 1 });
    expect(d.targets.annualTurnover).toEqual({ before: 0.35, target: 0.25 });
    expect(await w.ds.getRepository(AuditEvent).countBy({ corpId, action: 'outcomes.dashboard.read' })).toBe(audited + 1);

    const tech = (await board('hrTech')).body.data.cells.all![LAST]!;
    expect(tech.turnover).toMatchObject({ num: 1 }); // 钱工
    expect(tech.bigShare.value).toBeNull();
  });

  it('lists the people behind a number within scope, never the viewer in a risk list', async () => {
    const high = await people('hr', `metric=risk&month=${LAST}&key=${encodeURIComponent('高')}`);
    expect(high.status).toBe(200);
    expect(high.body.data.people.map((x) => x.name)).toEqual(['刘倩']);
    const oct = await people('hr', 'metric=turnover&month=2026-10');
    expect(oct.body.data.people.filter((x) => x.counted).map((x) => x.name)).toEqual(['李走']);
    expect(oct.body.data.people).toHaveLength(8);
    const outside = await people('hr', `metric=turnover&month=${LAST}&group=dept:${techId}`);
    expect(outside.status).toBe(200);
    expect(outside.body.data.people).toEqual([]);
    const ev = await w.ds.getRepository(AuditEvent).findOneOrFail({ where: { corpId, action: 'outcomes.people.read' }, order: { id: 'DESC' } });
    expect(ev.actorUserid).toBe(p.hr!.userid);
    const bad = await people('hr', 'metric=salary&month=2026-13');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('应为 yyyy-mm');
  });

  it('refuses supervisors, employees and admins alone', async () => {
    for (const who of ['boss', 'r1', 'admin']) {
      expect((await board(who)).status).toBe(403);
      expect((await people(who, `metric=risk&month=${LAST}`)).status).toBe(403);
    }
    expect((await board('boss')).body.error.message).toContain('转型看板只对 HR 开放');
  });

  it('exports the board to Excel with its definitions', async () => {
    const res = await fetch(`${server.url}/api/v1/outcomes/export?by=dept`, { headers: { cookie: c.hr!.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`outcomes-${LAST}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['转型看板', '定义']);
    const ws = wb.getWorksheet('转型看板')!;
    const rows = ws.getSheetValues().slice(1) as unknown[][];
    expect(rows[0]!.slice(1, 4)).toEqual(['分组', '月份', '月初人数']);
    const nov = rows.find((r) => r[1] === '全部' && r[2] === LAST)!;
    expect(nov.slice(3, 6)).toEqual(['7', '0', '0%']);
    expect(nov[9]).toBe('30%');
    expect(rows).toHaveLength(1 + 3 * 12);
    expect(await w.ds.getRepository(AuditEvent).countBy({ corpId, action: 'outcomes.export' })).toBe(1);
  });

  it('tells HR and the supervisor once when a band turns 高, never the person', async () => {
    expect(await notifyRiskTurnsHigh(w.ds, corpId, WEEK, NOW)).toBe(2);
    const notes = await w.ds.getRepository(Notification).find({ where: { corpId, kind: 'retention.riskHigh' } });
    expect(notes.map((n) => n.recipientUserid).sort()).toEqual([p.boss!.userid, p.hr!.userid].sort());
    expect(notes[0]!.title).toBe('刘倩的离职风险转为高');
    expect(notes[0]!.body).not.toMatch(/\d+%/);
    // The nightly re-run of the same week, and the next week still 高: no new message.
    expect(await notifyRiskTurnsHigh(w.ds, corpId, WEEK, NOW)).toBe(0);
    await buildRisk(w.ds, corpId, p.r1!.userid, '2026-11-30', '高');
    expect(await notifyRiskTurnsHigh(w.ds, corpId, '2026-11-30', NOW)).toBe(0);
    expect(notes.some((n) => n.recipientUserid === p.r1!.userid)).toBe(false);
  });

  it('sends each HR user one monthly summary of its own departments', async () => {
    expect(await sendMonthlySummaries(w.ds, corpId, LAST, NOW)).toBe(2);
    expect(await sendMonthlySummaries(w.ds, corpId, LAST, NOW)).toBe(0);
    const mine = await w.ds.getRepository(Notification).findOneByOrFail({ corpId, kind: 'outcomes.monthlySummary', recipientUserid: p.hr!.userid });
    expect(mine.title).toBe(`${LAST} 转型看板月报`);
    expect(mine.body).toContain('月初 7 人');
    expect(mine.body).toContain('大客户收入占比 30%（目标 30%）');
    expect(mine.body).toContain('高风险 1 人');
    expect(mine.page).toBe('/outcomes');
  });

  it('the 风险 tab of 员工档案: HR everything, the supervisor the band, never the person, audited', async () => {
    const tab = (who: string, userid: string) => c[who]!.call<Paged<RetentionRiskView>>('GET', `/api/v1/people/${userid}/risk`);
    const before = await w.ds.getRepository(AuditEvent).countBy({ corpId, action: 'retention.risk.read' });
    const hr = await tab('hr', p.r1!.userid);
    expect(hr.status).toBe(200);
    expect(hr.body.data.items.map((r) => [r.weekStart, r.band])).toEqual([
      ['2026-11-30', '高'],
      [WEEK, '高'],
      ['2026-11-16', '低'],
    ]);
    expect(hr.body.data.items[0]!.probabilityBp).toBe(7000);
    const boss = await tab('boss', p.r1!.userid);
    expect(boss.status).toBe(200);
    expect(boss.body.data.items[0]).toMatchObject({ band: '高', probabilityBp: null, rule: null });
    expect(await w.ds.getRepository(AuditEvent).countBy({ corpId, action: 'retention.risk.read' })).toBe(before + 2);
    expect((await tab('r1', p.r1!.userid)).status).toBe(403);
    expect((await tab('hr', p.hr!.userid)).status).toBe(404); // HR's own risk
    expect((await tab('admin', p.r1!.userid)).status).toBe(403);
    expect((await tab('hrTech', p.r1!.userid)).status).toBe(404);
    // The tab checks the radar's rule with the person read once: someone unknown answers as someone out of scope.
    const unknown = await tab('hr', 'nobody-here');
    const outside = await tab('hrTech', p.r1!.userid);
    expect([unknown.status, unknown.body.error?.id, unknown.body.error?.message]).toEqual([404, outside.body.error?.id, outside.body.error?.message]);
  });
});

describe('转型看板 rows on MariaDB and SQLite', () => {
  it('store and read back the same facts on both databases', async () => {
    const answers: string[] = [];
    await onBothDatabases('outcq', async (ds) => {
      const corpId = await buildCorp(ds, 'oq');
      const dept = await buildDepartment(ds, corpId, { name: '销售一组' });
      const a = await buildUser(ds, corpId, { name: '甲', deptIds: [dept.deptId], hiredOn: '2024-01-01' });
      await buildUser(ds, corpId, { name: '乙', deptIds: [dept.deptId], hiredOn: '2026-09-03', status: 'left', leftOn: '2026-11-05' });
      await buildDeal(ds, corpId, { ownerUserid: a.userid, amountFen: 2_000_000, signedOn: '2026-10-08' });
      await buildTraining(ds, corpId, { userid: a.userid, completedOn: '2026-10-01' });
      await computeOutcomeFacts(ds, corpId, { lastMonth: LAST, bigDealFen: 1_000_000, now: NOW });
      const facts = await outcomeFactsInScope(ds, { corpId, all: false, self: 'x', reports: false, deptRoots: [dept.deptId], deptIds: [dept.deptId] }, [
        '2026-10',
        '2026-11',
      ]);
      expect(facts.find((f) => f.month === '2026-10' && f.userid === a.userid)).toMatchObject({
        revenueFen: 2_000_000,
        bigRevenueFen: 2_000_000,
        trainingDone: 1,
        employedStart: true,
      });
      expect(facts.filter((f) => f.left).map((f) => f.month)).toEqual(['2026-11']);
      answers.push(JSON.stringify(facts.map((f) => ({ ...f, userid: f.userid === a.userid ? 'a' : 'b', deptId: null }))));
    });
    expect(answers).toHaveLength(2);
    expect(answers[1]).toBe(answers[0]);
  });
});
