/**
 * 转型看板's stored sums (outcome_group_months) on MariaDB and SQLite: on a factory-built company the dashboard read
 * from the sums equals today's computation over the stored person-months (`outcomeTable` over the rows in scope), for
 * every grouping and for HR scoped to departments (a member through a second department, HR's own band left out,
 * HR outside its own departments, a grant inside another), also with months kept from an older run and after people
 * or departments move (the org sync rebuilds the sums); a re-run of the job replaces the sums rather than adding to them.
 */
import { outcomeTable, type OutcomeGrouping } from '@liucai/shared';
import { Department, OutcomeGroupMonth, User } from '../server/src/entities';
import { computeOutcomeFacts } from '../server/src/modules/outcomes/commands/outcomeFactsComputer';
import { rebuildOutcomeGroups } from '../server/src/modules/outcomes/commands/outcomeGroupsBuilder';
import { outcomesScopeOf } from '../server/src/modules/outcomes/policies/outcomesScope';
import { presentDashboard, scopedFacts } from '../server/src/modules/outcomes/presenters/dashboardPresenter';
import { buildRisk, buildTier } from './support/outcomeFixtures';
import { buildCorp, buildDeal, buildDepartment, buildTraining, buildUser, grantHrScope, onBothDatabases } from './support/factories';

const NOW = new Date('2026-12-05T02:00:00Z');

describe('转型看板 stored sums', () => {
  it('give the same dashboard as adding up the stored person-months, within each HR scope, on both databases', async () => {
    const answers: string[] = [];
    await onBothDatabases('outcsum', async (ds) => {
      const corpId = await buildCorp(ds, 'osum');
      const sales = await buildDepartment(ds, corpId, { name: '销售中心' });
      const team = await buildDepartment(ds, corpId, { name: '销售一组', parentId: sales.deptId });
      const team2 = await buildDepartment(ds, corpId, { name: '销售二组', parentId: sales.deptId });
      const tech = await buildDepartment(ds, corpId, { name: '技术部' });
      const ops = await buildDepartment(ds, corpId, { name: '行政部' });
      const since = { hiredOn: '2024-03-01' };
      // HR of 销售中心 sits in 行政部 (outside its scope); HR of 技术部 sits in it (its own band never counts).
      const hr = await buildUser(ds, corpId, { name: '人事甲', deptIds: [ops.deptId], ...since });
      const hrTech = await buildUser(ds, corpId, { name: '人事乙', deptIds: [tech.deptId], ...since });
      await grantHrScope(ds, corpId, hr.userid, [sales.deptId, team.deptId]); // 销售一组 lies inside 销售中心 already
      await grantHrScope(ds, corpId, hrTech.userid, [tech.deptId]);
      const people: User[] = [];
      for (let i = 0; i < 12; i++) {
        const over =
          i % 5 === 0
            ? { status: 'left' as const, leftOn: `2026-0${1 + (i % 9)}-15` }
            : i % 4 === 0
              ? { hiredOn: `2026-0${2 + (i % 7)}-10` }
              : i % 6 === 1
                ? { hiredOn: '2025-06-01', status: 'left' as const, leftOn: '2026-10-20' }
                : {};
        people.push(await buildUser(ds, corpId, { name: `销售${i}`, deptIds: [i % 2 ? team.deptId : team2.deptId], ...since, ...over }));
      }
      // 钱工 of 技术部 also belongs to 销售一组 (in HR 甲's scope through the membership).
      const member = await buildUser(ds, corpId, { name: '钱工', deptIds: [tech.deptId, team.deptId], ...since });
      const engineer = await buildUser(ds, corpId, { name: '孙工', deptIds: [tech.deptId], hiredOn: '2026-04-01' });
      for (const [i, p] of [...people, member, engineer, hr, hrTech].entries()) {
        for (const m of ['2026-01', '2026-04', '2026-08', '2026-11'])
          if (i % 3 !== 2) await buildTier(ds, corpId, p.userid, m, (['move', 'train', 'reassign'] as const)[(i + m.length) % 3]!);
        await buildRisk(ds, corpId, p.userid, '2026-11-23', (['高', '中', '低'] as const)[i % 3]!);
        await buildRisk(ds, corpId, p.userid, '2026-03-16', (['低', '高', '中'] as const)[i % 3]!);
        if (i % 2 === 0)
          await buildDeal(ds, corpId, { ownerUserid: p.userid, amountFen: 1_000_000 * (i + 1), signedOn: `2026-${String(1 + (i % 11)).padStart(2, '0')}-08` });
        if (i % 3 === 0) await buildTraining(ds, corpId, { userid: p.userid, completedOn: i % 2 ? '2026-06-01' : null, completionPercent: 30 });
      }

      const compare = async (what: string) => {
        for (const [who, hrDeptIds] of [
          [hr, [sales.deptId, team.deptId]],
          [hrTech, [tech.deptId]],
        ] as const) {
          const os = await outcomesScopeOf(ds, { corpId, userid: who.userid, roles: ['hr'], hrDeptIds: [...hrDeptIds] });
          expect(os.scope.deptIds.length).toBeGreaterThan(0);
          const sf = await scopedFacts(ds, os);
          for (const by of ['all', 'dept', 'tier'] as OutcomeGrouping[]) {
            const today = outcomeTable(sf.facts, sf.months, by, os.riskVisible);
            const stored = await presentDashboard(ds, os, by);
            expect({ what, who: who.name, by, months: stored.months, groups: stored.groups.map((g) => g.key), cells: stored.cells }).toEqual({
              what,
              who: who.name,
              by,
              months: today.months,
              groups: today.groups,
              cells: today.cells,
            });
            expect(stored.computedAt).toBe(sf.computedAt?.toISOString() ?? null);
          }
        }
      };

      // An older run (months to 2026-05), then people move, then this month's run: older months keep their rows.
      await computeOutcomeFacts(ds, corpId, { lastMonth: '2026-05', bigDealFen: 2_500_000, now: new Date('2026-06-02T02:00:00Z') });
      await compare('older run');
      await ds.getRepository(User).update({ corpId, userid: people[1]!.userid }, { mainDeptId: tech.deptId });
      await ds.getRepository(User).update({ corpId, userid: engineer.userid }, { mainDeptId: team2.deptId });
      await computeOutcomeFacts(ds, corpId, { lastMonth: '2026-11', bigDealFen: 2_500_000, now: NOW });
      const rows = await ds.getRepository(OutcomeGroupMonth).countBy({ corpId });
      expect(rows).toBeGreaterThan(0);
      await compare('this run');
      // The dashboard has something to show: people in scope, leavers, a risk count without HR 乙's own band.
      const os = await outcomesScopeOf(ds, { corpId, userid: hrTech.userid, roles: ['hr'], hrDeptIds: [tech.deptId] });
      const techCell = (await presentDashboard(ds, os, 'all')).cells.all!['2026-11']!;
      expect(techCell.headcount).toBeGreaterThan(0);

      // A re-run replaces the sums (same rows, same answers).
      await computeOutcomeFacts(ds, corpId, { lastMonth: '2026-11', bigDealFen: 2_500_000, now: NOW });
      expect(await ds.getRepository(OutcomeGroupMonth).countBy({ corpId })).toBe(rows);
      await compare('re-run');

      // Someone moves after the run: the org sync rebuilds the sums (by main department now) and they agree again.
      await ds.getRepository(User).update({ corpId, userid: people[3]!.userid }, { mainDeptId: ops.deptId });
      await rebuildOutcomeGroups(ds, corpId);
      await compare('after a move');
      // A department moves under another (销售二组 to 技术部): rebuilt, the subtrees' sums agree again.
      await ds.getRepository(Department).update({ corpId, deptId: team2.deptId }, { parentId: tech.deptId });
      await rebuildOutcomeGroups(ds, corpId);
      await compare('after the tree changed');
      answers.push(JSON.stringify((await presentDashboard(ds, os, 'tier')).cells));
    });
    expect(answers).toHaveLength(2);
    expect(answers[1]).toBe(answers[0]);
  });
});
