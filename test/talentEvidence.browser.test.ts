/**
 * A portrait metric's evidence in headless Chromium against the real server, MariaDB and the DingTalk sandbox, on the
 * phone (375 px) and on PC (1440 px): HR sets a reference value on 岗位模型 (画像指标参考值); the employee's 我的画像
 * shows each metric with the team and company medians (数据不足 where too few people have a value), the reference,
 * and 查看来源 opens the rows it came from; HR sees the same on the person's 画像 tab.
 */
import type { Page } from 'playwright-core';
import { User } from '../server/src/entities';
import { recomputeTalent } from '../server/src/modules/talent/commands/talentRecomputer';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../server/src/modules/sync/commands/customerSegments';
import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import { buildFollowUp } from './support/factories';
import { keepScreenshot } from './support/browser';
import { buildBehaviour, TALENT_PERIOD, TALENT_TODAY, TIER_BEHAVIOURS } from './support/talentData';

jest.setTimeout(120000);

describe('portrait evidence in headless Chromium', () => {
  const ui = browserWorldForDescribe({ label: 'talentevidence', employees: 60, seed: 9 });
  let ready = false;
  /** The demo employee and three colleagues of the same main department get behaviour, so the team has a median. */
  const seed = async () => {
    if (ready) return;
    const { ds, corpId } = ui.w;
    const me = await ds.getRepository(User).findOneByOrFail({ corpId, userid: ui.demo.employee });
    const colleagues = (
      await ds.getRepository(User).find({ where: { corpId, status: 'active', mainDeptId: me.mainDeptId! }, order: { userid: 'ASC' } })
    ).filter((u) => u.userid !== me.userid && u.userid !== ui.demo.hr);
    expect(colleagues.length).toBeGreaterThanOrEqual(3);
    await buildBehaviour(ds, corpId, me.userid, TIER_BEHAVIOURS.move);
    for (const [i, tier] of (['train', 'reassign', 'insufficient'] as const).entries())
      await buildBehaviour(ds, corpId, colleagues[i]!.userid, TIER_BEHAVIOURS[tier]);
    // Follow-up notes of June: the employee's clients talk about after-sales service, a colleague's about delivery.
    const notes: [string, string][] = [
      [me.userid, '上门拜访。客户反馈售后响应速度慢，希望缩短处理时间。'],
      [me.userid, '电话回访。售后响应有改善，客户对合同续签有意向。'],
      [me.userid, '微信沟通。客户询问续签优惠，售后工单已关闭。'],
      [colleagues[0]!.userid, '客户对交付进度比较满意。'],
      [colleagues[0]!.userid, '交付进度正常，客户满意。'],
      [colleagues[0]!.userid, '客户抱怨发票开具不及时。'],
    ];
    for (const [i, [userid, content]] of notes.entries())
      await buildFollowUp(ds, corpId, { ownerUserid: userid, customerSourceId: `${userid}-big`, followedAt: new Date(`2026-06-${10 + i}T02:00:00Z`), content });
    await recomputeTalent(ds, corpId, TALENT_PERIOD, { bigDealFen: DEFAULT_SEGMENT_THRESHOLDS.bigDealFen, today: TALENT_TODAY });
    ready = true;
  };

  const fitsWidth = async (page: Page) => {
    const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(w.scroll).toBe(w.inner);
  };

  for (const [width, height] of [
    [375, 812],
    [1440, 900],
  ] as const) {
    const size = width < 1000 ? 'phone' : 'pc';
    it(`HR at ${width} px: sets the reference value of 大客户成交周期 on 岗位模型`, async () => {
      await seed();
      const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width, height } });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/job-models`);
      const editor = page.getByTestId('reference-editor');
      await editor.getByTestId('reference-bigCycleDays').waitFor();
      await editor.getByTestId('reference-edit-bigCycleDays').click();
      const value = editor.getByTestId('reference-value-bigCycleDays').locator('input');
      await value.fill('abc');
      expect(await editor.locator('.inline-error').textContent()).toContain('参考值：应为不小于 0 的数');
      expect(await editor.getByTestId('reference-save-bigCycleDays').isDisabled()).toBe(true);
      await value.fill(width < 1000 ? '30' : '29');
      await editor.getByTestId('reference-note-bigCycleDays').locator('input').fill('行业平均');
      await editor.getByTestId('reference-save-bigCycleDays').click();
      const expected = width < 1000 ? '参考值 30 天（行业平均） · 第 1 版，' : '参考值 29 天（行业平均） · 第 2 版，';
      await editor.getByTestId('reference-bigCycleDays').getByText(expected).waitFor();
      await editor.scrollIntoViewIfNeeded();
      await fitsWidth(page);
      await keepScreenshot(page, `${size}-hr-metric-references`);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`employee at ${width} px: 我的画像 shows each metric with medians, the reference and its source rows`, async () => {
      await seed();
      const { context, page, errors } = await signInAs(ui, ui.demo.employee, { viewport: { width, height } });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/my-portrait`);
      const section = page.getByTestId('portrait-evidence');
      await section.waitFor();
      // 大客户跟进经验: the employee 12, colleagues 8, 2, 3 → team median (3 + 8) ÷ 2 = 5.5 over 4 people.
      expect(await section.getByTestId('portrait-median-note').textContent()).toMatch(
        /^中位数取同一月份有数据的人：本部门为主部门“销售中心 \/ .+”，全公司为所有有画像的人。$/,
      );
      // Client-feedback keywords: 响应 and 续签 (2 notes of 6 in the company: 2 × ln 3) ahead of 售后 (3 of 6: 3 × ln 2).
      expect(await section.getByTestId('feedback-term').allTextContents()).toEqual(['响应2', '续签2', '售后3']);
      expect(await section.getByTestId('feedback-keywords').textContent()).toContain('近 3 个月 3 条跟进记录中');
      const months = section.getByTestId('metric-bigClientMonths');
      expect(await months.locator('strong').textContent()).toBe('12 个月');
      expect(await months.getByTestId('metric-bigClientMonths-team').textContent()).toBe('本部门中位数 5.5 个月（4 人）');
      expect(await months.getByTestId('metric-bigClientMonths-company').textContent()).toBe('全公司中位数 5.5 个月（4 人）');
      // Only one colleague has a satisfaction score: the medians say 数据不足 and why.
      expect(await section.getByTestId('metric-satisfaction-team').textContent()).toBe('本部门中位数：数据不足（4 人中 1 人有数据，至少需 3 人）');
      expect(await section.getByTestId('metric-bigCycleDays-reference').textContent()).toMatch(/^参考值 (30|29) 天（行业平均）$/);

      await fitsWidth(page);
      await keepScreenshot(page, `${size}-employee-portrait-evidence`);

      // A full-page capture resizes the window and may re-render the page: the sheet is opened after it, and its own
      // capture comes last.
      await page.waitForLoadState('networkidle');
      await months.getByTestId('metric-bigClientMonths-sources').click();
      const sheet = page.getByTestId('metric-sources');
      await sheet.getByTestId('metric-source-rows').waitFor();
      expect(await sheet.getByTestId('metric-source-row').count()).toBe(15);
      expect(await sheet.textContent()).toContain('统计区间 2024-07-01 至 2026-06-30，共 15 条');
      await sheet.getByTestId('metric-sources-close').click();
      await sheet.waitFor({ state: 'detached' });
      await months.getByTestId('metric-bigClientMonths-sources').click();
      await sheet.getByTestId('metric-source-rows').waitFor();
      await fitsWidth(page);
      await keepScreenshot(page, `${size}-employee-metric-sources`);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`HR at ${width} px: the person's 画像 tab shows the same evidence and opens the sources`, async () => {
      await seed();
      const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width, height } });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/person?u=${ui.demo.employee}&tab=portrait`);
      const tab = page.getByTestId('portrait-tab');
      await tab.getByTestId('metric-renewalRate').waitFor();
      expect(await tab.getByTestId('metric-renewalRate-team').textContent()).toMatch(/中位数 70%（3 人）$/);
      await tab.getByTestId('metric-renewalRate-sources').click();
      const sheet = page.getByTestId('metric-sources');
      await sheet.getByTestId('metric-source-rows').waitFor();
      expect(await sheet.getByTestId('metric-source-row').count()).toBe(10);
      expect(await sheet.getByTestId('metric-source-row').first().textContent()).toMatch(/已续签|未续签/);
      await fitsWidth(page);
      await keepScreenshot(page, `${size}-hr-person-metric-sources`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
