/**
 * 申诉 (HR) in headless Chromium against the real server: the disputes of people within HR's departments, open ones
 * first, filtered by state and searched; an open one resolved with an adjustment from the page (the same resolve API
 * as 发放批次), after which it shows as 已调整 with the amount, the reason and who answered. An employee is refused the
 * page. Phone (375 px) and PC (1440 px) screenshots.
 */
import type { Page } from 'playwright-core';
import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import { keepScreenshot } from './support/browser';
import { createDispute } from '../server/src/modules/pay/commands/disputeCreator';
import { resolveDispute } from '../server/src/modules/pay/commands/disputeResolver';
import { PayoutAdjustment, PayoutLine } from '../server/src/entities';
import { lastMonth, publishArticlesRun } from './support/payBrowserSetup';
import type { Actor } from '../server/src/appTypes';

jest.setTimeout(120000);

describe('申诉 in headless Chromium', () => {
  const ui = browserWorldForDescribe({ label: 'paydisp', employees: 30, seed: 11 });
  const period = lastMonth();
  let ready = false;

  /** A published run of 销售中心 with the articles' contract for the demo employee, one dispute open, one rejected. */
  const setup = async () => {
    if (ready) return;
    const { ds, corpId } = ui.w;
    const me = ui.demo.employee;
    const run = await publishArticlesRun(ui, period, { sourceId: 'DSP-150K', customerName: '华南大客户' });
    const admin: Actor = { corpId, userid: ui.demo.admin, roles: ['employee', 'admin'], hrDeptIds: [] };
    const line = (component: string) => ds.getRepository(PayoutLine).findOneByOrFail({ corpId, runId: run.id, userid: me, component });
    const employee: Actor = { corpId, userid: me, roles: ['employee'], hrDeptIds: [] };
    const coordination = await line('coordination');
    await createDispute(ds, employee, coordination.statementId, { lineId: coordination.id, reason: '与技术部协作 9 次，少算 1 次', expectedAmountCny: '1800' });
    const renewal = await line('renewal');
    const rejected = await createDispute(ds, employee, renewal.statementId, { lineId: renewal.id, reason: '续约应按 3 年计', expectedAmountCny: '2250' });
    await resolveDispute(ds, admin, rejected.id, { decision: 'reject', note: '合同续约 2 年，按合同计算无误' });
    ready = true;
  };

  const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
  const fitsWidth = async (page: Page) => {
    const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(w.scroll).toBe(w.inner);
  };

  it('HR at 1440 px: open disputes first, filters and search, an adjustment from the page', async () => {
    await setup();
    const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width: 1440, height: 900 } });
    await page.getByTestId('menu-payout-disputes').click();
    await page.getByTestId('payout-disputes-page').waitFor();
    await page.getByTestId('dispute-list').waitFor();
    expect(await page.getByTestId('dispute-filter').textContent()).toBe('待处理 1已调整 0已驳回 1全部 2');
    const items = page.getByTestId('dispute-list').locator('li');
    expect(await items.count()).toBe(1);
    expect(await items.first().textContent()).toContain('1,600.00 元 → 1,800.00 元');

    await page.getByTestId('dispute-filter').getByText('全部 2').click();
    expect(await items.count()).toBe(2);
    await page.getByTestId('dispute-search').locator('input').fill('续约');
    expect(await items.count()).toBe(1);
    expect(await items.first().getAttribute('data-status')).toBe('rejected');
    expect(await items.first().getByTestId('dispute-outcome').textContent()).toContain('处理理由：合同续约 2 年，按合同计算无误');
    await page.getByTestId('dispute-search').locator('input').fill('没有这个人');
    await page.getByTestId('dispute-list-empty').waitFor();
    await page.getByTestId('dispute-search').locator('input').fill('');
    await keepScreenshot(page, 'pc-hr-disputes-all');

    await page.getByTestId('dispute-filter').getByText('待处理 1').click();
    const open = items.first();
    await open.getByTestId('dispute-adjust').click();
    await page.getByTestId('dispute-resolve-error').waitFor();
    expect(await text(page, 'dispute-resolve-error')).toContain('处理理由');
    await open.getByTestId('dispute-note').locator('input').fill('核实协作记录，补发 1 次');
    await keepScreenshot(page, 'pc-hr-disputes-open');
    await open.getByTestId('dispute-adjust').click();
    await page.getByTestId('dispute-list-empty').waitFor();
    expect(await page.getByTestId('dispute-filter').textContent()).toBe('待处理 0已调整 1已驳回 1全部 2');
    const adjustment = await ui.w.ds.getRepository(PayoutAdjustment).findOneByOrFail({ corpId: ui.w.corpId, userid: ui.demo.employee });
    expect({ amountFen: Number(adjustment.amountFen), reason: adjustment.reason, appliedRunId: adjustment.appliedRunId }).toEqual({
      amountFen: 20_000,
      reason: '核实协作记录，补发 1 次',
      appliedRunId: null,
    });
    await page.getByTestId('dispute-filter').getByText('已调整 1').click();
    expect(await items.first().getByTestId('dispute-outcome').textContent()).toContain('调整 200.00 元，下期发放');
    await fitsWidth(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR at 375 px: the same list fits the phone', async () => {
    await setup();
    const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width: 375, height: 812 } });
    await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/payout-disputes`);
    await page.getByTestId('dispute-list').waitFor();
    await page.getByTestId('dispute-filter').getByText(/^全部/).click();
    await page.getByTestId('dispute-list').locator('li').nth(1).waitFor();
    await keepScreenshot(page, 'phone-hr-disputes');
    await fitsWidth(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('employee: 申诉 is refused', async () => {
    const { context, page } = await signInAs(ui, ui.demo.employee);
    expect(await page.getByTestId('menu-payout-disputes').count()).toBe(0);
    await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/payout-disputes`);
    await page.getByTestId('forbidden').waitFor();
    await context.close();
  });
});
