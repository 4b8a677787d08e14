/**
 * The 数据 page in headless Chromium, on a phone (375 px) and a PC (1440 px): each source leads with whether it is
 * complete and fresh and what to do next; its figures match the API's and name what they count; nothing imported
 * reads 尚未导入; HR sees only its people's names in gaps; the quota card shows the edition, calls and events and a
 * month's forecast; a sync started from the page turns its source fresh. Screenshots: test-artifacts/screenshots/.
 */
import type { Page } from 'playwright-core';
import type { DataQuality } from '@liucai/shared';
import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import path from 'node:path';
import { keepScreenshot, SCREENSHOT_DIR } from './support/browser';
import { TestClient } from './support/httpClient';
import { dataSyncDeps, runRecordedSync } from './support/dataSyncWorld';

jest.setTimeout(180000);

describe('数据 page in headless Chromium', () => {
  const ui = browserWorldForDescribe({ label: 'datapage', employees: 60, seed: 11 });

  beforeAll(async () => {
    // Attendance, leave and the CRM synced (as the nightly sync would); departures never, nothing imported.
    const deps = dataSyncDeps(ui.w, { now: () => new Date(), lookbackDays: 14 });
    for (const kind of ['attendance', 'leave', 'crm'] as const) expect((await runRecordedSync(ui.w, kind, deps)).run.status).toBe('succeeded');
  });

  /** One part of the page on its own (a phone's full page is too tall to read at a glance). */
  const keepPart = (page: Page, testId: string, name: string) => page.getByTestId(testId).screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().textContent()) ?? '';
  const api = async (userid: string) => {
    const client = new TestClient(ui.server.url);
    await client.signIn(userid, ui.w.corpId);
    return (await client.call<DataQuality>('GET', '/api/v1/sync/quality')).body.data;
  };

  async function openData(userid: string, width: number, height: number) {
    const session = await signInAs(ui, userid, { viewport: { width, height } });
    await session.page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/data`);
    await session.page.getByTestId('quality-org').waitFor();
    await session.page.getByTestId('budget-forecast').waitFor();
    return session;
  }

  it('HR on a phone: states first, figures that match the API and say what they count, 尚未导入, in-scope names only', async () => {
    const quality = await api(ui.demo.hr);
    const { context, page, errors } = await openData(ui.demo.hr, 375, 812);
    expect(await text(page, 'state-attendance')).toBe('完整、最新');
    expect(await text(page, 'state-crm')).toBe('完整、最新');
    expect(await text(page, 'state-departures')).toBe('尚未同步');
    expect(await text(page, 'state-imports')).toBe('尚未导入');
    expect(await text(page, 'summary-imports')).toContain('尚未导入');
    expect(await text(page, 'next-imports')).toContain('下一步：在“导入”页下载模板');
    expect(await text(page, 'next-departures')).toContain('“离职同步”中点击“立即同步”');
    // Never "0 份 ✓ 无缺口" for something nobody imported.
    const body = (await page.textContent('body')) ?? '';
    expect(body).not.toContain('无缺口');
    expect(await page.getByTestId('holding-imports-1').count()).toBe(0);

    // Each figure on the page is the API's number, with its term, unit and what one of it is.
    const crm = quality.sources.find((s) => s.source === 'crm')!;
    const n = (v: number) => v.toLocaleString('zh-CN');
    expect(await text(page, 'holding-crm-0')).toBe(`客户 ${n(crm.holdings[0]!.count)} 个钉钉 CRM 中的企业客户与个人客户，已在钉钉删除的不计`);
    expect(await text(page, 'holding-crm-1')).toContain(`合同（钉钉 CRM）${n(crm.holdings[1]!.count)} 份`);
    const attendance = quality.sources.find((s) => s.source === 'attendance')!;
    expect(await text(page, 'holding-attendance-0')).toContain(`考勤记录 ${n(attendance.holdings[0]!.count)} 条`);
    expect(await text(page, 'holding-attendance-1')).toContain(`打卡记录 ${n(attendance.holdings[1]!.count)} 条`);
    // A sync card counts what its run wrote, and says so; calls and duration are the small print.
    expect(await text(page, 'sync-stat-rows-attendance')).toMatch(/^[\d,]+ 条本次新增或更新$/);
    expect(await text(page, 'sync-stat-detail-attendance')).toMatch(/^调用钉钉接口 [\d,]+ 次 · 耗时 /);

    // Gap names: HR sees how many are theirs and only their people's names.
    expect(quality.viewerScope).toBe('scope');
    for (const g of quality.sources.flatMap((s) => s.gaps).filter((x) => x.inScopeCount !== null)) {
      const shown = await page.getByTestId(`gap-examples-${g.id}`).first().textContent();
      expect(shown).toMatch(/^你负责的范围内/);
      // The first three, their dates shown as 5月18日.
      for (const example of g.examples.slice(0, 3)) expect(shown).toContain(example.replace(/( |（)\d{4}-\d{2}-\d{2}）?$/, ''));
    }

    // The quota: 标准版, calls and events against its limits, the forecast and what to do.
    expect(await text(page, 'budget-edition')).toBe('标准版');
    expect(await text(page, 'budget-meter')).toContain('/ 5,000 次');
    expect(await text(page, 'budget-events-meter')).toContain('/ 3,000 条');
    expect(await text(page, 'forecast-org')).toContain('通讯录接口与通讯录事件不计量');
    expect(await text(page, 'forecast-summary')).toMatch(/一个月约需计量调用 [\d,]+ 次/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await keepScreenshot(page, 'phone-hr-data');
    await keepPart(page, 'quality-card', 'phone-hr-data-sources');
    await keepPart(page, 'budget-card', 'phone-hr-data-budget');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('admin on a 1440 px PC: sources beside the quota, every name in the gaps, and a sync from the page turns its source fresh', async () => {
    const quality = await api(ui.demo.admin);
    const { context, page, errors } = await openData(ui.demo.admin, 1440, 900);
    const sources = (await page.getByTestId('quality-card').boundingBox())!;
    const budget = (await page.getByTestId('budget-card').boundingBox())!;
    expect(sources.width).toBeGreaterThan(600);
    expect(budget.x).toBeGreaterThan(sources.x + sources.width - 1);
    expect(Math.abs(budget.y - sources.y)).toBeLessThan(40);
    const named = quality.sources.flatMap((s) => s.gaps).find((g) => g.examples.length > 0 && g.inScopeCount !== null);
    if (named) expect(await text(page, `gap-examples-${named.id}`)).toMatch(/^例如：/);
    await keepScreenshot(page, 'pc-admin-data');

    await page.getByTestId('sync-now-departures').click();
    await page.getByTestId('state-departures').filter({ hasText: '完整、最新' }).waitFor({ timeout: 60000 });
    expect(await text(page, 'summary-departures')).toContain('已是最新');
    await keepScreenshot(page, 'pc-admin-data-synced');
    expect(errors).toEqual([]);
    await context.close();
  });
});
