/**
 * The monthly KPI scoring on real databases (MariaDB and SQLite through the migrations): values from CRM rows under
 * the named rules (a cancelled or DingTalk-deleted contract counts nowhere), the team linkage from the supervisor's
 * team, every input traceable to its rows, a recompute that replaces the month, and promotion eligibility after
 * three months met with HR and the supervisor told once.
 */
import { DEFAULT_KPI_SETTINGS } from '@liucai/shared';
import { Deal, KpiPromotion, KpiScore, Notification } from '../server/src/entities';
import { scoreKpiMonth, type KpiScoreDetail } from '../server/src/modules/pay/commands/kpiScorer';
import { buildCollaboration, buildDeal, onBothDatabases } from './support/factories';
import { buildKpiWorld } from './support/kpiWorld';

const opts = { today: '2026-07-15', settings: DEFAULT_KPI_SETTINGS };

describe('KPI scoring job', () => {
  it('scores a month from CRM rows and collaborations, with linkage, traceable and recomputable', async () => {
    await onBothDatabases('kpi', async (ds, kind) => {
      const kw = await buildKpiWorld(ds, `kp${kind.slice(0, 2)}`);
      const { wang, li, outsider, hr } = kw.people;
      const corpId = kw.corpId;
      const counted = await buildDeal(ds, corpId, { ownerUserid: wang.userid, signedOn: '2026-03-10', amountFen: 80_000 });
      const second = await buildDeal(ds, corpId, { ownerUserid: wang.userid, signedOn: '2026-03-31', amountFen: 30_000 });
      await buildDeal(ds, corpId, { ownerUserid: wang.userid, signedOn: '2026-03-12', amountFen: 9_000_000, status: 'cancelled' });
      await buildDeal(ds, corpId, { ownerUserid: wang.userid, signedOn: '2026-03-13', amountFen: 9_000_000, removedAt: new Date('2026-04-01T00:00:00Z') });
      await buildDeal(ds, corpId, { ownerUserid: wang.userid, signedOn: '2026-04-01', amountFen: 9_000_000 });
      const collab = await buildCollaboration(ds, corpId, { userid: wang.userid, occurredOn: '2026-03-05' });
      await buildDeal(ds, corpId, { ownerUserid: li.userid, signedOn: '2026-03-02', amountFen: 50_000 });

      const out = await scoreKpiMonth(ds, corpId, '2026-03', opts);
      expect(out).toMatchObject({ period: '2026-03', people: 3, versions: [kw.versionId] }); // 王五, 李四, 外人; not HR
      const rows = new Map((await ds.getRepository(KpiScore).find({ where: { corpId, period: '2026-03' } })).map((r) => [r.userid, r]));
      expect(rows.has(hr.userid)).toBe(false);

      const w = rows.get(wang.userid)!;
      const d = JSON.parse(w.detail) as KpiScoreDetail;
      // 800 + 300 元: the cancelled, deleted and April contracts count nowhere.
      expect(d.inputs.sales).toEqual({
        value: '1100.00',
        sources: [`deal:dingtalk:${counted.sourceId}`, `deal:dingtalk:${second.sourceId}`],
        note: '本月签约 2 份合同',
      });
      expect(d.inputs.helping!.sources).toEqual([`collaboration:import:${collab.sourceId}`]);
      expect(d.inputs.teamProject).toMatchObject({ value: null, note: '主管尚未评分' });
      expect(d.scheme).toMatchObject({ id: kw.schemeId, versionId: kw.versionId, version: 1 });
      expect(d.indicators.find((i) => i.id === 'sales')).toMatchObject({ target: '1,000', unit: '元' });
      // 王五 60 + 30 = 90 before linkage, 李四 0 (500 元 < 1,000): team average 45 < 60 → missed.
      expect(w.team).toBe('missed');
      expect(d.result.team).toMatchObject({ status: 'missed', members: 2, average: '45.00', passScore: '60.00' });
      // Individual 60 × 0.95 = 57, team 30 + 10; sum 97: 58.76 / 30.93 / 10.31; total = 100 × 57/97 + 100 × 30/97 = 89.69.
      expect(d.result.result.indicators.map((i) => i.weight)).toEqual(['58.76', '30.93', '10.31']);
      expect(w.totalH).toBe(8969);
      expect(w.met).toBe(true);
      expect(rows.get(li.userid)).toMatchObject({ totalH: 0, met: false, team: 'missed' });
      // 外人 alone in their team: 0, missed.
      expect(rows.get(outsider.userid)).toMatchObject({ totalH: 0, team: 'missed' });

      // A contract cancelled since: the recompute replaces the month (same row, new answer).
      await ds.getRepository(Deal).update({ corpId, source: 'dingtalk', sourceId: counted.sourceId }, { status: 'cancelled' });
      await scoreKpiMonth(ds, corpId, '2026-03', opts);
      const again = await ds.getRepository(KpiScore).findOneByOrFail({ corpId, period: '2026-03', userid: wang.userid });
      expect(again.id).toBe(w.id);
      expect((JSON.parse(again.detail) as KpiScoreDetail).inputs.sales!.value).toBe('300.00');
      expect(again.totalH).toBeLessThan(w.totalH);
      expect(await ds.getRepository(KpiScore).countBy({ corpId })).toBe(3);
    });
  });

  it('makes a person eligible after 3 months met, telling the supervisor and HR once', async () => {
    await onBothDatabases('kpipromo', async (ds, kind) => {
      const kw = await buildKpiWorld(ds, `kq${kind.slice(0, 2)}`);
      const { wang, boss, hr, otherBoss } = kw.people;
      const corpId = kw.corpId;
      for (const m of ['2026-01', '2026-02', '2026-03', '2026-04']) {
        await buildDeal(ds, corpId, { ownerUserid: wang.userid, signedOn: `${m}-15`, amountFen: 200_000 });
        await buildCollaboration(ds, corpId, { userid: wang.userid, occurredOn: `${m}-16` });
      }
      expect((await scoreKpiMonth(ds, corpId, '2026-01', opts)).promotions).toBe(0);
      expect((await scoreKpiMonth(ds, corpId, '2026-02', opts)).promotions).toBe(0);
      expect((await scoreKpiMonth(ds, corpId, '2026-03', opts)).promotions).toBe(1);
      const promo = await ds.getRepository(KpiPromotion).findOneByOrFail({ corpId, userid: wang.userid });
      expect(promo).toMatchObject({ streakFrom: '2026-01', period: '2026-03', decision: null });
      expect(JSON.parse(promo.evidence)).toEqual([
        { period: '2026-01', total: '89.69', passScore: '60' },
        { period: '2026-02', total: '89.69', passScore: '60' },
        { period: '2026-03', total: '89.69', passScore: '60' },
      ]);
      const told = async () =>
        (await ds.getRepository(Notification).find({ where: { corpId, kind: 'kpi.promotionEligible' } })).map((n) => n.recipientUserid).sort();
      expect(await told()).toEqual([boss.userid, hr.userid].sort());
      expect(await told()).not.toContain(otherBoss.userid);
      // Again, and a fourth month: the same streak tells nobody twice.
      expect((await scoreKpiMonth(ds, corpId, '2026-03', opts)).promotions).toBe(0);
      expect((await scoreKpiMonth(ds, corpId, '2026-04', opts)).promotions).toBe(0);
      expect(await told()).toHaveLength(2);
      // A running month never makes anyone eligible.
      expect((await scoreKpiMonth(ds, corpId, '2026-07', opts)).promotions).toBe(0);
    });
  });
});
