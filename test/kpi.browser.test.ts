/**
 * 我的绩效 and 团队绩效 in headless Chromium against the real server, MariaDB and the DingTalk sandbox: a KPI scheme
 * for every title (the articles' 70 / 30 template with team linkage), three months of contracts and collaborations
 * for the demo employee, scored by the job's command; the employee sees indicators, linkage, trend and streak; their
 * supervisor sees the team and rates the judgement indicator (a 5 without a comment is refused in Chinese), on the
 * phone (375 px) and on PC (1440 px); HR pages through its departments' scores (共 N 人, 达标 M 人 from the server).
 */
import type { Page } from 'playwright-core';
import { addMonths, DEFAULT_KPI_SETTINGS, KPI_TEMPLATES } from '@liucai/shared';
import type { Actor } from '../server/src/appTypes';
import { AuditEvent, KpiRating, KpiScore } from '../server/src/entities';
import { createRule } from '../server/src/modules/pay/commands/ruleCreator';
import { createRuleVersion } from '../server/src/modules/pay/commands/ruleVersionCreator';
import { publishRuleVersion } from '../server/src/modules/pay/commands/ruleVersionPublisher';
import { scoreKpiMonth } from '../server/src/modules/pay/commands/kpiScorer';
import { KPI_FAMILY } from '../server/src/modules/pay/ruleFamilies';
import { shanghaiDate } from '../server/src/util/dates';
import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import { keepScreenshot, waitSettled } from './support/browser';
import { buildCollaboration, buildDeal, buildSatisfaction } from './support/factories';

jest.setTimeout(120000);

const CURRENT = shanghaiDate(new Date()).slice(0, 7);
const MONTHS = [addMonths(CURRENT, -3), addMonths(CURRENT, -2), addMonths(CURRENT, -1)];

describe('我的绩效 and 团队绩效 in headless Chromium', () => {
  const ui = browserWorldForDescribe({ label: 'kpipages', employees: 40, seed: 11 });
  let ready = false;
  const seed = async () => {
    if (ready) return;
    const { ds, corpId } = ui.w;
    const actor: Actor = { corpId, userid: ui.demo.admin, roles: ['employee', 'admin'], hrDeptIds: [] };
    const rule = await createRule(ds, KPI_FAMILY, actor, { code: 'browser-kpi', name: '大客户销售 KPI', jobTitle: null });
    const definition = KPI_TEMPLATES.find((t) => t.key === 'bigClientSalesWithTeam')!.definition;
    const v = await createRuleVersion(ds, KPI_FAMILY, actor, rule.id, { effectiveFrom: '2020-01-01', definition, note: '浏览器测试' });
    await publishRuleVersion(ds, KPI_FAMILY, actor, v.id);
    // A customer due for renewal who renewed (留存率), and 团队项目贡献 rated 5 in each past month (rated in time).
    await buildDeal(ds, corpId, {
      ownerUserid: ui.demo.employee,
      signedOn: `${addMonths(CURRENT, -17)}-10`,
      amountFen: 20_000_000,
      customerSourceId: 'kpi-c0',
      renewalYears: 1,
    });
    for (const m of MONTHS)
      await ds.getRepository(KpiRating).insert({
        corpId,
        userid: ui.demo.employee,
        period: m,
        indicatorId: 'teamProject',
        rating: 5,
        comment: '按时交付',
        ratedBy: ui.demo.supervisor,
        ratedAt: new Date(),
      });
    for (const m of MONTHS) {
      await buildDeal(ds, corpId, { ownerUserid: ui.demo.employee, signedOn: `${m}-05`, amountFen: 32_000_000, customerSourceId: 'kpi-c1', renewalYears: 1 });
      for (const day of ['06', '12', '18', '24', '27']) await buildCollaboration(ds, corpId, { userid: ui.demo.employee, occurredOn: `${m}-${day}` });
      await buildSatisfaction(ds, corpId, { ownerUserid: ui.demo.employee, scoreTenths: 93, surveyedOn: `${m}-20` });
      await scoreKpiMonth(ds, corpId, m, { today: shanghaiDate(new Date()), settings: DEFAULT_KPI_SETTINGS });
    }
    await scoreKpiMonth(ds, corpId, CURRENT, { today: shanghaiDate(new Date()), settings: DEFAULT_KPI_SETTINGS });
    ready = true;
  };
  const fitsWidth = async (page: Page) => {
    const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(w.scroll).toBe(w.inner);
  };
  const shot = (width: number, name: string) => `${width < 1000 ? 'phone' : 'pc'}-${name}`;

  for (const [width, height] of [
    [375, 812],
    [1440, 900],
  ] as const) {
    it(`employee at ${width} px: 我的绩效 with indicators, team linkage, trend and streak`, async () => {
      await seed();
      const stored = await ui.w.ds.getRepository(KpiScore).findOneByOrFail({ corpId: ui.w.corpId, userid: ui.demo.employee, period: MONTHS[2]! });
      const { context, page, errors } = await signInAs(ui, ui.demo.employee, { viewport: { width, height } });
      if (width > 1000) await page.getByTestId('menu-my-kpi').click();
      else {
        // An employee has six pages: 我的绩效 sits behind “更多” on the phone's five-entry tab bar.
        await page.getByTestId('nav-more').click();
        await page.getByTestId('more-sheet').waitFor();
        await page.getByTestId('more-my-kpi').click();
      }
      await page.getByTestId('my-kpi-page').waitFor();
      await page.getByTestId('kpi-summary').waitFor();
      expect(await page.getByTestId('kpi-total').textContent()).toBe((stored.totalH / 100).toFixed(2));
      expect(await page.locator('.kpi-ind').count()).toBe(7);
      expect(await page.getByTestId('kpi-ind-sales').textContent()).toContain('目标 300,000 元');
      expect(await page.getByTestId('kpi-linkage').textContent()).toMatch(/团队（\d+ 人）平均/);
      expect(await page.getByTestId('kpi-trend').locator('.kpi-trend-col').count()).toBe(4);
      // Three months met in a row: eligible, with the months as evidence.
      expect(stored.met).toBe(true);
      expect(await page.getByTestId('kpi-streak').textContent()).toContain('已具备晋升大客户主管资格');
      expect(await page.getByTestId('kpi-streak').textContent()).toContain(MONTHS[0]!);
      await waitSettled(page, '[data-testid="my-kpi-page"]');
      await fitsWidth(page);
      await keepScreenshot(page, shot(width, 'employee-my-kpi'));
      // A bar of the trend opens that month: the running one.
      await page.getByTestId('kpi-trend').locator('.kpi-trend-col').last().click();
      await page.getByText(`${CURRENT} ·`).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`supervisor at ${width} px: 团队绩效 lists the reports and takes a rating`, async () => {
      await seed();
      const { context, page, errors } = await signInAs(ui, ui.demo.supervisor, { viewport: { width, height } });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/team-kpi`);
      await page.getByTestId('team-kpi-page').waitFor();
      await page.getByRole('button', { name: `本月（${CURRENT}）` }).click();
      const row = page.getByTestId(`kpi-person-${ui.demo.employee}`);
      await row.waitFor();
      const form = page.getByTestId(`kpi-rate-${ui.demo.employee}-teamProject`);
      await form.getByRole('button', { name: '评分' }).click();
      await form.getByRole('button', { name: '5 分' }).click();
      await form.locator('textarea').fill('');
      await form.getByRole('button', { name: '保存评分' }).click();
      await form.locator('.inline-error').waitFor();
      expect(await form.locator('.inline-error').textContent()).toContain('评分为 1 分或 5 分时须填写评语');
      await form.locator('textarea').fill('牵头完成华东大客户联合方案');
      await form.getByRole('button', { name: '保存评分' }).click();
      await form.getByText('团队项目贡献：已评 5 分').waitFor();
      expect(await ui.w.ds.getRepository(KpiRating).findOneByOrFail({ corpId: ui.w.corpId, userid: ui.demo.employee, period: CURRENT })).toMatchObject({
        rating: 5,
        ratedBy: ui.demo.supervisor,
      });
      await row.getByRole('button', { name: '查看明细' }).click();
      // Phone: the detail opens under the row; PC: beside the list.
      await (width > 1000 ? page.getByTestId('kpi-side') : row).getByTestId('kpi-summary').waitFor();
      await waitSettled(page, '[data-testid="team-kpi-page"]');
      await fitsWidth(page);
      await keepScreenshot(page, shot(width, 'supervisor-team-kpi'));
      // The report's 员工档案 → 绩效: the same month's total, read through the audited detail.
      const audited = () => ui.w.ds.getRepository(AuditEvent).countBy({ corpId: ui.w.corpId, action: 'pay.kpi.read', subjectUserid: ui.demo.employee });
      // The team page's own detail reads (audited too) land first, so the count below is the tab's alone.
      await page.waitForLoadState('networkidle');
      const before = await audited();
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/person?u=${ui.demo.employee}&tab=kpi`);
      const tab = page.getByTestId('kpi-tab');
      await tab.getByTestId('kpi-summary').waitFor();
      // The last complete month by default, as on 我的绩效.
      const stored = await ui.w.ds.getRepository(KpiScore).findOneByOrFail({ corpId: ui.w.corpId, userid: ui.demo.employee, period: MONTHS[2]! });
      expect(await tab.getByTestId('kpi-total').textContent()).toBe((stored.totalH / 100).toFixed(2));
      await page.waitForLoadState('networkidle');
      expect(await audited()).toBe(before + 1);
      await fitsWidth(page);
      await keepScreenshot(page, shot(width, 'supervisor-person-kpi'));
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`HR at ${width} px: 团队绩效 pages its departments' scores from the server`, async () => {
      await seed();
      const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width, height } });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/team-kpi`);
      const dept = page.getByTestId('kpi-dept');
      await dept.waitFor();
      // The month's count over every page, as the API computes it for HR's departments.
      const api = await page.evaluate(async (period) => {
        const res = await fetch(`/api/v1/kpi/people?period=${period}&pageSize=100`, { credentials: 'include' });
        return ((await res.json()) as { data: { total: number; metCount: number; people: { userid: string }[] } }).data;
      }, MONTHS[2]!);
      expect(api.total).toBeGreaterThan(0);
      expect(await page.getByTestId('kpi-dept-pager-summary').textContent()).toContain(`共 ${api.total} 人`);
      expect(await page.getByTestId('kpi-dept-summary').textContent()).toBe(`达标 ${api.metCount} 人，未达标 ${api.total - api.metCount} 人`);
      expect(await dept.locator('.kpi-person').count()).toBe(Math.min(20, api.total));
      if (api.total > 20) {
        await page.getByTestId('kpi-dept-pager-next').click();
        await page.getByTestId(`kpi-person-${api.people[20]!.userid}`).waitFor();
        expect(await dept.locator('.kpi-person').count()).toBe(Math.min(20, api.total - 20));
      }
      await waitSettled(page, '[data-testid="team-kpi-page"]');
      await fitsWidth(page);
      await keepScreenshot(page, shot(width, 'hr-team-kpi'));
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
