/**
 * 人才盘点's paged list in headless Chromium against the real server, MariaDB and the DingTalk sandbox: every person
 * of the demo HR's scope with a stored score (scored by the built-in job model's own code from varied inputs, some
 * 数据不足), so the list runs over several pages. HR sees “共 N 人 · 第 1 / n 页”, turns pages, narrows by
 * department and by HR's decision, and the counts follow; on the phone (375 px) and on PC (1440 px).
 */
import type { Page } from 'playwright-core';
import { scoreMatch, validateJobModel } from '@liucai/shared';
import { Department, HrScope, JobModelVersion, TalentMatchScore, User } from '../server/src/entities';
import { ensureBuiltInJobModels } from '../server/src/modules/talent/commands/builtInJobModelSeeder';
import { descendantsOf } from '../server/src/modules/access/policies/scope';
import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import { keepScreenshot, SCREENSHOT_DIR, waitForListed } from './support/browser';

jest.setTimeout(120000);
const PERIOD = '2026-10';

describe('人才盘点 paging in headless Chromium', () => {
  const ui = browserWorldForDescribe({ label: 'talentpaging', employees: 60, seed: 11 });
  let people = 0;
  let firstDept: { id: number; people: number } = { id: 0, people: 0 };
  const seed = async () => {
    if (people > 0) return;
    const { ds, corpId } = ui.w;
    await ensureBuiltInJobModels(ds, corpId);
    const v = await ds.getRepository(JobModelVersion).findOneByOrFail({ corpId, version: 1 });
    const checked = validateJobModel(JSON.parse(v.definition));
    if (!checked.ok) throw new Error('the built-in job model does not validate');
    const depts = await ds.getRepository(Department).findBy({ corpId });
    const granted = (await ds.getRepository(HrScope).findBy({ corpId, userid: ui.demo.hr })).map((s) => s.deptId);
    const inScope = descendantsOf(depts, granted);
    const users = (await ds.getRepository(User).findBy({ corpId, status: 'active' })).filter((u) => u.mainDeptId !== null && inScope.has(u.mainDeptId));
    const perDept = new Map<number, number>();
    for (const [i, u] of users.entries()) {
      // Varied inputs: 客户洞察 months, 协作 a month, 续签率 %, 成交周期 days, 满意度; every fifth lacks 续签率 and 满意度.
      const inputs = {
        insight: String(i % 13),
        coordination: String((i * 7) % 9),
        maintenance: i % 5 === 4 ? null : String(45 + ((i * 11) % 45)),
        cycle: String(15 + ((i * 3) % 40)),
        satisfaction: i % 5 === 4 ? null : String(5 + (i % 5)),
      };
      const m = scoreMatch(checked.compiled, inputs);
      await ds.getRepository(TalentMatchScore).insert({
        corpId,
        userid: u.userid,
        period: PERIOD,
        jobModelId: v.jobModelId,
        versionId: v.id,
        scoreT: m.scoreT,
        tier: m.tier,
        detail: JSON.stringify({ score: m.score, dimensions: m.dimensions, explanation: m.explanation }),
        computedAt: new Date(),
      });
      perDept.set(u.mainDeptId!, (perDept.get(u.mainDeptId!) ?? 0) + 1);
    }
    people = users.length;
    const [id, n] = [...perDept.entries()].sort((a, b) => b[1] - a[1])[0]!;
    firstDept = { id, people: n };
    expect(people).toBeGreaterThan(20);
  };

  const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
  const listed = (page: Page, n: number) => waitForListed(page, 'talent-list', n);
  const names = (page: Page) => page.getByTestId('talent-list').locator('.talent-person-name').allTextContents();

  for (const [width, height] of [
    [375, 812],
    [1440, 900],
  ] as const) {
    it(`HR at ${width} px: 共 N 人 over pages of 20, next and previous, a department and a decision filter`, async () => {
      await seed();
      const shot = `${width < 1000 ? 'phone' : 'pc'}-hr-talent-review-paged`;
      const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width, height } });
      await page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#/talent-review`);
      await page.getByTestId('talent-pager').waitFor();
      await listed(page, 20);
      const pages = Math.ceil(people / 20);
      expect(await text(page, 'talent-pager-summary')).toBe(`共 ${people} 人 · 第 1 / ${pages} 页`);
      expect(await text(page, 'talent-list-title')).toBe(`全部（共 ${people} 人）`);
      expect(await page.getByTestId('talent-pager-prev').isDisabled()).toBe(true);
      const first = await names(page);
      await keepScreenshot(page, shot);
      // What HR sees first (the full page above is 20 cards long).
      await page.screenshot({ path: `${SCREENSHOT_DIR}/${shot}-top.png` });

      await page.getByTestId('talent-pager-next').click();
      await page.getByTestId('talent-pager-summary').getByText(`第 2 / ${pages} 页`).waitFor();
      await listed(page, Math.min(20, people - 20));
      const second = await names(page);
      expect(second.some((n) => first.includes(n))).toBe(false);
      await page.getByTestId('talent-pager-prev').click();
      await page.getByTestId('talent-pager-summary').getByText(`第 1 / ${pages} 页`).waitFor();
      await listed(page, 20);
      expect(await names(page)).toEqual(first);

      // A department (with everything below it): the count follows, back to page 1.
      await page.getByTestId('talent-dept').selectOption(String(firstDept.id));
      await page.getByTestId('talent-list-title').getByText(`（共 ${firstDept.people} 人）`).waitFor();
      await listed(page, Math.min(20, firstDept.people));
      expect(await text(page, 'talent-pager-summary')).toMatch(new RegExp(`^共 ${firstDept.people} 人`));
      await page.getByTestId('talent-clear').click();
      await listed(page, 20);
      // Nobody is decided yet: 已决定 lists nobody, 未决定 everyone.
      await page.getByTestId('talent-decision-filter').selectOption('decided');
      await page.getByTestId('talent-no-match').waitFor();
      expect(await text(page, 'talent-pager-summary')).toBe('共 0 人');
      await page.getByTestId('talent-decision-filter').selectOption('undecided');
      await page.getByTestId('talent-list-title').getByText(`（共 ${people} 人）`).waitFor();
      await page.getByTestId('talent-clear').click();
      await listed(page, 20);

      const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect(w.scroll).toBe(w.inner);
      await page.getByTestId('talent-pager').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/${shot}-pager.png` });
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
