/**
 * 人员 and 员工档案 in headless Chromium against the real server, MariaDB and a synced sandbox company (org,
 * attendance, leave, departures and CRM read from the sandbox; training, satisfaction and a contract imported): the
 * directory on a PC (1440 px) and a phone (375 px), the person page as each role, a 无权访问 outside one's scope, and
 * the side navigation on an HR page at PC width.
 */
import type { Page } from 'playwright-core';
import { browserWorldForDescribe, signInAs, type BrowserWorld } from './support/browserWorld';
import path from 'node:path';
import { keepScreenshot, SCREENSHOT_DIR, waitSettled } from './support/browser';
import { dataSyncDeps, runRecordedSync } from './support/dataSyncWorld';
import { buildDeal, buildSatisfaction, buildTraining } from './support/factories';
import { Department, User } from '../server/src/entities';

jest.setTimeout(240000);

const PC = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 375, height: 812 } };

/** Read the sandbox's data into the world as the nightly sync would, and import a few records for the demo employee. */
async function syncData(ui: BrowserWorld) {
  const { w } = ui;
  const deps = dataSyncDeps(w, { now: () => new Date(), lookbackDays: 62 });
  for (const kind of ['departures', 'attendance', 'leave', 'crm'] as const) {
    const { run } = await runRecordedSync(w, kind, deps);
    expect([kind, run.status]).toEqual([kind, 'succeeded']);
  }
  const me = ui.demo.employee;
  await buildTraining(w.ds, w.corpId, { userid: me, course: '大客户需求分析', completionPercent: 100, examScore: 88, completedOn: '2026-10-12' });
  await buildTraining(w.ds, w.corpId, { userid: me, course: '解决方案设计', completionPercent: 60, examScore: null, completedOn: null });
  await buildSatisfaction(w.ds, w.corpId, { ownerUserid: me, customerName: '华东精密制造', scoreTenths: 92, surveyedOn: '2026-10-20' });
  await buildDeal(w.ds, w.corpId, {
    ownerUserid: me,
    source: 'import',
    customerName: '旧系统导入客户',
    amountFen: 1_200_000,
    signedOn: '2025-12-01',
    status: 'completed',
  });
}

/** Keep what the window shows (not the whole page): how a phone screen looks first. */
const keepViewport = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });

/** The page fits the window: nothing wider than the viewport (no sideways scrolling on a phone). */
async function fitsWidth(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

describe('人员 and 员工档案 in headless Chromium', () => {
  const ui = browserWorldForDescribe({ label: 'peopleui', employees: 60, seed: 9 });

  beforeAll(async () => {
    await syncData(ui);
  });

  const open = async (page: Page, hash: string) => page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#${hash}`);
  const user = (userid: string) => ui.w.ds.getRepository(User).findOneByOrFail({ corpId: ui.w.corpId, userid });

  it('HR on a PC: side navigation, the directory as a sortable table, search by pinyin initials, department filter', async () => {
    const { context, page, errors } = await signInAs(ui, ui.demo.hr, PC);
    await page.getByTestId('side-nav').waitFor();
    expect(await page.getByTestId('nav-people').textContent()).toContain('人员');
    await page.getByTestId('nav-people').click();
    await page.getByTestId('people-list').waitFor();
    expect(await page.locator('table[data-testid="people-list"]').count()).toBe(1);
    // Sorted by name (pinyin) to begin with; HR sees 销售中心 only.
    const totalOf = async () => Number(/共 ([\d,]+) 人/.exec((await page.getByTestId('people-pager-summary').textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    const inScope = await totalOf();
    expect(inScope).toBeGreaterThan(10);
    await keepScreenshot(page, 'pc-hr-people');

    // Search by the demo employee's pinyin initials.
    const employee = await user(ui.demo.employee);
    await page.getByTestId('people-search').locator('input').fill(employee.nameInitials!);
    await page.waitForFunction((q) => location.hash.includes(`q=${q}`), employee.nameInitials!);
    await page.waitForFunction(
      (n) => !document.querySelector('[data-testid="people-pager-summary"]')?.textContent?.includes(`共 ${n} 人`),
      inScope.toLocaleString('zh-CN'),
    );
    await page.getByTestId(`person-row-${ui.demo.employee}`).waitFor();
    expect(await totalOf()).toBeLessThan(inScope);
    await page.getByTestId('people-clear').click();
    await page.waitForFunction(() => !location.hash.includes('q='));

    // Sort by hire date from the column header, newest first on a second click.
    await page.getByTestId('people-list-sort-hiredOn').click();
    await page.waitForFunction(() => location.hash.includes('sort=hiredOn'));
    await page.getByTestId('people-list-sort-hiredOn').click();
    await page.waitForFunction(() => location.hash.includes('sort=-hiredOn'));
    await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"]') !== null);
    // The first row becomes the newest hire the API names for the same sort.
    const newest = await page.evaluate(async () => {
      const res = await fetch('/api/v1/people?sort=-hiredOn&pageSize=1');
      return ((await res.json()) as { data: { items: { userid: string; hiredOn: string }[] } }).data.items[0]!;
    });
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid^="person-row-"]')?.getAttribute('data-testid') === id,
      `person-row-${newest.userid}`,
    );
    const [{ latest }] = await ui.w.ds.query(
      "SELECT MAX(hired_on) AS latest FROM users WHERE corp_id = ? AND status = 'active' AND main_dept_id IN (SELECT dept_id FROM departments WHERE corp_id = ? AND (name = '销售中心' OR parent_id = (SELECT dept_id FROM departments WHERE corp_id = ? AND name = '销售中心')))",
      [ui.w.corpId, ui.w.corpId, ui.w.corpId],
    );
    expect(newest.hiredOn).toBe(latest);

    // The department filter names each department by its path, in tree order: 销售中心, then what is below it.
    const [all, top, ...below] = await page.getByTestId('people-dept').locator('option').allTextContents();
    expect([all, top]).toEqual(['全部部门', '销售中心']);
    expect(below.length).toBeGreaterThan(1);
    expect(below.every((o) => o.startsWith('销售中心 / '))).toBe(true);
    expect(new Set(below).size).toBe(below.length);
    const team = await ui.w.ds.getRepository(Department).findOneByOrFail({ corpId: ui.w.corpId, deptId: employee.mainDeptId! });
    await page.getByTestId('people-dept').selectOption(String(team.deptId));
    await page.getByTestId(`person-row-${ui.demo.employee}`).waitFor();
    await keepScreenshot(page, 'pc-hr-people-filtered');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR on a phone: the directory as cards, filters above, nothing wider than the screen', async () => {
    const { context, page, errors } = await signInAs(ui, ui.demo.hr, PHONE);
    expect(await page.getByTestId('side-nav').count()).toBe(0);
    await page.getByTestId('nav-people').click();
    await page.getByTestId('people-list').waitFor();
    expect(await page.locator('ul[data-testid="people-list"]').count()).toBe(1);
    await fitsWidth(page);
    await keepScreenshot(page, 'phone-hr-people');
    await keepViewport(page, 'phone-hr-people-screen');
    // A row opens the person's page.
    await page.locator('[data-testid^="person-row-"]').first().click();
    await page.getByTestId('person-head').waitFor();
    await fitsWidth(page);
    // The tab bar keeps five entries; the other HR pages are behind 更多.
    expect(await page.locator('.app-tabbar .adm-tab-bar-item').count()).toBe(5);
    await page.getByTestId('nav-more').click();
    await page.getByTestId('more-sheet').waitFor();
    await waitSettled(page, '[data-testid="more-sheet"]');
    await keepViewport(page, 'phone-hr-more');
    await page.getByTestId('more-data').click();
    await page.getByTestId('data-page').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('employee: opens their own page from 我的 → 我的档案, with attendance by month and records from each source', async () => {
    const { context, page, errors } = await signInAs(ui, ui.demo.employee, PHONE);
    expect(await page.getByTestId('nav-people').count()).toBe(0);
    await page.getByTestId('menu-my-record').click();
    await page.getByTestId('person-head').waitFor();
    expect(await page.getByTestId('person-name').textContent()).toContain((await user(ui.demo.employee)).name);
    expect(await page.getByTestId('person-sub').textContent()).toContain(' / ');
    const supervisor = await user(ui.demo.supervisor);
    expect(await page.getByTestId('person-chain').textContent()).toContain(supervisor.name);
    // Attendance summary by month.
    await page.getByTestId('tab-attendance').waitFor();
    expect(await page.locator('[data-testid="tab-attendance-list"] > li').count()).toBeGreaterThan(0);
    await fitsWidth(page);
    await keepScreenshot(page, 'phone-employee-person');
    await keepViewport(page, 'phone-employee-person-screen');
    // Training: imported rows say so.
    await page.getByTestId('person-tab-training').click();
    await page.getByTestId('tab-training').waitFor();
    expect(await page.getByTestId('tab-training').textContent()).toContain('导入');
    // Their supervisor's page is not theirs to open.
    await open(page, `/person?u=${ui.demo.supervisor}`);
    await page.getByTestId('person-forbidden').waitFor();
    // Nor the directory.
    await open(page, '/people');
    await page.getByTestId('forbidden').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('supervisor: opens a report’s page from 我的团队 and sees their deals', async () => {
    const { context, page, errors } = await signInAs(ui, ui.demo.supervisor, PHONE);
    await page.getByTestId('me-team').waitFor();
    await page.getByTestId(`team-${ui.demo.employee}`).click();
    await page.getByTestId('person-head').waitFor();
    expect(await page.getByTestId('person-name').textContent()).toContain((await user(ui.demo.employee)).name);
    await page.getByTestId('person-tab-deals').click();
    await page.getByTestId('tab-deals').waitFor();
    const deals = (await page.getByTestId('tab-deals').textContent()) ?? '';
    expect(deals).toContain('计入业绩');
    expect(deals).toContain('钉钉');
    expect(deals).toContain('导入');
    await keepScreenshot(page, 'phone-supervisor-report');
    await keepViewport(page, 'phone-supervisor-report-screen');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR on a PC: a person in scope with tabs as tables; someone outside scope is 无权访问', async () => {
    const { context, page, errors } = await signInAs(ui, ui.demo.hr, PC);
    await open(page, `/person?u=${ui.demo.employee}`);
    await page.getByTestId('person-head').waitFor();
    await page.getByTestId('tab-attendance').waitFor();
    expect(await page.locator('table[data-testid="tab-attendance-list"]').count()).toBe(1);
    await keepScreenshot(page, 'pc-hr-person');
    await page.getByTestId('person-tab-leave').click();
    await page.getByTestId('tab-leave').waitFor();
    await page.getByTestId('person-tab-deals').click();
    await page.getByTestId('deals-summary').waitFor();
    await keepScreenshot(page, 'pc-hr-person-deals');
    // The supervisor's direct reports link into the directory.
    await open(page, `/person?u=${ui.demo.supervisor}`);
    await page.getByTestId('person-reports-in-directory').click();
    await page.getByTestId('people-supervisor-chip').waitFor();
    await page.getByTestId(`person-row-${ui.demo.employee}`).waitFor();

    const [outsider] = await ui.w.ds.query(
      "SELECT u.userid FROM users u JOIN departments d ON d.corp_id = u.corp_id AND d.dept_id = u.main_dept_id WHERE u.corp_id = ? AND d.name = '财务部' LIMIT 1",
      [ui.w.corpId],
    );
    await open(page, `/person?u=${outsider.userid}`);
    await page.getByTestId('person-forbidden').waitFor();
    expect(await page.getByTestId('person-forbidden').textContent()).toContain('无权访问');
    await keepScreenshot(page, 'pc-hr-person-forbidden');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('HR pages at PC width use the width, next to the side navigation', async () => {
    const { context, page, errors } = await signInAs(ui, ui.demo.hr, PC);
    await keepScreenshot(page, 'pc-hr-me');
    await page.getByTestId('nav-data').click();
    await page.getByTestId('data-page').waitFor();
    await page.getByTestId('side-nav').waitFor();
    expect(await page.locator('.sidenav-link.active').textContent()).toContain('数据');
    const width = await page.locator('main.app-content').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(1000);
    await page.waitForLoadState('networkidle');
    await keepScreenshot(page, 'pc-hr-data');
    await page.getByTestId('nav-org').click();
    await page.getByTestId('org-tree').waitFor();
    await keepScreenshot(page, 'pc-hr-org');
    expect(errors).toEqual([]);
    await context.close();
  });
});
