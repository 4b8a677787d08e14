/**
 * 脉搏调查 in Chromium at 375 and 1440 px: the demo employee answers an anonymous round on 测评 (once); the demo HR
 * reads a closed round's results by team on 脉搏调查 — the groups the disclosure rule hides say 样本不足 5 人，不显示
 * — and the 团队氛围 on the 转型看板.
 */
import { HrScope, PulseRound, TeamAtmosphere, User } from '../server/src/entities';
import { ATMOSPHERE_PAGE_SIZE } from '@liucai/shared';
import type { Actor } from '../server/src/appTypes';
import { computeOutcomeFacts } from '../server/src/modules/outcomes/commands/outcomeFactsComputer';
import { computeAtmospheres } from '../server/src/modules/pulse/commands/atmosphereComputer';
import { submitPulse } from '../server/src/modules/pulse/commands/pulseAnswerWriter';
import { scheduleSurvey } from '../server/src/modules/pulse/commands/pulseScheduler';
import { roundResults } from '../server/src/modules/pulse/queries/pulseResults';
import { loadDepartmentIndex } from '../server/src/modules/people/queries/departmentIndex';
import { lastCompletePeriod } from '../server/src/modules/talent/jobs/talentJobs';
import { shanghaiDate } from '../server/src/util/dates';
import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import { keepScreenshot } from './support/browser';
import { buildDepartment } from './support/factories';

jest.setTimeout(120000);

describe('脉搏调查 in Chromium', () => {
  const ui = browserWorldForDescribe({ label: 'pulsepages', employees: 60, seed: 5 });
  let hr: Actor;
  let closedRound: number;
  const openRounds: number[] = [];
  let suppressed = 0;
  let teams = 0;

  beforeAll(async () => {
    const { ds, corpId } = ui.w;
    const depts = await loadDepartmentIndex(ds, corpId);
    const salesId = depts.departments.find((d) => d.name === '销售中心')!.deptId;
    const grants = await ds.getRepository(HrScope).find({ where: { corpId, userid: ui.demo.hr } });
    hr = { corpId, userid: ui.demo.hr, roles: ['employee', 'hr'], hrDeptIds: grants.map((g) => Number(g.deptId)) };
    const today = shanghaiDate(new Date());
    const yesterday = shanghaiDate(Date.now() - 86_400_000);
    const in7 = shanghaiDate(Date.now() + 7 * 86_400_000);

    // A round everyone of 销售中心 but the demo employee answered, closed yesterday.
    const a = await scheduleSurvey(ds, hr, { title: '销售中心月度脉搏', deptId: salesId, cadence: 'monthly', dueOn: today });
    closedRound = a.round.id;
    const sales = depts.subtree([salesId]);
    const people = (await ds.getRepository(User).find({ where: { corpId, status: 'active' }, order: { userid: 'ASC' } })).filter(
      (u) => u.mainDeptId !== null && sales.has(Number(u.mainDeptId)) && u.userid !== ui.demo.employee,
    );
    const comments = ['大客户项目需要售前更早介入', '希望多一些陪访', '跨部门协作比上季度顺畅'];
    for (const [i, u] of people.entries()) {
      const low = i % 3 === 0;
      await submitPulse(ds, { corpId, userid: u.userid, roles: ['employee'], hrDeptIds: [] }, closedRound, {
        enps: low ? 4 : 8 + (i % 3),
        stay: low ? 2 : 4,
        workload: low ? 2 : 3 + (i % 2),
        support: 3 + (i % 2),
        ...(i < comments.length ? { comment: comments[i] } : {}),
      });
    }
    await ds.getRepository(PulseRound).update({ corpId, id: closedRound }, { opensOn: yesterday, dueOn: yesterday });
    suppressed = (await roundResults(ds, hr, closedRound, new Date())).groups.filter((g) => !g.shown).length;

    // Two open rounds for the demo employee to answer, one per screen size.
    for (const title of ['本周脉搏（手机）', '本周脉搏（电脑）'])
      openRounds.push((await scheduleSurvey(ds, hr, { title, deptId: salesId, cadence: 'once', dueOn: in7 })).round.id);

    await computeOutcomeFacts(ds, corpId, { lastMonth: lastCompletePeriod(), bigDealFen: 1_000_000, now: new Date() });
    await computeAtmospheres(ds, corpId, yesterday.slice(0, 7));
    // 24 more teams under 销售中心 with an older month, so that 团队氛围 has more than one page (显示更多).
    const extra: number[] = [];
    for (let i = 0; i < 24; i++) extra.push((await buildDepartment(ds, corpId, { name: `销售${i + 1}组`, parentId: salesId })).deptId);
    const stored = new Set((await ds.getRepository(TeamAtmosphere).find({ where: { corpId } })).map((t) => Number(t.deptId)));
    for (const deptId of [...depts.subtree(hr.hrDeptIds), ...extra]) {
      if (stored.has(deptId)) continue;
      await ds.getRepository(TeamAtmosphere).save(
        Object.assign(new TeamAtmosphere(), {
          corpId,
          month: '2026-01',
          deptId,
          level: '中性',
          score: 0,
          respondents: 6,
          enps: 10,
          reasons: JSON.stringify(['eNPS 10，与上月持平']),
          actions: JSON.stringify(['保持每月一对一沟通']),
          computedAt: new Date(),
        }),
      );
    }
    teams = (await ds.getRepository(TeamAtmosphere).find({ where: { corpId } })).length;
    suppressed = (await roundResults(ds, hr, closedRound, new Date())).groups.filter((g) => !g.shown).length;
  });

  for (const [i, [label, viewport]] of (
    [
      ['phone', { width: 375, height: 812 }],
      ['pc', { width: 1440, height: 900 }],
    ] as const
  ).entries()) {
    it(`${label} (${viewport.width} px): the employee answers anonymously on 测评, once`, async () => {
      const { context, page, errors } = await signInAs(ui, ui.demo.employee, { viewport });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/assessments`);
      const card = page.getByTestId(`pulse-round-${openRounds[i]}`);
      await card.waitFor();
      expect(await card.textContent()).toContain('匿名：答案与姓名分开保存');
      await keepScreenshot(page, `${label}-employee-pulse-open`);
      await card.getByTestId('pulse-q-enps').getByRole('button', { name: '7', exact: true }).click();
      for (const q of ['stay', 'workload', 'support']) await card.getByTestId(`pulse-q-${q}`).getByRole('button', { name: '同意', exact: true }).click();
      await card.locator('textarea').fill('希望大客户项目有更多支持');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await card.getByTestId('pulse-submit').click();
      await card.getByText('已匿名提交，谢谢你的反馈').waitFor();
      expect(await card.getByTestId('pulse-submit').count()).toBe(0);
      await keepScreenshot(page, `${label}-employee-pulse-answered`);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`${label} (${viewport.width} px): HR reads results by team (small groups suppressed) and the 团队氛围`, async () => {
      const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/pulse-admin?round=${closedRound}`);
      const results = page.getByTestId('pulse-results');
      await results.waitFor();
      await results.getByText('eNPS').first().waitFor();
      const text = (await results.textContent())!;
      expect(text).toContain('销售中心月度脉搏');
      expect(text).toContain('大客户项目需要售前更早介入');
      expect(await results.getByText('样本不足 5 人，不显示').count()).toBe(suppressed);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await keepScreenshot(page, `${label}-hr-pulse-results`);

      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/pulse-admin`);
      await page.getByTestId('pulse-form').waitFor();
      await keepScreenshot(page, `${label}-hr-pulse-admin`);

      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/outcomes`);
      const atmo = page.getByTestId('outcome-atmosphere');
      await atmo.waitFor();
      expect(await atmo.textContent()).toMatch(/销售中心(积极|中性|消极)/);
      // The first 20 teams in tree order, the count, then 显示更多 a page at a time until every team shows.
      expect(teams).toBeGreaterThan(ATMOSPHERE_PAGE_SIZE);
      expect(await atmo.textContent()).toContain(`团队氛围 · ${teams} 个团队`);
      const cards = atmo.locator('[data-testid^="atmosphere-"]:not([data-testid="atmosphere-more"])');
      expect(await cards.count()).toBe(ATMOSPHERE_PAGE_SIZE);
      await atmo.scrollIntoViewIfNeeded();
      await keepScreenshot(page, `${label}-hr-outcomes-atmosphere`);
      const more = atmo.getByTestId('atmosphere-more');
      expect(await more.textContent()).toContain(`已显示 ${ATMOSPHERE_PAGE_SIZE} / ${teams} 个`);
      while ((await more.count()) > 0) {
        const before = await cards.count();
        await more.click();
        await page.waitForFunction(([n]) => document.querySelectorAll('[data-testid="outcome-atmosphere"] .atmo-card').length > n!, [before]);
      }
      expect(await cards.count()).toBe(teams);
      await more.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await keepScreenshot(page, `${label}-hr-outcomes-atmosphere-all`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
