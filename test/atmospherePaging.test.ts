/**
 * 团队氛围 on the 转型看板 a page at a time, on MariaDB and SQLite: every page concatenated equals the unpaged list it
 * replaced (each team's latest stored month, in tree order, named by its path), the dashboard answers the first page
 * and the count, and a team outside HR's departments never shows.
 */
import { ATMOSPHERE_PAGE_SIZE, type AtmosphereView } from '@liucai/shared';
import { TeamAtmosphere } from '../server/src/entities';
import { outcomesScopeOf } from '../server/src/modules/outcomes/policies/outcomesScope';
import { presentDashboard } from '../server/src/modules/outcomes/presenters/dashboardPresenter';
import { loadDepartmentIndex } from '../server/src/modules/people/queries/departmentIndex';
import { atmosphereViews } from '../server/src/modules/pulse/queries/atmosphereViews';
import { buildCorp, buildDepartment, buildUser, grantHrScope, onBothDatabases } from './support/factories';

/** The list as the dashboard answered it before paging: every stored row read, the latest month of each team wins. */
async function unpaged(ds: Parameters<typeof atmosphereViews>[0], corpId: string, deptIds: number[]): Promise<AtmosphereView[]> {
  const rows = await ds.getRepository(TeamAtmosphere).find({ where: { corpId }, order: { month: 'ASC', id: 'ASC' } });
  const out = new Map<number, TeamAtmosphere>();
  for (const r of rows) if (deptIds.includes(Number(r.deptId))) out.set(Number(r.deptId), r);
  const index = await loadDepartmentIndex(ds, corpId);
  return index.listInTreeOrder(new Set(out.keys())).map(({ id }) => {
    const r = out.get(id)!;
    return {
      deptId: id,
      deptName: index.path(id),
      month: r.month,
      level: r.level as AtmosphereView['level'],
      respondents: r.respondents,
      enps: r.enps === null ? null : Number(r.enps),
      reasons: JSON.parse(r.reasons) as string[],
      actions: JSON.parse(r.actions) as string[],
    };
  });
}

describe('团队氛围 paged', () => {
  it('answers the same teams a page at a time as the whole list did, the dashboard the first page, on both databases', async () => {
    await onBothDatabases('atmopage', async (ds) => {
      const corpId = await buildCorp(ds, 'atmo');
      const root = await buildDepartment(ds, corpId, { name: '销售中心' });
      const outside = await buildDepartment(ds, corpId, { name: '技术部' });
      const teams = [root];
      for (let i = 0; i < 9; i++) {
        const region = await buildDepartment(ds, corpId, { name: `大区${i}`, parentId: root.deptId });
        teams.push(region);
        for (let j = 0; j < 4; j++) teams.push(await buildDepartment(ds, corpId, { name: `大区${i}组${j}`, parentId: region.deptId }));
      }
      const hr = await buildUser(ds, corpId, { name: '人事甲', deptIds: [outside.deptId] });
      await grantHrScope(ds, corpId, hr.userid, [root.deptId]);
      const levels = ['积极', '中性', '消极', null] as const;
      const row = (deptId: number, month: string, i: number) =>
        Object.assign(new TeamAtmosphere(), {
          corpId,
          month,
          deptId,
          level: levels[i % 4],
          score: i,
          respondents: i % 4 === 3 ? 0 : 5 + i,
          enps: i % 4 === 3 ? null : i * 3 - 40,
          reasons: JSON.stringify([`${month} 原因 ${i}`]),
          actions: JSON.stringify([`${month} 建议 ${i}`, '一对一沟通']),
          computedAt: new Date(),
        });
      // Two months for most teams (the later one wins), one for every fifth, none for every seventh; 技术部 outside.
      for (const [i, t] of teams.entries()) {
        if (i % 7 === 6) continue;
        await ds.getRepository(TeamAtmosphere).save(row(t.deptId, '2026-10', i));
        if (i % 5 !== 4) await ds.getRepository(TeamAtmosphere).save(row(t.deptId, '2026-11', i + 1));
      }
      await ds.getRepository(TeamAtmosphere).save(row(outside.deptId, '2026-11', 2));

      const os = await outcomesScopeOf(ds, { corpId, userid: hr.userid, roles: ['hr'], hrDeptIds: [root.deptId] });
      const whole = await unpaged(ds, corpId, os.scope.deptIds);
      expect(whole.length).toBeGreaterThan(ATMOSPHERE_PAGE_SIZE);
      expect(whole.some((t) => t.deptId === outside.deptId)).toBe(false);
      expect(whole.some((t) => t.month === '2026-10') && whole.some((t) => t.month === '2026-11')).toBe(true);
      for (const pageSize of [ATMOSPHERE_PAGE_SIZE, 7]) {
        const pages: AtmosphereView[] = [];
        for (let page = 1; page <= Math.ceil(whole.length / pageSize) + 1; page++) {
          const p = await atmosphereViews(ds, corpId, os.scope.deptIds, { page, pageSize });
          expect(p).toMatchObject({ total: whole.length, page, pageSize });
          pages.push(...p.items);
        }
        expect(pages).toEqual(whole);
      }
      const board = await presentDashboard(ds, os, 'all');
      expect(board.atmosphere).toEqual(whole.slice(0, ATMOSPHERE_PAGE_SIZE));
      expect(board.atmosphereTotal).toBe(whole.length);
      expect(await atmosphereViews(ds, corpId, [], { page: 1, pageSize: 20 })).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    });
  });
});
