/**
 * 留才雷达 in Chromium at 375 and 1440 px: HR sees the list by band with drivers in words, the rule's reading and the
 * statement that the score is a prompt to talk; opens a person (weekly trend, signals) and records a review. A
 * supervisor sees their report's band and drivers, no numbers; an employee is refused the page.
 */
import { User, RetentionRisk, RetentionWeekSignal } from '../server/src/entities';
import { RETENTION_SCORE_NOTICE } from '@liucai/shared';
import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import { keepScreenshot } from './support/browser';

jest.setTimeout(120000);

const WEEKS = ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'];
const RULE_REASON = '沟通较本人基线 -60%，请假频率较本人基线 +40%：符合“沟通下降超过 50% 且请假频率上升超过 30%”，高风险（80%）';
const DRIVER = '近 4 周请假 3 次，是本人过去 12 周平均的 3 倍';
const FOLLOW_UPS = '近 4 周客户跟进 2 次，比本人过去 12 周平均每 4 周 8 次少 75%';

describe('留才雷达 in Chromium', () => {
  const ui = browserWorldForDescribe({ label: 'radar', employees: 60, seed: 5 });
  let target: User;
  let colleague: User;

  beforeAll(async () => {
    const users = ui.w.ds.getRepository(User);
    const reports = await users.find({ where: { corpId: ui.w.corpId, supervisorUserid: ui.demo.supervisor, status: 'active' }, order: { userid: 'ASC' } });
    const others = reports.filter((u) => u.userid !== ui.demo.employee);
    if (others.length < 2) throw new Error('the demo supervisor needs two reports besides the demo employee');
    [target, colleague] = [others[0]!, others[1]!];
    const risks = ui.w.ds.getRepository(RetentionRisk);
    const row = (userid: string, weekStart: string, band: '高' | '中' | '低', bp: number, fired: boolean) => ({
      corpId: ui.w.corpId,
      userid,
      weekStart,
      baseline: 'ok' as const,
      baselineWeeks: 12,
      ruleVersion: 'article-rule-v1',
      ruleFired: fired,
      ruleProbabilityBp: fired ? 8000 : null,
      communicationChangeBp: fired ? -6000 : -500,
      leaveChangeBp: fired ? 4000 : 0,
      modelVersion: 'logistic-l2-platt-v1:2026-11',
      modelProbabilityBp: bp,
      band,
      explanation: {
        ruleReason: fired ? RULE_REASON : '沟通较本人基线 -5%，请假频率较本人基线 +0%：未同时满足“沟通下降超过 50% 且请假频率上升超过 30%”',
        drivers: [DRIVER],
        modelNote: null,
        signals: { leaveCount: DRIVER, followUps: FOLLOW_UPS, communication: '近 4 周沟通每周 3 次，本人过去 12 周平均每周 15 次' },
        team: {
          status: 'ok' as const,
          peers: 5,
          note: null,
          rows: [
            { metric: 'leaveCount' as const, label: '请假', person: 3, team: 1, deviationBp: 20000, text: '近 4 周请假 3 次，团队人均 1 次' },
            { metric: 'followUps' as const, label: '客户跟进', person: 2, team: 9, deviationBp: -7778, text: '近 4 周客户跟进 2 次，团队人均 9 次' },
            { metric: 'communication' as const, label: '沟通', person: 12, team: 30.5, deviationBp: -6066, text: '近 4 周沟通 12 次，团队人均 30.5 次' },
          ],
        },
        domainSignals: [
          {
            key: 'payout' as const,
            label: '绩效发放',
            status: 'ok' as const,
            recent: 930000,
            baseline: 1200000,
            change: -0.225,
            text: '2026-11 绩效发放 9,300.00 元，本人前 3 个月平均 12,000.00 元，少 23%',
          },
          { key: 'matchScore' as const, label: '岗位匹配分', status: 'none' as const, recent: null, baseline: null, change: null, text: '岗位匹配分：无数据' },
          { key: 'training' as const, label: '培训', status: 'none' as const, recent: null, baseline: null, change: null, text: '培训：无数据' },
        ],
      },
      computedAt: new Date(),
    });
    const bps = [1200, 2500, 3800, 5200, 7400];
    for (let i = 0; i < WEEKS.length; i++) {
      await risks.insert(row(target!.userid, WEEKS[i]!, i < 2 ? '低' : i < 3 ? '中' : '高', bps[i]!, i === WEEKS.length - 1));
      await ui.w.ds.getRepository(RetentionWeekSignal).insert({
        corpId: ui.w.corpId,
        userid: target!.userid,
        weekStart: WEEKS[i]!,
        leaveCount: i > 2 ? 1 : 0,
        leaveDayHundredths: i > 2 ? 100 : 0,
        lateCount: 0,
        absenceCount: 0,
        unexcusedAbsenceCount: 0,
        followUps: 15 - i * 3,
        collaborations: 0,
        helping: 0,
        deals: 0,
        computedAt: new Date(),
      });
    }
    await risks.insert(row(colleague!.userid, WEEKS[4]!, '中', 3100, false));
    // HR's and the supervisor's own risks: never shown to them.
    await risks.insert(row(ui.demo.hr, WEEKS[4]!, '高', 9000, false));
    await risks.insert(row(ui.demo.supervisor, WEEKS[4]!, '高', 9000, false));
  });

  for (const [label, viewport] of [
    ['phone', { width: 375, height: 812 }],
    ['pc', { width: 1440, height: 900 }],
  ] as const) {
    it(`${label} (${viewport.width} px): HR reads the radar, opens a person and records a review`, async () => {
      const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport });
      await page.getByTestId('menu-retention').click();
      await page.getByTestId('retention-page').waitFor();
      await page.getByTestId('risk-item').first().waitFor();
      await expect(page.getByTestId('risk-notice').textContent()).resolves.toBe(RETENTION_SCORE_NOTICE);
      const items = page.getByTestId('risk-item');
      const first = (await items.nth(0).textContent())!;
      expect(first).toContain(target.name);
      expect(first).toContain('高风险');
      // The rule fired: its 80% over the model's 74%.
      expect(first).toContain('离职可能 80%');
      expect(first).toContain('沟通较本人基线 -60%');
      expect(first).toContain(DRIVER);
      expect(first).toContain('规则（article-rule-v1）');
      expect(await page.getByTestId('risk-list').textContent()).not.toContain('人事');
      expect(await page.locator('[data-testid="risk-item"]').count()).toBeGreaterThanOrEqual(2);
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await keepScreenshot(page, `${label}-hr-retention`);

      await items.nth(0).locator('button').click();
      await page.getByTestId('retention-person-page').waitFor();
      await page.getByTestId('risk-trend').waitFor();
      expect(await page.locator('.risk-trend-week').count()).toBe(WEEKS.length);
      await expect(page.getByTestId('risk-rule').textContent()).resolves.toContain('高风险（80%）');
      await expect(page.getByTestId('risk-signals').textContent()).resolves.toContain('本人过去 12 周平均每周 15 次');
      // The team comparison beside each signal, and the signals of pay, talent and training (无数据 where none).
      await expect(page.getByTestId('risk-team-note').textContent()).resolves.toBe('团队：主部门其他在职成员 5 人，同样的近 4 周人均');
      const followUps = page.locator('[data-testid="risk-signal-table"] tr[data-metric="followUps"]');
      await expect(followUps.locator('th').textContent()).resolves.toBe('客户跟进');
      await expect(followUps.getByTestId('team-amount').textContent()).resolves.toContain('9');
      await expect(followUps.getByTestId('team-deviation').textContent()).resolves.toContain('低于团队 78%');
      await expect(
        page.locator('[data-testid="risk-signal-table"] tr[data-metric="leaveCount"]').getByTestId('team-deviation').textContent(),
      ).resolves.toContain('高于团队 200%');
      const domain = (await page.getByTestId('risk-domain-signals').textContent())!;
      expect(domain).toContain('2026-11 绩效发放 9,300.00 元');
      expect(domain).toContain('岗位匹配分：无数据');
      expect(domain).toContain('培训：无数据');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.getByTestId('risk-signals').scrollIntoViewIfNeeded();
      await keepScreenshot(page, `${label}-hr-retention-signals`);
      await keepScreenshot(page, `${label}-hr-retention-person`);
      await page.getByRole('button', { name: '误报' }).click();
      await page.getByTestId('review-note').fill(`${label}：本人近期家中有事，已请假说明`);
      await page.getByTestId('review-submit').click();
      await page
        .getByTestId('risk-reviews')
        .locator('li', { hasText: `${label}：本人近期家中有事，已请假说明` })
        .waitFor();
      expect(await page.getByTestId('risk-trend').count()).toBe(1);
      expect(await page.getByTestId('risk-reviews').textContent()).toContain('误报');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await keepScreenshot(page, `${label}-hr-retention-reviewed`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('a supervisor sees their reports’ bands and drivers, no numbers; an employee is refused', async () => {
    const sup = await signInAs(ui, ui.demo.supervisor, { viewport: { width: 375, height: 812 } });
    await sup.page.getByTestId('menu-retention').click();
    await sup.page.getByTestId('risk-item').first().waitFor();
    const list = (await sup.page.getByTestId('risk-list').textContent())!;
    expect(list).toContain(target.name);
    expect(list).toContain(colleague.name);
    expect(list).toContain(DRIVER);
    expect(list).not.toContain('离职可能');
    expect(list).not.toContain('规则（');
    await keepScreenshot(sup.page, 'phone-supervisor-retention');
    await sup.page.getByTestId('risk-item').first().locator('button').click();
    await sup.page.getByTestId('risk-trend').waitFor();
    expect(await sup.page.getByTestId('review-form').count()).toBe(0);
    expect(await sup.page.getByTestId('risk-signals').count()).toBe(0);
    expect(sup.errors).toEqual([]);
    await sup.context.close();

    const emp = await signInAs(ui, ui.demo.employee, { viewport: { width: 375, height: 812 } });
    expect(await emp.page.getByTestId('menu-retention').count()).toBe(0);
    await emp.page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/retention`);
    await emp.page.getByText('无权访问').first().waitFor();
    expect(await emp.page.getByTestId('risk-list').count()).toBe(0);
    await keepScreenshot(emp.page, 'phone-employee-retention-refused');
    await emp.context.close();
  });
});
