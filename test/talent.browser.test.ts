/**
 * 人才盘点 in headless Chromium against the real server, MariaDB and the DingTalk sandbox: four salespeople of the
 * demo HR's 销售中心 with behaviour that lands them in each tier (and one with too little data), recomputed by the
 * talent job's command; HR sees the distribution and each person's score, main gap and dimensions, filters by
 * tier, on the phone (375 px) and on PC (1440 px); an employee is refused the page.
 */
import type { Page } from 'playwright-core';
import { recomputeTalent } from '../server/src/modules/talent/commands/talentRecomputer';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../server/src/modules/sync/commands/customerSegments';
import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import { keepScreenshot, waitForListed } from './support/browser';
import { buildTierPeople, TALENT_PERIOD, TALENT_TODAY } from './support/talentData';

jest.setTimeout(120000);

describe('人才盘点 in headless Chromium', () => {
  const ui = browserWorldForDescribe({ label: 'talentpages', employees: 60, seed: 9 });
  const chosen: Record<string, string> = {};
  let ready = false;
  const seed = async () => {
    if (ready) return;
    const { ds, corpId } = ui.w;
    Object.assign(chosen, await buildTierPeople(ds, corpId, ui.demo.hr));
    const out = await recomputeTalent(ds, corpId, TALENT_PERIOD, { bigDealFen: DEFAULT_SEGMENT_THRESHOLDS.bigDealFen, today: TALENT_TODAY });
    expect(out.people).toBe(4);
    ready = true;
  };

  const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
  const listed = (page: Page, n: number) => waitForListed(page, 'talent-list', n);
  const fitsWidth = async (page: Page) => {
    const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(w.scroll).toBe(w.inner);
  };

  for (const [width, height] of [
    [375, 812],
    [1440, 900],
  ] as const) {
    it(`HR at ${width} px: the tier distribution, each person's score, tier, main gap and dimensions, a tier filter`, async () => {
      await seed();
      const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width, height } });
      if (width > 1000) await page.getByTestId('menu-talent-review').click();
      else await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/talent-review`);
      await page.getByTestId('talent-review-page').waitFor();
      await page.getByTestId('tier-summary').waitFor();
      for (const [tier, n] of [
        ['move', '1'],
        ['train', '1'],
        ['reassign', '1'],
        ['insufficient', '1'],
      ])
        expect(await page.getByTestId(`tier-count-${tier}`).locator('.tier-count-value').textContent()).toBe(n);

      const move = page.getByTestId(`talent-${chosen.move}`);
      expect(await move.getByTestId('talent-score').textContent()).toBe('92.5');
      expect(await move.locator('.tier-tag').textContent()).toBe('立即转型');
      expect(await move.getByTestId('talent-gap').textContent()).toBe('主要差距：资源协调（得分 80.0，少得 7.5 分）');
      expect(await move.getByTestId('talent-decision').textContent()).toBe('建议档位，HR 尚未决定');
      const train = page.getByTestId(`talent-${chosen.train}`);
      expect(await train.getByTestId('talent-score').textContent()).toBe('65.9');
      expect(await train.locator('.tier-tag').textContent()).toBe('先培训');
      expect(await page.getByTestId(`talent-${chosen.reassign}`).locator('.tier-tag').textContent()).toBe('调岗');
      const none = page.getByTestId(`talent-${chosen.insufficient}`);
      expect(await none.getByTestId('talent-score').textContent()).toBe('—');
      expect(await none.textContent()).toContain('数据不足');
      expect(await none.getByTestId('talent-gap').count()).toBe(0);
      // Listed from the highest score down; those without a score last.
      const order = await page
        .getByTestId('talent-list')
        .locator('> article')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      expect(order).toEqual([chosen.move, chosen.train, chosen.reassign, chosen.insufficient].map((u) => `talent-${u}`));
      await keepScreenshot(page, `${width < 1000 ? 'phone' : 'pc'}-hr-talent-review`);
      await fitsWidth(page);

      // The list is counted and paged by the server: 共 4 人, one page.
      expect(await text(page, 'talent-pager-summary')).toBe('共 4 人');
      await page.getByTestId('tier-count-train').click();
      await listed(page, 1);
      expect(await text(page, 'talent-review-page')).toContain('先培训（共 1 人）');
      await page.getByTestId('tier-count-train').click();
      await listed(page, 4);

      // HR decides on the phone: an adjustment without a reason is refused on the page, with one it is kept.
      const trainCard = page.getByTestId(`talent-${chosen.train}`);
      if (width < 1000) {
        await trainCard.getByTestId('decision-override').click();
        await trainCard.getByTestId('decision-form').waitFor();
        await trainCard.locator('.adm-selector-item', { hasText: '立即转型' }).click();
        await trainCard.getByTestId('decision-save').click();
        expect(await trainCard.getByTestId('decision-error').textContent()).toContain('理由必填');
        await trainCard.getByTestId('decision-reason').locator('textarea').fill('已带教两个大客户项目');
        await trainCard.getByTestId('decision-save').click();
        await trainCard.getByTestId('decision-form').waitFor({ state: 'detached' });
      }
      // …and on PC (after the phone) it shows as HR's decision in force.
      await page.waitForFunction(
        (id) => document.querySelector(`[data-testid="talent-${id}"] [data-testid="talent-decision"]`)?.textContent?.includes('HR 决定：立即转型'),
        chosen.train,
      );
      expect(await trainCard.getByTestId('talent-decision').textContent()).toBe('HR 决定：立即转型（调整，理由：已带教两个大客户项目）');
      const moveName = (await move.locator('.talent-person-name').textContent()) ?? '';
      await page.getByTestId('talent-search').locator('input').fill(moveName);
      await listed(page, 1);
      await page.getByTestId('talent-search').locator('input').fill('');
      await listed(page, 4);

      // 按部门 and 九宫格: the same people, counted per department and placed by tier and recent sales.
      await page.getByTestId('talent-view-departments').click();
      const deptTable = page.getByTestId('department-tiers');
      await deptTable.waitFor();
      expect(await deptTable.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
      const totals = await deptTable.locator('tbody tr td:last-child').allTextContents();
      expect(totals.reduce((n, t) => n + Number(t), 0)).toBe(4);
      await keepScreenshot(page, `${width < 1000 ? 'phone' : 'pc'}-hr-talent-departments`);
      await page.getByTestId('talent-view-nineBox').click();
      await page.getByTestId('nine-box').waitFor();
      const counts = await page.locator('.nine-box-count').allTextContents();
      expect(counts).toHaveLength(9);
      expect(counts.reduce((n, t) => n + Number(t), 0)).toBe(3);
      expect(await page.locator('[data-testid^="nine-box-move-"] a').allTextContents()).toEqual([moveName]);
      expect(await text(page, 'nine-box')).toContain('另有 1 人数据不足');
      // The figures are as of the last recompute, and the page says when that was.
      expect(await text(page, 'nine-box')).toMatch(/按 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 的重新计算/);
      await fitsWidth(page);
      await keepScreenshot(page, `${width < 1000 ? 'phone' : 'pc'}-hr-talent-nine-box`);
      // A box opened: its people with score and recent sales, read from the server one page at a time.
      await page.locator('[data-testid^="nine-box-open-move-"]').first().click();
      await page.getByTestId('nine-box-cell').waitFor();
      expect(await page.locator('[data-testid="nine-box-cell-person"] a').allTextContents()).toEqual([moveName]);
      expect(await text(page, 'nine-box-cell')).toContain('匹配度');
      expect(await text(page, 'nine-box-cell-pager-summary')).toBe('共 1 人');
      await fitsWidth(page);
      await keepScreenshot(page, `${width < 1000 ? 'phone' : 'pc'}-hr-talent-nine-box-cell`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  for (const [width, height] of [
    [375, 812],
    [1440, 900],
  ] as const) {
    it(`supervisor at ${width} px: 我的团队 shows the reports' scores and tiers, not themself, without decision buttons`, async () => {
      await seed();
      const { context, page, errors } = await signInAs(ui, ui.demo.supervisor, { viewport: { width, height } });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/my-team`);
      await page.getByTestId('my-team-page').waitFor();
      await page.getByTestId(`talent-${ui.demo.employee}`).waitFor();
      expect(await page.getByTestId(`talent-${ui.demo.supervisor}`).count()).toBe(0);
      expect(await page.getByTestId('decision-controls').count()).toBe(0);
      expect(await page.getByTestId(`talent-${ui.demo.employee}`).locator('.tier-tag').textContent()).toBe('立即转型');
      await fitsWidth(page);
      await keepScreenshot(page, `${width < 1000 ? 'phone' : 'pc'}-supervisor-my-team`);
      // The report's 员工档案 → 画像: the newest score, the months, and each metric with what it means or lacks.
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/person?u=${ui.demo.employee}&tab=portrait`);
      const tab = page.getByTestId('portrait-tab');
      await tab.waitFor();
      expect(await tab.getByTestId('talent-score').textContent()).toBe('92.5');
      expect(await tab.getByTestId('portrait-history').locator('tbody tr').count()).toBe(1);
      expect(await tab.getByTestId('metric-collaborationsPerMonth').textContent()).toContain('次/月');
      expect(await tab.getByTestId('metric-satisfaction').textContent()).toMatch(/分|数据不足/);
      await fitsWidth(page);
      await keepScreenshot(page, `${width < 1000 ? 'phone' : 'pc'}-supervisor-person-portrait`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  for (const [width, height] of [
    [375, 812],
    [1440, 900],
  ] as const) {
    it(`employee at ${width} px: 我的画像 shows only their own score, tier, gap and every dimension`, async () => {
      await seed();
      const { context, page, errors } = await signInAs(ui, ui.demo.employee, { viewport: { width, height } });
      if (width > 1000) await page.getByTestId('menu-my-portrait').click();
      else await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/my-portrait`);
      await page.getByTestId('my-portrait-page').waitFor();
      const mine = page.getByTestId(`talent-${ui.demo.employee}`);
      await mine.waitFor();
      expect(chosen.move).toBe(ui.demo.employee);
      expect(await page.locator('article.talent-person').count()).toBe(1);
      expect(await mine.getByTestId('talent-score').textContent()).toBe('92.5');
      expect(await mine.locator('.tier-tag').textContent()).toBe('立即转型');
      expect(await mine.getByTestId('talent-gap').textContent()).toBe('主要差距：资源协调（得分 80.0，少得 7.5 分）');
      expect(await mine.locator('.talent-dim').count()).toBe(5);
      expect(await text(page, 'my-portrait-page')).toContain('与“大客户销售”的匹配度');
      await fitsWidth(page);
      await keepScreenshot(page, `${width < 1000 ? 'phone' : 'pc'}-employee-my-portrait`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  for (const [width, height] of [
    [375, 812],
    [1440, 900],
  ] as const) {
    it(`HR at ${width} px: 岗位模型 — copy to a draft with live weight checks and a live preview, its impact on everyone, publish`, async () => {
      await seed();
      const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width, height } });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/job-models`);
      const card = page.getByTestId('job-model-big_client_sales');
      await card.waitFor();
      if (width < 1000) {
        // The phone copies version 1 into a draft, breaking and fixing the weight total on the way.
        await card.locator('[data-testid^="jm-copy-"]').click();
        const editor = page.getByTestId('job-model-editor');
        await editor.waitFor();
        await editor.getByTestId('jm-weight-1').locator('input').fill('40');
        expect(await editor.getByTestId('jm-total').textContent()).toBe('权重合计 110%，应为 100%');
        expect(await editor.getByTestId('jm-problems').textContent()).toContain('合计为 110');
        expect(await editor.getByTestId('jm-save').isDisabled()).toBe(true);
        await editor.getByTestId('jm-weight-0').locator('input').fill('10');
        expect(await editor.getByTestId('jm-total').textContent()).toBe('权重合计 100% ✓');
        for (const [i, v] of ['12', '3', '85'].entries()) await editor.getByTestId(`jm-sample-${i}`).locator('input').fill(v);
        // 10 × 100 + 40 × 60 + 30 × 100 over the 80 with data: 80.
        expect(await editor.getByTestId('jm-preview').locator('strong').textContent()).toBe('80 分 · 立即转型');
        await keepScreenshot(page, 'phone-hr-job-model-editor');
        await editor.getByTestId('jm-save').click();
        await editor.waitFor({ state: 'detached' });
      }
      // The draft (version 2) shows its impact on everyone with a portrait: old score → new score and why.
      const impact = card.locator('[data-testid^="impact-"]').first();
      if (width > 1000) await card.locator('[data-testid^="jm-impact-"]').first().click();
      await impact.waitFor();
      await page.getByTestId('impact-summary').waitFor();
      expect(await page.getByTestId('impact-summary').textContent()).toMatch(/^按 2026-06 的画像，4 人中 \d 人匹配度变化/);
      const moveRow = page.getByTestId(`impact-row-${chosen.move}`);
      expect(await moveRow.textContent()).toContain('权重');
      await fitsWidth(page);
      await keepScreenshot(page, `${width < 1000 ? 'phone' : 'pc'}-hr-job-models`);
      if (width > 1000) {
        await card.locator('[data-testid^="jm-publish-"]').click();
        await page.locator('.adm-dialog').getByText('4 人中').waitFor();
        await page.locator('.adm-dialog-button', { hasText: '发布' }).click();
        await page.waitForFunction(() => !document.querySelector('[data-testid^="jm-publish-"]'));
        const newest = card.locator('[data-testid^="version-"]').first();
        expect(await newest.textContent()).toContain('第 2 版');
        expect(await newest.textContent()).toContain('已发布');
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('employee: the page is refused', async () => {
    const { context, page } = await signInAs(ui, ui.demo.employee);
    expect(await page.getByTestId('menu-talent-review').count()).toBe(0);
    await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/talent-review`);
    await page.getByTestId('forbidden').waitFor();
    await context.close();
  });
});
