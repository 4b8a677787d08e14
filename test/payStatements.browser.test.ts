/**
 * 我的激励 → 激励明细 in headless Chromium against the real server, MariaDB and the DingTalk sandbox: a month's run of
 * 销售中心 computed by the same command the job runs and published; the employee sees the month's total, each line
 * with its arithmetic, the year to date, and disputes a line with a reason and the amount expected. Phone (375 px)
 * and PC (1440 px) screenshots.
 */
import type { Page } from 'playwright-core';
import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import { keepScreenshot } from './support/browser';
import { AuditEvent, PayoutAdjustment, PayoutDispute, PayoutRun } from '../server/src/entities';
import { lastMonth, publishArticlesRun } from './support/payBrowserSetup';
import { waitFor } from './support/waitFor';
import { recordAudits } from '../server/src/modules/audit/commands/auditRecorder';
import { AUDIT_COUNT_CAP } from '../server/src/modules/audit/queries/auditSearch';
import { shanghaiDate } from '../server/src/util/dates';

jest.setTimeout(120000);

describe('我的激励 → 激励明细 in headless Chromium', () => {
  const ui = browserWorldForDescribe({ label: 'paystmt', employees: 60, seed: 9 });
  const period = lastMonth();
  const periodLabel = `${period.slice(0, 4)} 年 ${Number(period.slice(5))} 月`;
  let ready = false;

  /** The demo plans, the articles' contract for the demo employee last month, and a published run of 销售中心. */
  const setup = async () => {
    if (ready) return;
    await publishArticlesRun(ui, period, { sourceId: 'UI-150K', customerName: '华北大客户' });
    ready = true;
  };

  const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
  const fitsWidth = async (page: Page) => {
    const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(w.scroll).toBe(w.inner);
  };

  for (const [width, height] of [
    [375, 812],
    [1440, 900],
  ] as const) {
    it(`employee at ${width} px: last month’s statement, line by line, with the year to date${width < 1000 ? ', and a dispute' : ''}`, async () => {
      await setup();
      const { context, page, errors } = await signInAs(ui, ui.demo.employee, { viewport: { width, height } });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/my-incentives`);
      await page.getByTestId('statement').waitFor();
      expect(await text(page, `statement-period-${period}`)).toBe(`${periodLabel}9,300.00 元`);
      expect(await text(page, 'statement-total')).toBe('9,300.00 元');
      if (period.startsWith(shanghaiDate(new Date()).slice(0, 4))) expect(await text(page, 'statements-ytd')).toContain('累计 9,300.00 元');
      const lines = page.getByTestId('statement-line');
      expect(await lines.count()).toBe(4);
      expect(await page.getByTestId('statement-line-amount').allTextContents()).toEqual(['1,200.00 元', '5,000.00 元', '1,500.00 元', '1,600.00 元']);
      expect((await page.getByTestId('statement-line-explain').allTextContents())[0]).toBe(
        `合同“华北大客户”（${period}-09 签约）：合同金额 150,000.00 元 × 0.8% = 1,200.00 元`,
      );
      expect(await text(page, 'statement-sum')).toBe('合计：1,200.00 + 5,000.00 + 1,500.00 + 1,600.00 = 9,300.00 元');
      await keepScreenshot(page, `${width < 1000 ? 'phone' : 'pc'}-employee-statement`);
      await fitsWidth(page);

      if (width < 1000) {
        const coordination = page.locator('[data-testid="statement-line"][data-component="coordination"]');
        await coordination.getByTestId('statement-line-dispute-open').click();
        const form = coordination.locator('.dispute-form');
        await form.waitFor();
        // A bad amount is named; nothing is recorded.
        await form.locator('textarea').fill('本月与技术部协作 9 次，少算了 1 次');
        await form.locator('input').fill('一千八');
        await form.getByTestId('dispute-submit').click();
        await page.getByTestId('dispute-error').waitFor();
        expect(await text(page, 'dispute-error')).toContain('期望金额应为金额（元）');
        expect(await ui.w.ds.getRepository(PayoutDispute).countBy({ corpId: ui.w.corpId })).toBe(0);
        await form.locator('input').fill('1800');
        await keepScreenshot(page, 'phone-employee-statement-dispute');
        await form.getByTestId('dispute-submit').click();
        await coordination.getByTestId('statement-line-dispute').waitFor();
        expect(await text(page, 'statement-line-dispute')).toBe('已申诉（期望 1,800.00 元）：待处理');
        expect(await ui.w.ds.getRepository(PayoutDispute).countBy({ corpId: ui.w.corpId, userid: ui.demo.employee, expectedFen: 180_000 })).toBe(1);
      } else {
        // The dispute made on the phone shows on the PC.
        expect(await text(page, 'statement-line-dispute')).toBe('已申诉（期望 1,800.00 元）：待处理');
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  for (const [width, height] of [
    [375, 812],
    [1440, 900],
  ] as const) {
    it(`HR at ${width} px: 员工档案 → 激励 shows the employee's statement read only; the supervisor gets no 激励 tab`, async () => {
      await setup();
      const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width, height } });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/person?u=${ui.demo.employee}&tab=pay`);
      await page.getByTestId('statement').waitFor();
      expect(await text(page, 'statement-total')).toBe('9,300.00 元');
      expect(await page.getByTestId('statement-line').count()).toBe(4);
      // Read only: HR answers disputes on 发放批次, not here.
      expect(await page.getByTestId('statement-line-dispute-open').count()).toBe(0);
      await fitsWidth(page);
      await keepScreenshot(page, `${width < 1000 ? 'phone' : 'pc'}-hr-person-pay`);
      await context.close();
      const sup = await signInAs(ui, ui.demo.supervisor, { viewport: { width, height } });
      await sup.page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/person?u=${ui.demo.employee}`);
      await sup.page.getByTestId('person-tab-kpi').waitFor();
      expect(await sup.page.getByTestId('person-tab-pay').count()).toBe(0);
      expect([...errors, ...sup.errors]).toEqual([]);
      await sup.context.close();
    });
  }

  it('someone without statements is told when they will appear', async () => {
    await setup();
    const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width: 375, height: 812 } });
    await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/my-incentives`);
    await page.getByTestId('statements-empty').waitFor();
    expect(await text(page, 'statements-empty')).toContain('还没有已发布的激励明细');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR at 1440 and 375 px: 发放批次 shows the published run with totals by department and its exports; a new run is computed and locked', async () => {
    await setup();
    const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width: 1440, height: 900 } });
    await page.getByTestId('menu-payout-runs').click();
    await page.getByTestId('payout-runs-page').waitFor();
    const published = page.locator('.payout-run', { hasText: periodLabel });
    await published.waitFor();
    expect(await published.getByTestId('run-status').textContent()).toBe('已发布');
    expect(await published.getByTestId('run-departments').textContent()).toContain('9,300.00 元');
    await published.getByTestId('run-export-csv').waitFor();
    await published.getByTestId('run-export-xlsx').waitFor();

    // The employee's dispute (made on the phone above) is waiting: HR answers it with an adjustment in the next run.
    const dispute = page.getByTestId('disputes').locator('li', { hasText: '本月与技术部协作 9 次' });
    await dispute.waitFor();
    expect(await dispute.textContent()).toContain('1,600.00 元 → 1,800.00 元');
    await keepScreenshot(page, 'pc-hr-payout-runs-dispute');
    await dispute.getByTestId('dispute-adjust').click();
    await page.getByTestId('dispute-resolve-error').waitFor();
    expect(await text(page, 'dispute-resolve-error')).toContain('处理理由');
    await dispute.getByTestId('dispute-note').locator('input').fill('核实协作记录，补发 1 次');
    await dispute.getByTestId('dispute-adjust').click();
    await page.getByTestId('disputes-empty').waitFor();
    const adjustment = await ui.w.ds.getRepository(PayoutAdjustment).findOneByOrFail({ corpId: ui.w.corpId, userid: ui.demo.employee });
    expect({ amountFen: Number(adjustment.amountFen), reason: adjustment.reason, appliedRunId: adjustment.appliedRunId }).toEqual({
      amountFen: 20_000,
      reason: '核实协作记录，补发 1 次',
      appliedRunId: null,
    });

    const thisMonth = shanghaiDate(new Date()).slice(0, 7);
    await page.getByTestId('run-period').locator('input').fill(thisMonth);
    await page.getByTestId('run-dept').selectOption({ label: '销售中心' });
    await page.getByTestId('run-create-submit').click();
    const fresh = page.locator('.payout-run', { hasText: `${thisMonth.slice(0, 4)} 年 ${Number(thisMonth.slice(5))} 月` });
    await fresh.waitFor();
    await fresh.getByText('草稿').waitFor();
    // 锁定 is enabled once the computation is done (Playwright waits for it).
    await fresh.getByTestId('run-lock').click();
    await fresh.getByText('已锁定').waitFor();
    await fresh.getByTestId('run-approve').waitFor();
    // The same month again: the server's Chinese refusal is shown.
    await page.getByTestId('run-create-submit').click();
    await page.getByTestId('run-create-error').waitFor();
    expect(await text(page, 'run-create-error')).toContain('同一员工每月只能在一个批次中发放');
    await keepScreenshot(page, 'pc-hr-payout-runs');
    await fitsWidth(page);

    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await page.locator('.payout-run').first().waitFor();
    await keepScreenshot(page, 'phone-hr-payout-runs');
    await fitsWidth(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR at 375 px: 开放接口令牌 on 发放批次 — a new token is shown once, reads the published payroll through the open API, and is revoked', async () => {
    await setup();
    const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width: 375, height: 812 } });
    await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/payout-runs`);
    const card = page.getByTestId('api-tokens');
    await card.waitFor();
    await card.getByTestId('api-token-name').locator('input').fill('金蝶 ERP');
    await card.getByTestId('api-token-create').click();
    await card.getByTestId('api-token-value').waitFor();
    const token = (await card.getByTestId('api-token-value').textContent())!.trim();
    expect(token).toMatch(/^lct_[A-Za-z0-9_-]{43}$/);
    const run = await ui.w.ds.getRepository(PayoutRun).findOneByOrFail({ corpId: ui.w.corpId, period, status: 'published' });
    const res = await fetch(`${ui.server.url}/open/v1/payout-runs/${run.id}/payroll`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    await card.locator('li', { hasText: '金蝶 ERP' }).waitFor();
    await keepScreenshot(page, 'phone-hr-api-tokens');
    await fitsWidth(page);
    await card.locator('li', { hasText: '金蝶 ERP' }).getByTestId('api-token-revoke').click();
    await card.locator('li', { hasText: '金蝶 ERP' }).getByText('已吊销').waitFor();
    expect((await fetch(`${ui.server.url}/open/v1/payout-runs/${run.id}/payroll`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('employee: 发放批次 is refused', async () => {
    const { context, page } = await signInAs(ui, ui.demo.employee);
    expect(await page.getByTestId('menu-payout-runs').count()).toBe(0);
    await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/payout-runs`);
    await page.getByTestId('forbidden').waitFor();
    await context.close();
  });

  it('admin on a 375 px phone: five tabs (three, “更多” with 发放批次 and 审计日志 among the rest, 消息), the page still fits the screen', async () => {
    await setup();
    const { context, page, errors } = await signInAs(ui, ui.demo.admin, { viewport: { width: 375, height: 812 } });
    await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/messages`);
    await page.getByTestId('messages-page').waitFor();
    expect(await page.locator('.app-tabbar .adm-tab-bar-item').count()).toBe(5);
    await page.getByTestId('nav-more').click();
    await page.getByTestId('more-sheet').waitFor();
    await page.getByTestId('more-audit-log').waitFor();
    await page.getByTestId('more-payout-runs').click();
    await page.getByTestId('payout-runs-page').waitFor();
    await page.locator('.payout-run').first().waitFor();
    await fitsWidth(page);
    await keepScreenshot(page, 'phone-admin-payout-runs');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('admin at 1440 and 375 px: 审计日志 finds the dispute and its resolution, pages, and exports (the export recorded)', async () => {
    await setup();
    const { context, page, errors } = await signInAs(ui, ui.demo.admin, { viewport: { width: 1440, height: 900 } });
    await page.getByTestId('menu-audit-log').click();
    await page.getByTestId('audit-log-page').waitFor();
    await page.getByTestId('audit-event').first().waitFor();
    await page.getByTestId('audit-action').locator('input').fill('pay.dispute.');
    await page.getByTestId('audit-search').click();
    await page.getByText('共 2 条').waitFor();
    expect(await page.getByTestId('audit-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual([
      'pay.dispute.resolve',
      'pay.dispute.create',
    ]);
    expect(await page.getByTestId('audit-event').first().textContent()).toContain('处理申诉');
    await keepScreenshot(page, 'pc-admin-audit-log');
    await page.getByTestId('audit-export').click();
    await waitFor(
      'the export recorded',
      async () => (await ui.w.ds.getRepository(AuditEvent).countBy({ corpId: ui.w.corpId, action: 'audit.log.export' })) === 1,
    );
    // A bad date is named.
    await page.getByTestId('audit-from').locator('input').fill('昨天');
    await page.getByTestId('audit-search').click();
    await page.getByTestId('audit-error').waitFor();
    expect(await text(page, 'audit-error')).toContain('开始日期应为日期 yyyy-mm-dd');

    // A long log: the count stops at 1,000 and says so; the pages go on.
    const reads = Array.from({ length: AUDIT_COUNT_CAP + 1 }, (_, i) => ({
      action: 'pay.statement.read',
      targetKind: 'payout_statement',
      targetId: `bulk-${i}`,
    }));
    await ui.w.ds.transaction((em) => recordAudits(em, { corpId: ui.w.corpId, userid: ui.demo.hr }, reads));
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await page.getByTestId('audit-event').first().waitFor();
    expect(await text(page, 'audit-total')).toBe('共 1,000+ 条');
    expect(await text(page, 'audit-page')).toBe('第 1 / 50+ 页');
    await page.getByTestId('audit-next').click();
    await page.getByText('第 2 / 50+ 页').waitFor();
    await keepScreenshot(page, 'phone-admin-audit-log');
    await fitsWidth(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR: 审计日志 is refused', async () => {
    const { context, page } = await signInAs(ui, ui.demo.hr);
    expect(await page.getByTestId('menu-audit-log').count()).toBe(0);
    await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/audit-log`);
    await page.getByTestId('forbidden').waitFor();
    await context.close();
  });
});
