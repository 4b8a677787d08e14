/**
 * The talent charts and the on-demand recompute in headless Chromium against the real server, MariaDB and the
 * DingTalk sandbox, at 375 and 1440 px: 我的画像's radar against the job model and its quarterly trend (ECharts
 * loaded lazily, drawn as SVG), the words instead of a chart for someone with too little data (员工档案 → 画像),
 * HR's 重新计算 on 人才盘点 with its progress bar running to the end, and the 月度 / 季度 switch of 我的画像 and
 * 员工档案 → 画像 showing the stored quarterly portrait.
 */
import type { Page } from 'playwright-core';
import { recomputeTalentWithQuarter } from '../server/src/modules/talent/commands/talentRecomputer';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../server/src/modules/sync/commands/customerSegments';
import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import { keepScreenshot } from './support/browser';
import { buildTierPeople, TALENT_PERIOD, TALENT_TODAY } from './support/talentData';

jest.setTimeout(120000);

/** The quarter ends recomputed with their quarters (2025Q3 … 2026Q2), so the trend has points (the last is TALENT_PERIOD). */
const QUARTER_ENDS = ['2025-09', '2025-12', '2026-03', TALENT_PERIOD];

describe('画像 charts and 重新计算 in headless Chromium', () => {
  const ui = browserWorldForDescribe({ label: 'talentcharts', employees: 40, seed: 9 });
  const chosen: Record<string, string> = {};
  let ready = false;
  const seed = async () => {
    if (ready) return;
    const { ds, corpId } = ui.w;
    Object.assign(chosen, await buildTierPeople(ds, corpId, ui.demo.hr));
    for (const period of QUARTER_ENDS)
      await recomputeTalentWithQuarter(ds, corpId, period, { bigDealFen: DEFAULT_SEGMENT_THRESHOLDS.bigDealFen, today: TALENT_TODAY });
    ready = true;
  };
  const fitsWidth = async (page: Page) => {
    const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(w.scroll).toBe(w.inner);
  };
  /** A chart drawn: its SVG is there and as wide as its box. */
  const drawn = async (page: Page, testId: string) => {
    const chart = page.getByTestId(testId);
    await chart.and(page.locator('[data-ready="true"]')).waitFor();
    await chart.locator('svg').first().waitFor();
    const size = await chart.evaluate((el) => ({ box: el.getBoundingClientRect().width, svg: el.querySelector('svg')!.getBoundingClientRect().width }));
    expect(size.svg).toBeGreaterThan(0);
    expect(Math.abs(size.svg - size.box)).toBeLessThan(2);
    return size.box;
  };

  for (const [width, height] of [
    [375, 812],
    [1440, 900],
  ] as const) {
    it(`employee at ${width} px: 我的画像 has the radar against the job model and the trend over the quarters`, async () => {
      await seed();
      expect(chosen.move).toBe(ui.demo.employee);
      const { context, page, errors } = await signInAs(ui, ui.demo.employee, { viewport: { width, height } });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/my-portrait`);
      await page.getByTestId('my-portrait-page').waitFor();
      await page.getByTestId('portrait-charts').waitFor();
      const radarWidth = await drawn(page, 'portrait-radar');
      await drawn(page, 'score-trend');
      const radar = (await page.getByTestId('portrait-radar').textContent()) ?? '';
      for (const label of ['客户洞察', '资源协调', '长期维护', '大客户销售目标（100）']) expect(radar).toContain(label);
      const trend = (await page.getByTestId('score-trend').textContent()) ?? '';
      expect(trend).toContain('2026Q2');
      expect(trend).toContain('立即转型');
      // Phone: the charts stack and fill the width; PC: side by side, each about half of the content.
      if (width < 1000) expect(radarWidth).toBeGreaterThan(300);
      else expect(radarWidth).toBeGreaterThan(400);
      await fitsWidth(page);
      await keepScreenshot(page, `${width < 1000 ? 'phone' : 'pc'}-employee-portrait-charts`);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`HR at ${width} px: 员工档案 → 画像 of someone with too little data says so instead of drawing`, async () => {
      await seed();
      const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width, height } });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/person?u=${chosen.insufficient}&tab=portrait`);
      const tab = page.getByTestId('portrait-tab');
      await tab.waitFor();
      expect(await tab.getByTestId('portrait-radar-insufficient').textContent()).toMatch(/^数据不足：.*没有数据，缺数据的权重超过允许范围，暂不画雷达图$/);
      expect(await tab.getByTestId('score-trend-insufficient').textContent()).toBe('数据不足：只有 0 个季度有匹配度，至少 2 个季度才能看出趋势');
      expect(await tab.locator('svg').count()).toBe(0);
      await fitsWidth(page);
      await keepScreenshot(page, `${width < 1000 ? 'phone' : 'pc'}-hr-portrait-insufficient`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  for (const [width, height] of [
    [375, 812],
    [1440, 900],
  ] as const) {
    it(`employee at ${width} px: 我的画像 → 季度 shows the stored quarterly portrait; HR's 员工档案 → 画像 has the same switch`, async () => {
      await seed();
      const { context, page, errors } = await signInAs(ui, ui.demo.employee, { viewport: { width, height } });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/my-portrait`);
      await page.getByTestId('portrait-charts').waitFor();
      await page.getByTestId('portrait-period-switch').getByText('季度').click();
      const quarter = page.getByTestId('quarter-portrait');
      await quarter.waitFor();
      expect(await quarter.textContent()).toContain('季度画像：2026 年第 2 季度');
      await drawn(page, 'portrait-radar');
      await drawn(page, 'score-trend');
      expect(await quarter.getByTestId('portrait-radar').textContent()).toContain('客户洞察');
      const evidence = quarter.getByTestId('quarter-portrait-evidence');
      expect(await evidence.textContent()).toContain('画像指标（2026 年第 2 季度）');
      expect(await evidence.getByTestId('metric-bigClientMonths').textContent()).toMatch(/大客户跟进经验\d+ 个月/);
      // The monthly view is one tap back.
      await page.getByTestId('portrait-period-switch').getByText('月度').click();
      await page.getByTestId('portrait-evidence').waitFor();
      await page.getByTestId('portrait-period-switch').getByText('季度').click();
      await evidence.waitFor();
      await fitsWidth(page);
      await keepScreenshot(page, `${width < 1000 ? 'phone' : 'pc'}-employee-portrait-quarter`);
      expect(errors).toEqual([]);
      await context.close();

      const hr = await signInAs(ui, ui.demo.hr, { viewport: { width, height } });
      await hr.page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/person?u=${chosen.move}&tab=portrait`);
      await hr.page.getByTestId('portrait-tab').waitFor();
      await hr.page.getByTestId('portrait-period-switch').getByText('季度').click();
      await hr.page.getByTestId('quarter-portrait-evidence').waitFor();
      expect(await hr.page.getByTestId('quarter-portrait').textContent()).toContain('2026 年第 2 季度');
      await fitsWidth(hr.page);
      await keepScreenshot(hr.page, `${width < 1000 ? 'phone' : 'pc'}-hr-person-portrait-quarter`);
      expect(hr.errors).toEqual([]);
      await hr.context.close();
    });
  }

  // Last: 重新计算 recomputes the real last month, which from January on closes a newer quarter (2026Q4) than the
  // stored ones the tests above expect.
  for (const [width, height] of [
    [375, 812],
    [1440, 900],
  ] as const) {
    it(`HR at ${width} px: 人才盘点 → 重新计算 runs to the end on the progress bar`, async () => {
      await seed();
      const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width, height } });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/talent-review`);
      await page.getByTestId('talent-review-page').waitFor();
      await page.getByTestId('tier-summary').waitFor();
      await page.getByTestId('recompute-start').click();
      await page.locator('[data-testid="recompute-progress"][data-state="succeeded"]').waitFor({ timeout: 60000 });
      expect(await page.getByTestId('recompute-status').textContent()).toMatch(/^\d{4}-\d{2}：已完成：改写 \d+ 人，\d+ 人数据没有变化、保持原结果$/);
      expect(await page.locator('.recompute-progress .adm-progress-bar-text').textContent()).toBe('100%');
      await fitsWidth(page);
      await keepScreenshot(page, `${width < 1000 ? 'phone' : 'pc'}-hr-talent-recompute`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
