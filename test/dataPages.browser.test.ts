/**
 * The 数据 and 导入 pages in headless Chromium against the real server, MariaDB and the DingTalk sandbox:
 * syncs with progress, the budget and data gaps; templates, a dry run, a commit with its progress bar, the
 * error file, and a re-import that changes nothing.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import { keepScreenshot } from './support/browser';
import { csvFile, readCsv, readXlsx } from './fixtures/importFiles';
import { Deal, ImportRun, SyncRun, User } from '../server/src/entities';

jest.setTimeout(120000);

const DEAL_HEADERS = ['合同编号', '客户名称', '负责人', '合同金额(元)', '签约日期', '续约年限', '状态'];
/** Enough rows that the commit takes a few seconds, so its progress bar is seen moving. */
const GOOD_ROWS = 20000;
const n = (v: number) => v.toLocaleString('zh-CN');

describe('数据 and 导入 pages in headless Chromium', () => {
  const ui = browserWorldForDescribe({ label: 'datapages', employees: 60, seed: 9 });

  const signIn = (userid: string) => signInAs(ui, userid, { acceptDownloads: true });

  const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

  it('HR: sees the sync cards and the budget, syncs attendance with progress to success, and the gaps with next steps', async () => {
    const { context, page, errors } = await signIn(ui.demo.hr);
    await page.getByTestId('menu-data').click();
    await page.getByTestId('data-page').waitFor();
    await page.getByTestId('budget-used').waitFor();
    const usedBefore = Number((await text(page, 'budget-used')).replace(/\D/g, ''));
    // 标准版 by default: 5,000 metered calls a month (doc 8.1).
    expect(await text(page, 'budget-card')).toContain('5,000');
    for (const kind of ['attendance', 'leave', 'departures']) {
      await page.getByTestId(`sync-card-${kind}`).waitFor();
      await page.getByTestId(`sync-never-${kind}`).waitFor();
    }
    // Never synced: the source says so first, and what to do next.
    expect(await text(page, 'state-attendance')).toBe('尚未同步');
    expect(await text(page, 'next-attendance')).toMatch(/下一步：.*立即同步/);
    await keepScreenshot(page, 'hr-data');

    // Slow DingTalk down so the progress bar is visible while the run is under way.
    ui.w.sandboxHandle.setFaults({ latencyMs: 60 });
    await page.getByTestId('sync-now-attendance').click();
    await page.getByTestId('sync-progress-attendance').waitFor();
    // While the first run is under way the card no longer asks to click 立即同步 (read in one go with the progress).
    const during = await page.evaluate(() => ({
      progress: document.querySelector('[data-testid="sync-progress-attendance"]') !== null,
      never: document.querySelector('[data-testid="sync-never-attendance"]')?.textContent ?? null,
    }));
    expect(during).toEqual({ progress: true, never: expect.stringContaining('第一次同步进行中') });
    await keepScreenshot(page, 'hr-data-syncing');
    await page.getByTestId('sync-progress-attendance').waitFor({ state: 'detached', timeout: 90000 });
    ui.w.sandboxHandle.setFaults({});
    await page.getByText('考勤同步完成').waitFor();
    await page.getByTestId('sync-last-attendance').waitFor();
    expect(await page.getByTestId('sync-error-attendance').count()).toBe(0);
    const run = await ui.w.ds.getRepository(SyncRun).findOneOrFail({ where: { corpId: ui.w.corpId, kind: 'attendance' }, order: { id: 'DESC' } });
    expect(run.status).toBe('succeeded');
    expect(await text(page, 'sync-last-attendance')).toContain(`${n(run.apiCalls)} 次`);
    // The world's calendar ends today, so the month the sync reads back holds real attendance: the card shows the
    // rows it wrote (with a fixed past calendar it read nothing and showed 0).
    expect(run.countRows).toBeGreaterThan(0);
    expect(await text(page, 'sync-stat-rows-attendance')).toBe(`${n(run.countRows)} 条本次新增或更新`);
    // The page reloads the budget and the gaps once the run ended.
    await page.waitForFunction((before) => Number(document.querySelector('[data-testid="budget-used"]')?.textContent?.replace(/\D/g, '')) > before, usedBefore);
    // A few dozen calls of 10,000 are under 1 %, which the card says rather than "0%" (read as nothing used).
    expect(await text(page, 'budget-percent')).toMatch(/^(<1|[1-9]\d*)%$/);
    await page.getByTestId('state-attendance').filter({ hasText: '完整、最新' }).waitFor();
    // Sources still to sync each say what to do next, and so does every gap that remains.
    for (const kind of ['leave', 'departures', 'crm']) expect(await text(page, `next-${kind}`)).toMatch(/^下一步：.*立即同步/);
    for (const g of await page.locator('li.gap').all()) expect(await g.textContent()).toContain('下一步：');
    await keepScreenshot(page, 'hr-data-synced');
    // The imported-data source leads to the 导入 page.
    await page.getByTestId('quality-go-imports').click();
    await page.getByTestId('imports-page').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('employee: has no 数据 or 导入 entries and is refused both pages', async () => {
    const { context, page } = await signIn(ui.demo.employee);
    expect(await page.getByTestId('menu-data').count()).toBe(0);
    expect(await page.getByTestId('menu-imports').count()).toBe(0);
    for (const path of ['data', 'imports']) {
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/${path}`);
      await page.getByTestId('forbidden').waitFor();
      expect(await page.getByTestId(`${path}-page`).count()).toBe(0);
    }
    await keepScreenshot(page, 'employee-imports-forbidden');
    await context.close();
  });

  it('HR: downloads templates, dry-runs a CSV with bad rows, commits with progress, gets the error file, and re-imports unchanged', async () => {
    const owner = await ui.w.ds.getRepository(User).findOneByOrFail({ corpId: ui.w.corpId, userid: ui.demo.employee });
    const hrName = (await ui.w.ds.getRepository(User).findOneByOrFail({ corpId: ui.w.corpId, userid: ui.demo.hr })).name;
    const { context, page, errors } = await signIn(ui.demo.hr);
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/v1/imports/')) uploads.push(r.url());
    });
    await page.getByTestId('menu-imports').click();
    await page.getByTestId('imports-page').waitFor();
    await page.getByTestId('recent-imports-empty').waitFor();
    await expect(text(page, 'import-columns')).resolves.toContain('合同金额(元)');
    expect(await text(page, 'import-limits')).toContain('50 MB');
    await keepScreenshot(page, 'hr-imports');

    // Templates: the CSV carries the Chinese headers, the .xlsx the same in its first row.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-csv').click()]);
    expect(csvDownload.suggestedFilename()).toBe('合同_成交导入模板.csv');
    const csvText = fs.readFileSync(await csvDownload.path(), 'utf8');
    expect(csvText.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(DEAL_HEADERS.join(','));
    await page.getByTestId('import-kinds').getByText('培训记录').click();
    await expect(text(page, 'import-columns')).resolves.toContain('完成度(%)');
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-xlsx').click()]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = await readXlsx(new Uint8Array(fs.readFileSync(await xlsxDownload.path())).buffer);
    expect(sheet[0]).toEqual(['员工', '课程', '完成度(%)', '考试成绩', '完成日期']);
    await page.getByTestId('import-kinds').getByText('合同/成交').click();

    // A wrong type is refused in the browser, before anything is sent.
    await page.getByTestId('import-file').setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect(text(page, 'import-file-error')).resolves.toContain('不支持的文件类型 .txt');
    expect(uploads).toEqual([]);
    // A file the server refuses: its message from the API envelope, in Chinese, and nothing to commit.
    const noHeaders = csvFile([
      ['合同编号', '客户'],
      ['A', 'B'],
    ]);
    await page.getByTestId('import-file').setInputFiles({ name: '缺列.csv', mimeType: 'text/csv', buffer: noHeaders });
    await expect(text(page, 'import-check-error')).resolves.toContain('缺少必填列：客户名称、负责人、合同金额(元)、签约日期');
    expect(await page.getByTestId('import-commit').count()).toBe(0);

    // Good rows plus two bad ones: row 3 (an amount with three decimals) and row 5 (an unknown owner).
    const rows: string[][] = [DEAL_HEADERS];
    for (let i = 0; i < GOOD_ROWS + 2; i++) {
      if (i === 1) rows.push(['HT-BAD-1', '西部建材', owner.userid, '100.123', '2026-01-01', '', '']);
      else if (i === 3) rows.push(['HT-BAD-2', '北方能源', 'nobody-here', '5000', '2026-01-02', '', '']);
      else rows.push([`HT-B-${String(i).padStart(6, '0')}`, `客户${i}`, owner.userid, '12,000', '2026-03-15', '1', '进行中']);
    }
    const file = { name: '历史合同.csv', mimeType: 'text/csv', buffer: csvFile(rows) };
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('dry-run-result').waitFor({ timeout: 60000 });
    expect(await text(page, 'dry-created')).toContain(n(GOOD_ROWS));
    expect(await text(page, 'dry-updated')).toContain('0');
    expect(await text(page, 'dry-unchanged')).toContain('0');
    expect(await text(page, 'dry-rejected')).toContain('2');
    const row3 = await text(page, 'rejection-3');
    expect(row3).toContain('第 3 行');
    expect(row3).toContain('合同金额(元)');
    expect(row3).toContain('最多两位小数');
    const row5 = await text(page, 'rejection-5');
    expect(row5).toContain('负责人');
    expect(row5).toContain('找不到员工');
    expect(await ui.w.ds.getRepository(Deal).countBy({ corpId: ui.w.corpId, source: 'import' })).toBe(0);
    await keepScreenshot(page, 'hr-imports-dry-run');

    // Commit: the progress bar follows the run (polled from the runs API), then the result and the error file.
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-progress').waitFor();
    await page.waitForFunction(() => /^[1-9]/.test(document.querySelector('[data-testid="import-progress-rows"]')?.textContent ?? ''), undefined, {
      timeout: 60000,
    });
    await keepScreenshot(page, 'hr-imports-committing');
    await page.getByTestId('import-result').waitFor({ timeout: 90000 });
    expect(await text(page, 'import-result-status')).toBe('已完成');
    expect(await text(page, 'result-created')).toContain(n(GOOD_ROWS));
    expect(await text(page, 'result-rejected')).toContain('2');
    expect(await ui.w.ds.getRepository(Deal).countBy({ corpId: ui.w.corpId, source: 'import' })).toBe(GOOD_ROWS);
    const first = await ui.w.ds.getRepository(ImportRun).findOneOrFail({ where: { corpId: ui.w.corpId }, order: { id: 'DESC' } });
    const href = await page.getByTestId('import-error-file').getAttribute('href');
    expect(href).toBe(`/api/v1/imports/runs/${first.id}/errors.csv`);
    // The link downloads through the API client (a failure would be shown), under the server's file name.
    const [errorDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-error-file').click()]);
    expect(errorDownload.suggestedFilename()).toBe('历史合同-错误行.csv');
    const errorFile = await context.request.get(`${ui.server.url}${href!}`);
    expect(errorFile.status()).toBe(200);
    // One line per rejected row: 行号, 错误说明, then the row's own cells (so the file can be fixed and imported again).
    const errorRows = readCsv(await errorFile.body()).rows;
    expect(errorRows[0]).toEqual(['行号', '错误说明', ...DEAL_HEADERS]);
    expect(errorRows.slice(1).map((r) => [r[0], r[1]!.split('：')[0], r[2]])).toEqual([
      ['3', '合同金额(元)', 'HT-BAD-1'],
      ['5', '负责人', 'HT-BAD-2'],
    ]);
    // The recent list shows the run: kind, file, who, counts.
    const listed = page.getByTestId(`import-run-${first.id}`);
    await listed.waitFor();
    const listedText = (await listed.textContent()) ?? '';
    for (const part of ['合同/成交', '历史合同.csv', hrName, `新增 ${n(GOOD_ROWS)}`, '拒绝 2', '已完成']) expect(listedText).toContain(part);
    await keepScreenshot(page, 'hr-imports-committed');

    // The same file again: nothing to create or update.
    await page.getByTestId('import-again').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('dry-run-result').waitFor({ timeout: 60000 });
    expect(await text(page, 'dry-unchanged')).toContain(n(GOOD_ROWS));
    expect(await text(page, 'dry-created')).toBe('0新增');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor({ timeout: 90000 });
    expect(await text(page, 'result-unchanged')).toContain(n(GOOD_ROWS));
    expect(await text(page, 'result-created')).toBe('0新增');
    expect(await text(page, 'result-updated')).toBe('0更新');
    expect(await ui.w.ds.getRepository(Deal).countBy({ corpId: ui.w.corpId, source: 'import' })).toBe(GOOD_ROWS);
    await keepScreenshot(page, 'hr-imports-reimported');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR at 375 px and 1440 px: a template that fails to download says why; a dry run shows its warnings first', async () => {
    const owner = await ui.w.ds.getRepository(User).findOneByOrFail({ corpId: ui.w.corpId, userid: ui.demo.employee });
    for (const width of [375, 1440]) {
      const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width, height: 900 }, acceptDownloads: true });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/imports`);
      await page.getByTestId('imports-page').waitFor();
      // One template answers a server error: the page says so instead of the browser silently cancelling.
      await page.route('**/api/v1/imports/templates/satisfaction.xlsx', (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ ok: false, error: { id: 'internal_error', message: '服务器内部错误，请稍后再试', details: null } }),
        }),
      );
      await page.getByTestId('import-kinds').getByText('客户满意度').click();
      await page.getByTestId('template-xlsx').click();
      await expect(text(page, 'template-download-error')).resolves.toBe('模板下载失败：服务器内部错误，请稍后再试');
      await keepScreenshot(page, `hr-imports-template-error-${width}`);
      // The other format still downloads, and picking another kind clears the message.
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-csv').click()]);
      expect(csv.suggestedFilename()).toBe('客户满意度导入模板.csv');
      await page.getByTestId('import-kinds').getByText('合同/成交').click();
      expect(await page.getByTestId('template-download-error').count()).toBe(0);

      // The deals template as downloaded (its example row), plus a contract with a customer the CRM lacks and
      // one signed in 2099: two warnings shown before the counts, and the 2099 row refused.
      const [dealsTemplate] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-csv').click()]);
      const template = readCsv(fs.readFileSync(await dealsTemplate.path())).rows;
      const rows = [
        ...template,
        [`HT-W-${width}`, '老系统里的客户', owner.userid, '8,000', '2025-06-30', '', ''],
        [`HT-F-${width}`, '老系统里的客户', owner.userid, '8,000', '2099-01-01', '', ''],
      ];
      await page.getByTestId('import-file').setInputFiles({ name: '带示例行.csv', mimeType: 'text/csv', buffer: csvFile(rows) });
      await page.getByTestId('dry-run-result').waitFor();
      const warnings = await text(page, 'dry-warnings');
      expect(warnings).toContain('导入前请先看这些提醒（2 条）');
      expect(warnings).toContain('模板中的示例行，已跳过（未导入）：第 2 行');
      expect(warnings).toContain('客户不在钉钉 CRM 中，已按所填名称导入：第 3 行');
      expect(await text(page, 'rejection-4')).toContain('晚于今天');
      const warningBox = (await page.getByTestId('dry-warnings').boundingBox())!;
      expect(warningBox.y).toBeLessThan((await page.getByTestId('dry-created').boundingBox())!.y);
      expect(await text(page, 'import-commit')).toMatch(/^已看过提醒，确认导入/);
      await keepScreenshot(page, `hr-imports-warnings-${width}`);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect(widths.scroll).toBe(widths.inner);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('admin on a 375 px phone: every page, with the data synced and imported above, fits the screen width', async () => {
    const { context, page, errors } = await signInAs(ui, ui.demo.admin, { viewport: { width: 375, height: 812 } });
    /** Each page and what shows once its data has loaded. */
    const pages: [string, string][] = [
      ['me', '[data-testid="me-supervisor"]'],
      ['org', '[data-testid="org-tree"]'],
      ['data', '[data-testid="sync-stat-rows-attendance"]'],
      ['imports', '[data-testid^="import-run-"]'],
      ['roles', `[data-testid="hr-entry-${ui.demo.hr}"]`],
    ];
    for (const [path, loaded] of pages) {
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/${path}`);
      await page.getByTestId(`${path}-page`).waitFor();
      await page.locator(loaded).first().waitFor();
      await page.waitForLoadState('networkidle');
      await keepScreenshot(page, `phone-admin-${path}`);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect({ path, ...widths }).toEqual({ path, scroll: widths.inner, inner: 375 });
      if (path === 'imports') {
        // The two template links share a line, or the second wraps to line up under the first (not under the label).
        const xlsx = (await page.getByTestId('template-xlsx').boundingBox())!;
        const csv = (await page.getByTestId('template-csv').boundingBox())!;
        expect(csv.y === xlsx.y ? csv.x > xlsx.x + xlsx.width : Math.abs(csv.x - xlsx.x) < 1).toBe(true);
        // "50 MB、500,000 行" is never split between a number and its unit.
        expect(
          await page
            .getByTestId('import-limits')
            .locator('.nowrap')
            .evaluate((e) => [e.textContent, e.getClientRects().length]),
        ).toEqual([expect.stringContaining('50 MB'), 1]);
      }
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
