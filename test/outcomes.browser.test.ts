/**
 * 转型看板 and the 风险 tab in Chromium at 375 and 1440 px. A year of the demo HR's 销售中心 (deals with big and small
 * clients, leavers, tiers, training, risk bands) is stored by the outcomes job's command; HR reads the numbers, the
 * charts and the table by department, opens the people behind a number, and exports; HR and the supervisor see a
 * report's 风险 tab, the person themself never sees it.
 */
import { addMonths } from '@liucai/shared';
import { RetentionRisk, TalentMatchScore, User } from '../server/src/entities';
import { computeOutcomeFacts } from '../server/src/modules/outcomes/commands/outcomeFactsComputer';
import { loadDepartmentIndex } from '../server/src/modules/people/queries/departmentIndex';
import { lastCompletePeriod } from '../server/src/modules/talent/jobs/talentJobs';
import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import { keepScreenshot } from './support/browser';
import { buildCustomer, buildDeal, buildTraining } from './support/factories';

jest.setTimeout(120000);

const LAST = lastCompletePeriod();
const MONTHS = Array.from({ length: 6 }, (_, i) => addMonths(LAST, i - 5));

describe('转型看板 in Chromium', () => {
  const ui = browserWorldForDescribe({ label: 'outcomepages', employees: 60, seed: 5 });
  let target: User;

  beforeAll(async () => {
    const { ds, corpId } = ui.w;
    const depts = await loadDepartmentIndex(ds, corpId);
    const sales = depts.subtree([depts.departments.find((d) => d.name === '销售中心')!.deptId]);
    const people = (await ds.getRepository(User).find({ where: { corpId, status: 'active' }, order: { userid: 'ASC' } })).filter(
      (u) => u.mainDeptId !== null && sales.has(Number(u.mainDeptId)) && u.userid !== ui.demo.hr,
    );
    // The demo employee (a report of the demo supervisor): the person whose 风险 tab is read.
    target = people.find((u) => u.userid === ui.demo.employee && u.supervisorUserid === ui.demo.supervisor)!;
    expect(target).toBeDefined();
    const big = await buildCustomer(ds, corpId, { segment: 'big', name: '华东大客户' });
    const small = await buildCustomer(ds, corpId, { segment: 'small', name: '街角小店' });
    const tiers = ['reassign', 'train', 'move'] as const;
    for (const [i, month] of MONTHS.entries()) {
      // Big-client share rising from about 10% to 30%.
      for (const [j, u] of people.slice(0, 8).entries()) {
        const isBig = j < 1 + Math.floor(i / 2);
        await buildDeal(ds, corpId, {
          ownerUserid: u.userid,
          customerSourceId: isBig ? big.sourceId : small.sourceId,
          amountFen: isBig ? 1_200_000 : 1_000_000,
          signedOn: `${month}-1${j % 9}`,
        });
      }
      for (const [j, u] of people.slice(0, 12).entries()) {
        const t = tiers[Math.min(2, Math.floor((j + i) / 5))]!;
        await ds.getRepository(TalentMatchScore).insert({
          corpId,
          userid: u.userid,
          period: month,
          jobModelId: 1,
          versionId: 1,
          scoreT: t === 'move' ? 820 : t === 'train' ? 680 : 520,
          tier: t,
          detail: '{}',
          computedAt: new Date(),
        });
      }
    }
    for (const [j, u] of people.slice(0, 10).entries())
      await buildTraining(ds, corpId, { userid: u.userid, completedOn: j % 3 ? `${MONTHS[j % 6]}-20` : null });
    // Two leavers in the window (not the demo's people).
    const leavers = people.filter((u) => u.userid !== target.userid && u.userid !== ui.demo.supervisor).slice(-2);
    for (const [i, u] of leavers.entries())
      await ds.getRepository(User).update({ corpId, userid: u.userid }, { status: 'left', leftOn: `${MONTHS[2 + i * 2]}-12` });
    const week = (d: number) => `${LAST}-${String(d).padStart(2, '0')}`;
    const risk = (userid: string, band: '高' | '中' | '低') =>
      ds.getRepository(RetentionRisk).insert({
        corpId,
        userid,
        weekStart: week(23),
        baseline: 'ok',
        baselineWeeks: 12,
        ruleVersion: 'article-rule-v1',
        ruleFired: false,
        ruleProbabilityBp: null,
        communicationChangeBp: -2000,
        leaveChangeBp: 1000,
        modelVersion: 'm1',
        modelProbabilityBp: band === '高' ? 6800 : band === '中' ? 2600 : 600,
        band,
        explanation: { ruleReason: '未同时满足', drivers: ['近 4 周跟进 3 次，是本人过去 12 周平均的一半'], modelNote: null, signals: {} },
        computedAt: new Date(),
      });
    await risk(target.userid, '高');
    for (const u of people.slice(1, 6)) if (u.userid !== target.userid) await risk(u.userid, '低');
    await risk(people[7]!.userid, '中');
    await risk(ui.demo.hr, '高'); // HR's own: never on its board
    await computeOutcomeFacts(ds, corpId, { lastMonth: LAST, bigDealFen: 1_000_000, now: new Date() });
  });

  for (const [label, viewport] of [
    ['phone', { width: 375, height: 812 }],
    ['pc', { width: 1440, height: 900 }],
  ] as const) {
    it(`${label} (${viewport.width} px): HR reads the board, opens the people behind a number, groups by department`, async () => {
      const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport });
      await page.getByTestId('menu-outcomes').click();
      await page.getByTestId('outcomes-page').waitFor();
      await page.getByTestId('outcome-stats').waitFor();
      expect(await page.getByTestId('outcome-stat-bigShare').textContent()).toMatch(/大客户收入占比目标 30%（原 10%）/);
      await page.getByTestId('chart-targets').waitFor();
      expect(await page.locator('[data-testid="chart-tiers"] rect').count()).toBeGreaterThan(6);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await keepScreenshot(page, `${label}-hr-outcomes`);

      await page.getByTestId('outcome-stat-bigShare').click();
      await page.getByTestId('outcome-drill').waitFor();
      await page.getByTestId('outcome-drill-count').waitFor();
      expect(await page.getByTestId('outcome-drill-count').textContent()).toMatch(/共 8 人，其中计入分子 \d+ 人/);
      await keepScreenshot(page, `${label}-hr-outcomes-drill`);
      await page.getByTestId('outcome-drill-close').click();
      await page.getByTestId('outcome-drill').waitFor({ state: 'detached' });

      await page.getByTestId('outcome-grouping').getByText('按部门').click();
      await page.getByTestId('outcome-rows').waitFor();
      const table = (await page.getByTestId('outcome-table').textContent())!;
      expect(table).toContain('全部');
      expect(table).toContain('按部门');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await keepScreenshot(page, `${label}-hr-outcomes-by-dept`);
      // A row puts its department on the key numbers and charts.
      await page.getByTestId('outcome-rows').getByText('中小客户一部', { exact: true }).first().click();
      await page.getByTestId('outcome-focus').getByText('看全部').waitFor();
      expect(await page.getByTestId('outcome-focus').textContent()).toContain('中小客户一部');
      await keepScreenshot(page, `${label}-hr-outcomes-focus`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('the 风险 tab: HR and the supervisor see it, the person never; supervisors have no board', async () => {
    const hr = await signInAs(ui, ui.demo.hr, { viewport: { width: 375, height: 812 } });
    await hr.page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/person?u=${target.userid}&tab=risk`);
    await hr.page.getByTestId('tab-risk').waitFor();
    const text = (await hr.page.getByTestId('tab-risk').textContent())!;
    expect(text).toContain('高风险');
    expect(text).toContain('68%');
    expect(text).toContain('近 4 周跟进 3 次');
    await keepScreenshot(hr.page, 'phone-hr-person-risk-tab');
    await hr.context.close();

    const sup = await signInAs(ui, ui.demo.supervisor, { viewport: { width: 1440, height: 900 } });
    await sup.page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/person?u=${target.userid}&tab=risk`);
    await sup.page.getByTestId('tab-risk').waitFor();
    const seen = (await sup.page.getByTestId('tab-risk').textContent())!;
    expect(seen).toContain('高风险');
    expect(seen).not.toContain('68%');
    await keepScreenshot(sup.page, 'pc-supervisor-person-risk-tab');
    expect(await sup.page.getByTestId('menu-outcomes').count()).toBe(0);
    await sup.context.close();

    const self = await signInAs(ui, ui.demo.employee, { viewport: { width: 375, height: 812 } });
    await self.page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/person?tab=risk`);
    await self.page.getByTestId('person-tabs').waitFor();
    expect(await self.page.getByTestId('person-tab-risk').count()).toBe(0);
    expect(await self.page.getByTestId('tab-risk').count()).toBe(0);
    await self.context.close();
  });
});
