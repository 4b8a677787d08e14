import type { Page } from 'playwright-core';
import type { OrgTree } from '@liucai/shared';
import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import { keepScreenshot } from './support/browser';
import { Department } from '../server/src/entities';

jest.setTimeout(90000);

describe('组织架构 in Chromium: the tree a level at a time, with the headcounts explained', () => {
  const ui = browserWorldForDescribe({ label: 'orgpage', employees: 300, seed: 9 });

  /** Every /org/departments request the page makes, with its query string. */
  function watchDepartmentRequests(page: Page): string[] {
    const seen: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname === '/api/v1/org/departments') seen.push(u.search);
    });
    return seen;
  }

  for (const [label, viewport] of [
    ['phone', { width: 375, height: 812 }],
    ['pc', { width: 1440, height: 900 }],
  ] as const) {
    it(`${label} (${viewport.width} px): admin sees the top levels, opens a department to load its children, and reads what the numbers mean`, async () => {
      const { context, page, errors } = await signInAs(ui, ui.demo.admin, { viewport });
      const requests = watchDepartmentRequests(page);
      await page.getByTestId('menu-org').click();
      await page.getByTestId('org-tree').waitFor();
      // The legend says what “2 / 202 人” means in words, visible without hovering.
      const legend = page.getByTestId('org-legend');
      expect(await legend.isVisible()).toBe(true);
      expect(await legend.textContent()).toContain('直属');
      expect(await legend.textContent()).toContain('含下级部门');

      const sales = await ui.w.ds.getRepository(Department).findOneByOrFail({ corpId: ui.w.corpId, name: '销售中心' });
      const teams = await ui.w.ds.getRepository(Department).findBy({ corpId: ui.w.corpId, parentId: sales.deptId, active: true });
      const first = (await page.evaluate(async () => (await (await fetch('/api/v1/org/departments')).json()) as { data: OrgTree })).data;
      const salesRow = first.departments.find((d) => d.id === sales.deptId)!;
      await expect(page.getByTestId(`dept-count-${sales.deptId}`).textContent()).resolves.toBe(`${salesRow.headcount} / ${salesRow.totalHeadcount} 人`);
      // 销售中心 is a child of the root: listed, closed, its teams not loaded yet.
      expect(await page.getByTestId(`dept-${teams[0]!.deptId}`).count()).toBe(0);
      expect(requests.filter((q) => q.includes('parentId'))).toEqual([]);
      await keepScreenshot(page, `${label}-admin-org`);

      await page.getByTestId(`dept-${sales.deptId}`).click();
      for (const t of teams) await page.getByTestId(`dept-${t.deptId}`).waitFor();
      expect(requests).toContain(`?parentId=${sales.deptId}`);
      expect(errors).toEqual([]);
      await keepScreenshot(page, `${label}-admin-org-expanded`);

      // Search asks the server and shows the path down to each match, opened.
      await page.getByTestId('org-search').locator('input').fill(teams[0]!.name);
      await page.getByTestId(`dept-${teams[0]!.deptId}`).waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="org-tree"] .dept-match') !== null);
      expect(requests.some((q) => q.startsWith('?q='))).toBe(true);
      await keepScreenshot(page, `${label}-admin-org-search`);
      await context.close();
    });
  }

  it('HR sees its own departments as the roots and a summary of the whole scope', async () => {
    const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width: 375, height: 812 } });
    await page.getByTestId('menu-org').click();
    await page.getByTestId('org-tree').waitFor();
    await expect(page.getByTestId('org-tree').textContent()).resolves.toContain('销售中心');
    await expect(page.getByTestId('org-tree').textContent()).resolves.not.toContain('技术部');
    await expect(page.getByTestId('org-summary').textContent()).resolves.toMatch(/^\d+ 个部门 · \d+ 人$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
