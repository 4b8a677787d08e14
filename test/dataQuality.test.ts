/**
 * The 数据 page's answer, on small factory-built companies (MariaDB and SQLite): each source first says whether it is
 * complete and fresh and what to do next; the same thing is the same number in every place it appears; gap counts
 * are company-wide while names are only the viewer's people and customers; nothing imported reads 尚未导入, never
 * "0 份, no gaps"; and page views read the snapshot refreshed after syncs and imports instead of counting.
 */
import type { DataSource } from 'typeorm';
import type { DataQuality, DataSourceQuality } from '@liucai/shared';
import { AttendanceResult, ClockRecord, Customer, Deal, FollowUp, ImportRun, SyncCheckpoint } from '../server/src/entities';
import { loadConfig } from '../server/src/config';
import { presentDataQualityFor } from '../server/src/modules/sync/presenters/dataQuality';
import { refreshDataQuality } from '../server/src/modules/sync/commands/dataQualityRefresher';
import {
  actorFor,
  buildAttendanceResult,
  buildClockRecord,
  buildCorp,
  buildCustomer,
  buildDeal,
  buildDepartment,
  buildFollowUp,
  buildLeave,
  buildSyncRun,
  buildUser,
  grantHrScope,
  onBothDatabases,
} from './support/factories';

/** 10:00 Beijing on Saturday 2026-12-05: yesterday is the 4th. */
const NOW = new Date('2026-12-05T02:00:00Z');
const HOUR_AGO = new Date(NOW.getTime() - 3600_000);
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });

/** root → 销售中心, root → 财务部; HR of 销售中心; gaps on both sides of that line. */
async function company(ds: DataSource) {
  const corpId = await buildCorp(ds, 'dq');
  const root = await buildDepartment(ds, corpId, { name: '公司' });
  const sales = await buildDepartment(ds, corpId, { name: '销售中心', parentId: root.deptId });
  const finance = await buildDepartment(ds, corpId, { name: '财务部', parentId: root.deptId });
  const boss = await buildUser(ds, corpId, { name: '老板', deptIds: [root.deptId], isBoss: true });
  const hr = await buildUser(ds, corpId, { name: '人事丙', deptIds: [root.deptId], supervisorUserid: boss.userid });
  const seller = await buildUser(ds, corpId, { name: '销售甲', deptIds: [sales.deptId] });
  const cashier = await buildUser(ds, corpId, { name: '财务乙', deptIds: [finance.deptId] });
  await buildUser(ds, corpId, { name: '销售丁', deptIds: [sales.deptId], supervisorUserid: boss.userid });
  await grantHrScope(ds, corpId, hr.userid, [sales.deptId]);

  const mine = await buildCustomer(ds, corpId, { name: '华东建材', ownerUserid: seller.userid });
  const theirs = await buildCustomer(ds, corpId, { name: '西北能源', ownerUserid: cashier.userid });
  const followed = await buildCustomer(ds, corpId, { name: '南方电器', ownerUserid: seller.userid, kind: 'personal' });
  await buildFollowUp(ds, corpId, { customerSourceId: followed.sourceId, ownerUserid: seller.userid });
  await buildDeal(ds, corpId, { customerName: mine.name, customerSourceId: mine.sourceId, signedOn: '2026-11-20' });
  await buildDeal(ds, corpId, { customerName: theirs.name, customerSourceId: theirs.sourceId, signedOn: '2026-11-21' });
  await buildDeal(ds, corpId, { customerName: followed.name, customerSourceId: followed.sourceId, ownerUserid: seller.userid });
  await buildDeal(ds, corpId, { source: 'import', customerName: '旧客户', signedOn: '2025-03-01' });

  // Both took a leave on Wednesday that attendance does not show as settled.
  for (const u of [seller, cashier]) {
    await buildLeave(ds, corpId, { userid: u.userid, day: '2026-12-02' });
    await buildAttendanceResult(ds, corpId, { userid: u.userid, workDate: '2026-12-02' });
    await buildClockRecord(ds, corpId, { userid: u.userid, workDate: '2026-12-02' });
  }
  for (const kind of ['org', 'attendance', 'leave', 'crm'] as const) await buildSyncRun(ds, corpId, kind, HOUR_AGO);
  await ds.getRepository(SyncCheckpoint).insert([
    { corpId, source: 'attendance', position: { through: '2026-12-04' } as never, updatedAt: HOUR_AGO },
    { corpId, source: 'leave-approvals', position: { through: '2026-12-02' } as never, updatedAt: HOUR_AGO },
  ]);
  return { corpId, boss, hr, seller, cashier, sales };
}

const source = (q: DataQuality, id: DataSourceQuality['source']) => q.sources.find((s) => s.source === id)!;
const gap = (q: DataQuality, id: DataSourceQuality['source'], gapId: string) => source(q, id).gaps.find((g) => g.id === gapId)!;
const holding = (q: DataQuality, id: DataSourceQuality['source'], term: string, from?: string) =>
  source(q, id).holdings.find((h) => h.term === term && (from === undefined || h.from === from))!.count;

describe('the 数据 page', () => {
  it('leads each source with its state and next step, and counts the same thing the same everywhere', async () => {
    await onBothDatabases('dq', async (ds) => {
      const c = await company(ds);
      await refreshDataQuality(ds, c.corpId, { now: NOW });
      const q = await presentDataQualityFor(ds, c.corpId, config, actorFor(c.boss, ['admin']), NOW);
      expect(q.sources.map((s) => [s.source, s.state])).toEqual([
        ['org', 'fresh'],
        ['attendance', 'fresh'],
        ['leave', 'behind'],
        ['departures', 'never'],
        ['crm', 'fresh'],
        ['imports', 'never'],
      ]);
      expect(source(q, 'attendance').summary).toBe('完整：数据截至昨天（12月4日）');
      expect(source(q, 'leave')).toMatchObject({ summary: '数据截至 12月2日，之后 2 天尚未同步', coversThrough: '2026-12-02' });
      expect(source(q, 'leave').nextStep).toContain('“请假同步”');
      expect(source(q, 'departures')).toMatchObject({ summary: '尚未同步，还没有这部分数据', holdings: [{ term: 'departureRecord', count: 0, from: null }] });

      // Figures, each with its term; what the CRM holds is the same number on the imports line.
      expect(holding(q, 'attendance', 'attendanceRecord')).toBe(await ds.getRepository(AttendanceResult).countBy({ corpId: c.corpId }));
      expect(holding(q, 'attendance', 'clockRecord')).toBe(await ds.getRepository(ClockRecord).countBy({ corpId: c.corpId }));
      expect(holding(q, 'crm', 'customer')).toBe(3);
      expect(holding(q, 'crm', 'contract')).toBe(3);
      expect(holding(q, 'crm', 'followUp')).toBe(await ds.getRepository(FollowUp).countBy({ corpId: c.corpId }));
      expect(holding(q, 'imports', 'contract', '导入')).toBe(1);
      expect(holding(q, 'imports', 'contract', '钉钉 CRM 与导入')).toBe(holding(q, 'crm', 'contract') + holding(q, 'imports', 'contract', '导入'));
      expect(holding(q, 'imports', 'contract', '钉钉 CRM 与导入')).toBe(await ds.getRepository(Deal).countBy({ corpId: c.corpId }));
      for (const s of q.sources) expect(s.rows).toBe(s.holdings[0]!.count);
      // The attendance source's own gaps say they are about the whole company's days.
      for (const g of source(q, 'attendance').gaps) expect(g.inScopeCount).toBeNull();
    });
  });

  it('counts gaps company-wide but names only the viewer’s people and customers', async () => {
    await onBothDatabases('dqscope', async (ds) => {
      const c = await company(ds);
      await refreshDataQuality(ds, c.corpId, { now: NOW });
      const admin = await presentDataQualityFor(ds, c.corpId, config, actorFor(c.boss, ['admin']), NOW);
      const hr = await presentDataQualityFor(ds, c.corpId, config, actorFor(c.hr, ['employee', 'hr'], [c.sales.deptId]), NOW);
      expect(admin.viewerScope).toBe('all');
      expect(hr.viewerScope).toBe('scope');

      expect(gap(admin, 'org', 'users_without_supervisor')).toMatchObject({ count: 2, inScopeCount: 2, examples: ['财务乙', '销售甲'] });
      expect(gap(hr, 'org', 'users_without_supervisor')).toMatchObject({ count: 2, inScopeCount: 1, examples: ['销售甲'] });
      expect(gap(hr, 'crm', 'customers_without_follow_up')).toMatchObject({ count: 2, inScopeCount: 1, examples: ['华东建材'] });
      expect(gap(hr, 'crm', 'contracts_without_owner')).toMatchObject({ count: 2, inScopeCount: 1, examples: ['华东建材（2026-11-20）'] });
      expect(gap(admin, 'crm', 'contracts_without_owner').examples).toEqual(['西北能源（2026-11-21）', '华东建材（2026-11-20）']);
      // Named by name and day, never by DingTalk account id.
      expect(gap(hr, 'leave', 'leaves_not_in_attendance')).toMatchObject({ count: 2, inScopeCount: 1, examples: ['销售甲 2026-12-02'] });
      // An imported contract with no owner and no known customer belongs to nobody's scope: only an admin sees it.
      expect(gap(hr, 'imports', 'deals_without_owner')).toMatchObject({ count: 1, inScopeCount: 0, examples: [] });
      expect(gap(admin, 'imports', 'deals_without_owner')).toMatchObject({ count: 1, inScopeCount: 1, examples: ['旧客户（2025-03-01）'] });

      const seen = JSON.stringify(hr.sources);
      for (const outside of ['财务乙', '西北能源', c.cashier.userid, c.seller.userid]) expect(seen).not.toContain(outside);
    });
  });

  it('counts a viewer’s gaps once per snapshot: views at the same moment share the count, a refresh counts again', async () => {
    await onBothDatabases('dqshared', async (ds) => {
      const c = await company(ds);
      await refreshDataQuality(ds, c.corpId, { now: NOW });
      const hr = actorFor(c.hr, ['employee', 'hr'], [c.sales.deptId]);
      const gapReads = async (views: number) => {
        const logged = jest.spyOn(ds.logger, 'logQuery');
        try {
          const pages = await Promise.all(Array.from({ length: views }, () => presentDataQualityFor(ds, c.corpId, config, hr, NOW)));
          return { pages, reads: logged.mock.calls.filter(([sql]) => /data_gap_items/.test(sql)).length };
        } finally {
          logged.mockRestore();
        }
      };
      // One view counts its gaps in scope (the counts, then each gap's first items), and the next view reads none.
      const solo = await gapReads(1);
      expect(solo.reads).toBeGreaterThan(1);
      expect((await gapReads(1)).reads).toBe(0);
      // After the next refresh (a sync ended), six tabs opening 数据 together share one count.
      await refreshDataQuality(ds, c.corpId, { now: NOW });
      const six = await gapReads(6);
      expect(six.reads).toBe(solo.reads);
      for (const page of six.pages) expect(page.sources).toEqual(solo.pages[0]!.sources);
    });
  });

  it('says 尚未导入 and what to do before anything was imported, and 已导入 after', async () => {
    await onBothDatabases('dqimport', async (ds) => {
      const corpId = await buildCorp(ds, 'dqi');
      const admin = await buildUser(ds, corpId, { name: '管理员' });
      await refreshDataQuality(ds, corpId, { now: NOW });
      const before = source(await presentDataQualityFor(ds, corpId, config, actorFor(admin, ['admin']), NOW), 'imports');
      expect(before).toMatchObject({ state: 'never', summary: expect.stringContaining('尚未导入'), gaps: [] });
      expect(before.nextStep).toContain('“导入”页');
      await ds.getRepository(ImportRun).insert({
        corpId,
        kind: 'deals',
        fileName: 'deals.csv',
        status: 'succeeded',
        rowsTotal: 1,
        rowsDone: 1,
        created: 1,
        createdBy: admin.userid,
        createdAt: HOUR_AGO,
        finishedAt: HOUR_AGO,
      });
      await buildDeal(ds, corpId, { source: 'import', ownerUserid: admin.userid });
      await refreshDataQuality(ds, corpId, { now: NOW });
      const after = source(await presentDataQualityFor(ds, corpId, config, actorFor(admin, ['admin']), NOW), 'imports');
      expect(after).toMatchObject({ state: 'fresh', summary: expect.stringContaining('已导入'), nextStep: null });
      expect(after.holdings.find((h) => h.from === '导入' && h.term === 'contract')?.count).toBe(1);
    });
  });

  it('marks a failed latest run, a CRM pass stopped part-way, and old data; and reads the snapshot until the next refresh', async () => {
    await onBothDatabases('dqstate', async (ds) => {
      const c = await company(ds);
      const snapshot = await refreshDataQuality(ds, c.corpId, { now: NOW });
      await buildSyncRun(ds, c.corpId, 'org', NOW, { status: 'failed', error: 'DingTalk /topapi/v2/user/get failed: 88 no permission' });
      await ds.getRepository(SyncCheckpoint).insert({
        corpId: c.corpId,
        source: 'crm',
        position: {
          pass: { phase: 'contracts', pages: 7, startedMs: 0, nextToken: 't', contractsSinceMs: null, followUpsSinceMs: 0, readsCustomers: true },
          lastPassStartedMs: null,
          customersReadMs: null,
        } as never,
        updatedAt: NOW,
      });
      await buildCustomer(ds, c.corpId, { name: '新客户', ownerUserid: c.seller.userid });
      const q = await presentDataQualityFor(ds, c.corpId, config, actorFor(c.boss, ['admin']), NOW);
      expect(source(q, 'org')).toMatchObject({ state: 'failed', lastError: expect.stringContaining('88') });
      expect(source(q, 'org').nextStep).toContain('通讯录权限');
      expect(source(q, 'crm')).toMatchObject({ state: 'partial', summary: '未同步完整：上次停在合同（已读 7 页），下次同步从这里继续' });
      // The page read the snapshot: the customer added since is counted at the next refresh (after a sync or import).
      expect(q.computedAt).toBe(snapshot.computedAt);
      expect(holding(q, 'crm', 'customer')).toBe(3);
      await refreshDataQuality(ds, c.corpId, { now: NOW });
      expect(holding(await presentDataQualityFor(ds, c.corpId, config, null, NOW), 'crm', 'customer')).toBe(4);
      expect(await ds.getRepository(Customer).countBy({ corpId: c.corpId })).toBe(4);

      const twoDaysOn = new Date(NOW.getTime() + 2 * 86_400_000);
      const later = await presentDataQualityFor(ds, c.corpId, config, null, twoDaysOn);
      expect(source(later, 'attendance')).toMatchObject({ state: 'behind', summary: '数据截至 12月4日，之后 2 天尚未同步' });
      expect(source(later, 'departures').state).toBe('never');
    });
  });
});
