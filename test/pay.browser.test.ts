/**
 * 我的激励 → 试算 and 激励方案 in headless Chromium against the real server, MariaDB and the DingTalk sandbox, with
 * the demo's plans seeded by the same function `npm start` uses: the articles' example computed in the browser,
 * line by line, equal to the server's answer; the old-plan comparison; bad input named; HR's plan page with a
 * copy edited, checked as it is typed, saved and published. Phone (375 px) and PC (1440 px) screenshots.
 */
import type { Page } from 'playwright-core';
import type { SimulationResult } from '@liucai/shared';
import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import { keepScreenshot } from './support/browser';
import { seedDemoIncentivePlans } from '../server/src/modules/pay/commands/demoIncentivePlansSeeder';
import { IncentivePlanVersion } from '../server/src/entities';
import { shanghaiDate } from '../server/src/util/dates';

jest.setTimeout(120000);

const EXPECTED_LINES = [
  ['合同提成', '1,200.00 元', '合同金额 150,000.00 元 × 0.8% = 1,200.00 元'],
  ['满意度奖金', '5,000.00 元', '客户满意度 9.2 ≥ 9，奖金 5,000.00 元'],
  ['续约提成', '1,500.00 元', '合同金额 150,000.00 元 × 0.5% × 续约 2 年 = 1,500.00 元'],
  ['资源协调奖励', '1,600.00 元', '与技术部协作 8 次 × 200.00 元 = 1,600.00 元'],
];

describe('我的激励 and 激励方案 in headless Chromium', () => {
  const ui = browserWorldForDescribe({ label: 'paypages', employees: 60, seed: 9 });
  let seeded = false;
  const seed = async () => {
    if (seeded) return;
    expect(await seedDemoIncentivePlans(ui.w.ds, ui.w.corpId, ui.demo.admin, shanghaiDate(new Date()))).not.toBeNull();
    seeded = true;
  };

  const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();
  const fill = async (page: Page, field: string, value: string) => page.getByTestId(`sim-${field}`).locator('input').fill(value);
  const fitsWidth = async (page: Page) => {
    const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(w.scroll).toBe(w.inner);
  };

  for (const [width, height] of [
    [375, 812],
    [1440, 900],
  ] as const) {
    it(`employee at ${width} px: 试算 shows the articles’ example line by line, the old plan’s 1,500.00 and the same figures as the server`, async () => {
      await seed();
      const { context, page, errors } = await signInAs(ui, ui.demo.employee, { viewport: { width, height } });
      await page.getByTestId('menu-my-incentives').click();
      await page.getByTestId('my-incentives-page').waitFor();
      await page.getByTestId('my-plan').waitFor();
      expect(await text(page, 'my-plan-name')).toBe('大客户价值激励方案');
      expect(await text(page, 'my-plan-since')).toMatch(/^\d{4}-\d{2}-01 起适用（按职位“销售代表”分配），此前为“销售提成方案（原）”$/);
      expect(await page.getByTestId('my-plan-rules').locator('li').count()).toBe(5);

      await fill(page, 'contractValueCny', '150,000');
      await fill(page, 'satisfaction', '9.2');
      await fill(page, 'renewalYears', '2');
      await fill(page, 'coordinations', '8');
      await page.getByTestId('sim-result').waitFor();
      expect(await text(page, 'sim-total')).toBe('9,300.00 元');
      const lines = page.getByTestId('sim-lines-line');
      expect(await lines.count()).toBe(4);
      const shown = [];
      for (const l of await lines.all()) {
        shown.push([
          await l.locator('.payout-line-label').textContent(),
          await l.getByTestId('sim-lines-amount').textContent(),
          await l.getByTestId('sim-lines-explain').textContent(),
        ]);
      }
      expect(shown).toEqual(EXPECTED_LINES);
      expect(await text(page, 'sim-sum')).toBe('合计：1,200.00 + 5,000.00 + 1,500.00 + 1,600.00 = 9,300.00 元');
      expect(await text(page, 'sim-previous-total')).toBe('1,500.00 元');
      expect(await text(page, 'sim-difference')).toBe('比原方案多 7,800.00 元');
      expect(await page.getByTestId('sim-previous-lines-explain').allTextContents()).toEqual(['合同金额 150,000.00 元 × 1% = 1,500.00 元']);

      // The browser's figures are the server's: the same shared code on both sides.
      const server = await page.evaluate(async () => {
        const res = await fetch('/api/v1/incentives/simulate', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ contractValueCny: 150000, satisfaction: 9.2, renewalYears: 2, coordinations: 8 }),
        });
        return ((await res.json()) as { data: SimulationResult }).data;
      });
      expect(server.totalFen).toBe(930_000);
      expect(server.lines.map((l) => l.explanation)).toEqual(EXPECTED_LINES.map((l) => l[2]));
      await keepScreenshot(page, `${width < 1000 ? 'phone' : 'pc'}-employee-my-incentives`);
      await fitsWidth(page);

      // Bad input is named under its field and no result is shown.
      await fill(page, 'contractValueCny', '-5');
      await fill(page, 'satisfaction', '10.5');
      expect(await text(page, 'sim-error-contractValueCny')).toBe('合同金额不能为负数');
      expect(await text(page, 'sim-error-satisfaction')).toBe('客户满意度应为 0 到 10 之间的分数（最多一位小数），如 9.2');
      expect(await page.getByTestId('sim-result').count()).toBe(0);
      if (width < 1000) await keepScreenshot(page, 'phone-employee-my-incentives-errors');
      // 填入示例 brings the example back.
      await page.getByTestId('sim-example').click();
      await page.getByText('比原方案多 7,800.00 元').waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('someone without a plan is told so', async () => {
    await seed();
    const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width: 375, height: 812 } });
    await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/my-incentives`);
    await page.getByTestId('no-plan').waitFor();
    expect(await text(page, 'no-plan')).toContain('你目前没有生效的激励方案');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR at 1440 and 375 px: 激励方案 lists the plans and versions; a copy is checked as it is typed, saved as a draft and published', async () => {
    await seed();
    const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width: 1440, height: 900 } });
    await page.getByTestId('menu-incentive-plans').click();
    await page.getByTestId('incentive-plans-page').waitFor();
    const big = page.getByTestId('plan-big-client-value');
    await big.waitFor();
    await page.getByTestId('plan-legacy-sales-1pct').waitFor();
    const v1 = await ui.w.ds
      .getRepository(IncentivePlanVersion)
      .findOneByOrFail({ corpId: ui.w.corpId, note: '首版：合同提成 0.8%、满意度奖金、续约提成、资源协调奖励' });
    expect(await big.getByTestId(`version-rules-${v1.id}`).locator('.plan-rule-text').allTextContents()).toEqual([
      '合同金额的 0.8%',
      '客户满意度 ≥ 9 时每份合同 5,000.00 元',
      '合同金额每续约一年 0.5%',
      '与技术部协作每次 200.00 元',
      '转入本方案后的前 3 个月，每月不低于转岗前月均激励的 100%',
    ]);
    await keepScreenshot(page, 'pc-hr-incentive-plans');

    await big.getByTestId(`copy-${v1.id}`).click();
    const editor = page.getByTestId('version-editor');
    await editor.waitFor();
    expect(await text(page, 'editor-preview')).toContain('9,300.00 元');
    const rate = editor.getByTestId('component-0-rate').locator('input');
    await rate.fill('120');
    await page.getByTestId('editor-problems').waitFor();
    expect(await text(page, 'editor-problems')).toBe(
      '第 1 个组件“合同提成”的比例 rateBp 应在 0 基点（0%）到 10,000 基点（100%）之间，现为 12,000 基点（120%）',
    );
    expect(await page.getByTestId('editor-save').isDisabled()).toBe(true);
    await rate.fill('1');
    await page.getByTestId('editor-problems').waitFor({ state: 'detached' });
    expect(await text(page, 'editor-preview')).toContain('9,600.00 元');
    await keepScreenshot(page, 'pc-hr-incentive-plan-editor');
    await page.getByTestId('editor-save').click();
    await page.getByTestId('version-editor').waitFor({ state: 'detached' });
    const v2 = await ui.w.ds.getRepository(IncentivePlanVersion).findOneByOrFail({ corpId: ui.w.corpId, planId: v1.planId, version: 2 });
    expect(v2.status).toBe('draft');
    expect(JSON.parse(v2.definition).components[0].rateBp).toBe(100);
    await big.getByTestId(`publish-${v2.id}`).click();
    await page.locator('.adm-dialog').getByRole('button', { name: '发布', exact: true }).click();
    await page.getByText(`已发布；第 1 版于 ${shanghaiDate(new Date())} 结束`).waitFor();
    await page.waitForFunction((id) => !document.querySelector(`[data-testid="publish-${id}"]`), v2.id);
    expect((await ui.w.ds.getRepository(IncentivePlanVersion).findOneByOrFail({ id: v2.id })).status).toBe('published');
    // A published version offers only a copy.
    await big.getByTestId(`copy-${v2.id}`).waitFor();
    expect(await big.getByTestId(`edit-${v2.id}`).count()).toBe(0);

    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await page.getByTestId('plan-big-client-value').waitFor();
    await keepScreenshot(page, 'phone-hr-incentive-plans');
    await fitsWidth(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('employee: the HR page is refused', async () => {
    const { context, page } = await signInAs(ui, ui.demo.employee);
    expect(await page.getByTestId('menu-incentive-plans').count()).toBe(0);
    await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/incentive-plans`);
    await page.getByTestId('forbidden').waitFor();
    await context.close();
  });
});
