/**
 * 测评 and 测评管理 in headless Chromium against the real server, MariaDB and the DingTalk sandbox: HR launches the
 * built-in question bank to 销售中心 with a time limit and supervisor rating (PC, 1440 px); the employee starts on the
 * phone (375 px), answers, leaves, comes back to the saved answers, and submits; HR sees completion by department
 * with progress bars and reminds the late ones, on PC and on the phone.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { Notification, QuestionnaireVersion } from '../server/src/entities';
import { browserWorldForDescribe, signInAs } from './support/browserWorld';
import { keepScreenshot, SCREENSHOT_DIR } from './support/browser';
import { waitFor } from './support/waitFor';

jest.setTimeout(120000);

describe('测评 in headless Chromium', () => {
  const ui = browserWorldForDescribe({ label: 'assesspages', employees: 40, seed: 9 });
  const fitsWidth = async (page: Page) => {
    const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(w.scroll).toBe(w.inner);
  };
  const go = (page: Page, hash: string) => page.goto(`${ui.server.url}/app/?corpId=${ui.w.corpId}#${hash}`);

  it('HR launches a cycle on PC (1440 px) and invitations are recorded', async () => {
    const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width: 1440, height: 900 } });
    await page.getByTestId('menu-assessment-admin').click();
    await page.getByTestId('launch-form').waitFor();
    const bank = (await page.getByTestId('questionnaire-big_client_sales_assessment').textContent()) ?? '';
    expect(bank).toContain('17 道题');
    expect(bank).toContain('能力维度：客户洞察、资源协调、方案设计、长期维护');
    // A published version is copied to a draft before editing; a draft without scored items is refused in Chinese.
    await page.getByTestId('edit-big_client_sales_assessment').click();
    await page.getByTestId('copy-big_client_sales_assessment').click();
    const editor = page.getByTestId('editor-big_client_sales_assessment');
    // The form: a new situational item shows what it lacks as HR types, then saves with each option's score.
    await editor.getByTestId('add-situational').click();
    const added = editor.getByTestId('qitem-18');
    await editor.getByTestId('editor-live-problems').waitFor();
    expect(await editor.getByTestId('editor-live-problems').textContent()).toContain('第 18 题：题干（text）应为 1 到');
    await added.getByTestId('qitem-text').fill('客户临时把交付期提前两周，你会？');
    await added.getByTestId('qoption-1').locator('input').first().fill('先和技术部评估可行范围，再与客户确认优先级');
    await added.getByTestId('qoption-1').locator('input[type=number]').fill('100');
    await added.getByTestId('qoption-2').locator('input').first().fill('当场答应，回去再想办法');
    await added.getByTestId('qoption-2').locator('input[type=number]').fill('20');
    await added.getByTestId('qdim-resourceCoordination').locator('input').check();
    await editor.getByTestId('editor-live-problems').waitFor({ state: 'detached' });
    await added.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'pc-hr-questionnaire-form');
    // Narrowing the window to the phone layout and back (or a full-page screenshot, which resizes it for a moment)
    // keeps the page and what HR typed: the layout never remounts the page.
    for (const width of [900, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByTestId(width < 1024 ? 'nav-more' : 'side-nav').waitFor();
      expect(await added.getByTestId('qitem-text').inputValue()).toBe('客户临时把交付期提前两周，你会？');
    }
    await editor.getByRole('button', { name: '保存草稿' }).click();
    await waitFor('the saved draft with 18 items', async () => {
      const draft = await ui.w.ds.getRepository(QuestionnaireVersion).findOneBy({ corpId: ui.w.corpId, status: 'draft' });
      const items = draft ? (JSON.parse(draft.definition) as { items: unknown[] }).items : [];
      return items.length === 18 ? items.at(-1) : null;
    }).then((item) =>
      expect(item).toEqual({
        id: 'q1',
        kind: 'situational',
        text: '客户临时把交付期提前两周，你会？',
        dimensions: ['customerInsight', 'resourceCoordination'],
        options: [
          { id: 'a', text: '先和技术部评估可行范围，再与客户确认优先级', score: 100 },
          { id: 'b', text: '当场答应，回去再想办法', score: 20 },
        ],
      }),
    );
    // Bulk edits as JSON: a draft without scored items is refused in Chinese by the server.
    await editor.getByTestId('toggle-json').click();
    await editor.locator('textarea.assess-json').fill(JSON.stringify({ items: [{ id: 't1', kind: 'text', text: '谈谈你的想法' }] }));
    await editor.getByRole('button', { name: '保存草稿' }).click();
    await editor.getByTestId('editor-problems').waitFor();
    expect(await editor.getByTestId('editor-problems').textContent()).toContain('问卷没有计分题');
    await page.getByTestId('edit-big_client_sales_assessment').click();
    await page.locator('.adm-selector-item', { hasText: /^销售中心$/ }).click();
    await keepScreenshot(page, 'pc-hr-assessment-launch');
    await page.getByTestId('launch').click();
    await page.getByTestId('cycle-detail').waitFor();
    expect(await page.getByTestId('cycle-detail').textContent()).toContain('已提交 0/');
    expect(await page.getByTestId('dept-progress').locator('.adm-progress-bar').count()).toBeGreaterThan(0);
    expect(await ui.w.ds.getRepository(Notification).countBy({ corpId: ui.w.corpId, kind: 'assessment.invited', recipientUserid: ui.demo.employee })).toBe(1);
    await fitsWidth(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the employee answers on the phone (375 px), leaves, resumes the saved answers and submits once', async () => {
    const { context, page, errors } = await signInAs(ui, ui.demo.employee, { viewport: { width: 375, height: 812 } });
    // An employee has six pages: 测评 sits behind “更多” on the phone's five-entry tab bar.
    await page.getByTestId('nav-more').click();
    await page.getByTestId('more-sheet').waitFor();
    await page.getByTestId('more-assessments').click();
    const task = page.getByTestId('open-tasks').locator('section').first();
    await task.waitFor();
    expect(await task.textContent()).toContain('未开始');
    await keepScreenshot(page, 'phone-employee-assessments');
    await task.getByRole('button', { name: '开始作答' }).click();
    await page.getByTestId('answer-sheet').waitFor();
    expect(await page.getByTestId('sheet-timer').textContent()).toMatch(/^剩余 (29|30):\d\d$/);
    // The first three items, then leave.
    await page.getByTestId('item-insight-1').locator('.assess-option').nth(1).click();
    await page.getByTestId('item-insight-2').locator('.assess-option').nth(1).click();
    await page.getByTestId('item-insight-3').locator('.assess-option').nth(0).click();
    await page.getByTestId('sheet-saved').filter({ hasText: '进度已保存' }).waitFor();
    expect(await page.getByTestId('sheet-progress').textContent()).toBe('3/17');
    await keepScreenshot(page, 'phone-employee-answer-sheet');
    // What the phone shows at once: the sticky progress and countdown over the first item.
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'phone-employee-answer-sheet-top.png') });
    await fitsWidth(page);

    await go(page, '/assessments');
    await page.getByTestId('open-tasks').locator('section').first().waitFor();
    expect(await page.getByTestId('open-tasks').locator('section').first().textContent()).toContain('已答 3/17 题');
    await page.getByTestId('open-tasks').locator('section').first().getByRole('button', { name: '继续作答' }).click();
    await page.getByTestId('answer-sheet').waitFor();
    expect(await page.getByTestId('item-insight-2').locator('.assess-option.chosen').textContent()).toContain('财务总监');

    for (const item of await page.locator('[data-testid^="item-"]').all()) {
      const id = (await item.getAttribute('data-testid'))!;
      if (id === 'item-open-1' || (await item.locator('.assess-option.chosen').count()) > 0) continue;
      const likert = item.locator('.assess-likert .assess-option');
      if ((await likert.count()) > 0) await likert.nth(3).click();
      else await item.locator('.assess-option').first().click();
    }
    await page.getByTestId('sheet-submit').click();
    // The confirmation's own button, once the dialog is there (`last()` could resolve to the sheet's before it mounts).
    await page.locator('.adm-center-popup-wrap').getByRole('button', { name: '提交', exact: true }).click();
    await page.getByTestId('sheet-submitted').waitFor();
    await page.locator('.adm-toast-mask').waitFor({ state: 'detached' });
    expect(await page.getByTestId('sheet-submit').count()).toBe(0);

    await go(page, '/assessments');
    await page.getByTestId('my-results').waitFor();
    expect(await page.getByTestId('results-自评').textContent()).toContain('客户洞察');
    await keepScreenshot(page, 'phone-employee-assessment-results');
    await fitsWidth(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const [width, height] of [
    [1440, 900],
    [375, 812],
  ] as const) {
    it(`HR at ${width} px sees completion by department and reminds the late ones`, async () => {
      const { context, page, errors } = await signInAs(ui, ui.demo.hr, { viewport: { width, height } });
      await go(page, '/assessment-admin');
      await page.getByTestId('cycle-list').locator('section').first().click();
      await page.getByTestId('cycle-detail').waitFor();
      const detail = (await page.getByTestId('cycle-detail').textContent()) ?? '';
      expect(detail).toMatch(/已提交 1\/\d+ 份/);
      const summary = page.getByTestId('sheet-pager-summary');
      expect(await summary.textContent()).toMatch(/^共 \d+ 份$/);
      expect(await page.getByTestId('cycle-counts').textContent()).toMatch(/进行中 \d+ 份 · 未开始 \d+ 份/);
      // The status filter goes to the server: the one submitted sheet, with its scores.
      await page.getByTestId('sheet-status').getByText('已提交', { exact: true }).click();
      await waitFor('the submitted sheets', async () => (await summary.textContent()) === '共 1 份');
      expect(await page.getByTestId('cycle-sheets').textContent()).toMatch(/自评已提交.*客户洞察 \d+\.\d/);
      await page.getByTestId('sheet-status').getByText('全部', { exact: true }).click();
      await waitFor('every sheet again', async () => (await summary.textContent()) !== '共 1 份');
      if (width > 1000) {
        // 催办 with the not-started sheets shown: the filter stays as it was.
        const all = await summary.textContent();
        await page.getByTestId('sheet-status').getByText('未开始', { exact: true }).click();
        await waitFor('the not-started sheets', async () => (await summary.textContent()) !== all);
        const notStarted = await summary.textContent();
        await page.getByTestId('remind').click();
        await page.locator('.adm-toast-main').filter({ hasText: '已通过工作通知提醒' }).waitFor();
        expect(await ui.w.ds.getRepository(Notification).countBy({ corpId: ui.w.corpId, kind: 'assessment.reminder' })).toBeGreaterThan(0);
        // The counts come back with the reminder's time.
        await waitFor('the cycle after the reminder', async () => /上次催办/.test((await page.getByTestId('cycle-counts').textContent()) ?? ''));
        expect(await summary.textContent()).toBe(notStarted);
      }
      await keepScreenshot(page, `${width < 1000 ? 'phone' : 'pc'}-hr-assessment-cycle`);
      await fitsWidth(page);
      // The question form on this width: the draft's added situational item, with its options and dimensions.
      await go(page, '/assessment-admin');
      await page.getByTestId('edit-big_client_sales_assessment').click();
      const added = page.getByTestId('editor-big_client_sales_assessment').getByTestId('qitem-18');
      expect(await added.getByTestId('qitem-kind').inputValue()).toBe('situational');
      await page.locator('.adm-toast-main').waitFor({ state: 'detached' });
      await added.screenshot({ path: path.join(SCREENSHOT_DIR, `${width < 1000 ? 'phone' : 'pc'}-hr-questionnaire-item.png`) });
      await fitsWidth(page);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
