import type { BrowserContext, Page } from 'playwright-core';
import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import { listen } from './support/testServer';
import { keepScreenshot } from './support/browser';
import { Department, HrScope, SyncRun, User } from '../server/src/entities';
import { movePageClock } from './support/laterClock';

jest.setTimeout(60000);

describe('micro-app in headless Chromium', () => {
  const ui = browserWorldForDescribe({ label: 'browser', employees: 60, seed: 9 });

  async function signIn(userid: string): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page, errors } = await signInAs(ui, userid);
    expect(errors).toEqual([]);
    return { context, page };
  }

  it('shows the sign-in page with the four demo users', async () => {
    const context = await ui.browser.newContext({ viewport: { width: 414, height: 860 }, locale: 'zh-CN' });
    await movePageClock(context);
    const page = await context.newPage();
    await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}`);
    for (const userid of Object.values(ui.demo)) await page.getByTestId(`demo-user-${userid}`).waitFor();
    await keepScreenshot(page, 'signin');
    await context.close();
  });

  it('employee: sees their profile and supervisor, and is refused the HR pages', async () => {
    const { context, page } = await signIn(ui.demo.employee);
    await expect(page.getByTestId('me-supervisor').textContent()).resolves.toContain(
      (await ui.w.ds.query('SELECT name FROM users WHERE corp_id = ? AND userid = ?', [ui.w.corpId, ui.demo.supervisor]))[0].name,
    );
    expect(await page.getByTestId('menu-org').count()).toBe(0);
    await keepScreenshot(page, 'employee-me');
    await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/org`);
    await page.getByTestId('forbidden').waitFor();
    await keepScreenshot(page, 'employee-org-forbidden');
    await context.close();
  });

  it('supervisor: signs in with the supervisor role', async () => {
    const { context, page } = await signIn(ui.demo.supervisor);
    await expect(page.getByTestId('me-roles').textContent()).resolves.toContain('主管');
    await keepScreenshot(page, 'supervisor-me');
    await context.close();
  });

  it('HR: sees the org within scope and runs "sync now" with progress to the end', async () => {
    const { context, page } = await signIn(ui.demo.hr);
    await page.getByTestId('menu-org').click();
    await page.getByTestId('org-tree').waitFor();
    await expect(page.getByTestId('org-tree').textContent()).resolves.toContain('销售中心');
    await expect(page.getByTestId('org-tree').textContent()).resolves.not.toContain('技术部');
    await keepScreenshot(page, 'hr-org');
    // Slow DingTalk down so the progress bar is visible while the run is under way.
    ui.w.sandboxHandle.setFaults({ latencyMs: 40 });
    const before = await ui.w.ds.getRepository(SyncRun).countBy({ corpId: ui.w.corpId, status: 'succeeded' });
    await page.getByTestId('sync-now').click();
    await page.getByTestId('sync-progress').waitFor();
    await keepScreenshot(page, 'hr-org-syncing');
    await page.getByTestId('sync-progress').waitFor({ state: 'detached', timeout: 45000 });
    ui.w.sandboxHandle.setFaults({});
    expect(await ui.w.ds.getRepository(SyncRun).countBy({ corpId: ui.w.corpId, status: 'succeeded' })).toBe(before + 1);
    await expect(page.getByTestId('sync-status').textContent()).resolves.toMatch(/60/);
    await keepScreenshot(page, 'hr-org-synced');
    await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/roles`);
    await page.getByTestId('forbidden').waitFor();
    await context.close();
  });

  it('admin: opens role settings and sees the HR scopes', async () => {
    const { context, page } = await signIn(ui.demo.admin);
    await page.getByTestId('menu-roles').click();
    await page.getByTestId(`hr-entry-${ui.demo.hr}`).waitFor();
    await expect(page.getByTestId(`hr-entry-${ui.demo.hr}`).textContent()).resolves.toContain('销售中心');
    await keepScreenshot(page, 'admin-roles');

    // Make the supervisor an HR for 技术部 through the page, as an admin would.
    const tech = await ui.w.ds.getRepository(Department).findOneByOrFail({ corpId: ui.w.corpId, name: '技术部' });
    const supervisor = await ui.w.ds.getRepository(User).findOneByOrFail({ corpId: ui.w.corpId, userid: ui.demo.supervisor });
    await page.getByTestId('add-hr').click();
    await page.getByTestId('user-search').locator('input').fill(supervisor.name);
    await page.getByTestId(`user-result-${ui.demo.supervisor}`).click();
    await page.getByTestId(`dept-option-${tech.deptId}`).click();
    await keepScreenshot(page, 'admin-roles-editor');
    await page.getByTestId('save-hr').click();
    await page.getByTestId(`hr-entry-${ui.demo.supervisor}`).waitFor();
    await expect(page.getByTestId(`hr-entry-${ui.demo.supervisor}`).textContent()).resolves.toContain('技术部');
    const granted = await ui.w.ds.getRepository(HrScope).findBy({ corpId: ui.w.corpId, userid: ui.demo.supervisor });
    expect(granted.map((g) => g.deptId)).toEqual([tech.deptId]);
    await context.close();
  });

  it('outside DingTalk in production says how to open the app, with no login form', async () => {
    const prod = await listen({ ...ui.w, sandbox: null });
    const context = await ui.browser.newContext({ viewport: { width: 414, height: 860 }, locale: 'zh-CN' });
    await movePageClock(context);
    const page = await context.newPage();
    try {
      await page.goto(`${prod.url}/app/?corpId=${ui.w.corpId}`);
      await page.getByTestId('signin-open-in-dingtalk').waitFor();
      await expect(page.getByTestId('signin-open-in-dingtalk').textContent()).resolves.toContain('钉钉');
      expect(await page.locator('[data-testid^="demo-user-"]').count()).toBe(0);
      await keepScreenshot(page, 'signin-production');
    } finally {
      await context.close();
      await prod.close();
    }
  });
});
