/**
 * The metered budget as DingTalk counts it (doc 8.1): one monthly allowance spent by purpose with a reserved share
 * for notifications, 通讯录 APIs and events free, metered events against their own quota, and DingTalk's own
 * over-quota answers (90020 / ApiCountLimitForOrg), which the sandbox gives over real HTTP when told to, stopping a
 * source cleanly with the reason in its run's note.
 */
import type { CallBudget } from '@liucai/shared';
import { ApiCallBudget, MeteredUsage, SyncCheckpoint } from '../server/src/entities';
import { DingTalkError } from '../server/src/dingtalk/errors';
import { isMeteredApi, LegacyErr, V1_MONTHLY_QUOTA_CODE } from '../server/src/dingtalk/wireFacts';
import {
  budgetMonth,
  callsAvailable,
  monthlyUsage,
  planCalls,
  previousBudgetMonth,
  recordQuotaRefusal,
  spendCalls,
  spendEvents,
} from '../server/src/modules/sync/commands/callBudget';
import { takeInEvent } from '../server/src/modules/sync/commands/dingtalkEventIntake';
import { createOrgSyncRun } from '../server/src/modules/sync/commands/orgSyncRunCreator';
import { runOrgSync } from '../server/src/modules/sync/commands/orgSyncer';
import { ATTENDANCE_CHECKPOINT } from '../server/src/modules/sync/commands/attendanceSyncer';
import { CRM_CHECKPOINT } from '../server/src/modules/sync/commands/crmSyncer';
import { SANDBOX_LEAVE_PROCESS_CODE } from '../server/src/dingtalk/sandbox';
import { buildCorp, onBothDatabases } from './support/factories';
import { dataSyncDeps, runRecordedSync, SYNC_NOW, withSyncedWorld } from './support/dataSyncWorld';
import { createTestWorld, syncWorld } from './support/testServices';
import { listen } from './support/testServer';
import { TestClient } from './support/httpClient';

const MONTH = budgetMonth(SYNC_NOW);

describe('the monthly budget, spent by purpose', () => {
  it('keeps a reserved share for notifications that syncs cannot touch, and counts events apart (MariaDB and SQLite)', async () => {
    await onBothDatabases('budget', async (ds) => {
      const corpId = await buildCorp(ds, 'budget');
      const allowance = { apiCalls: 100, events: 10, notifyShare: 0.2 };
      await ds.transaction((em) => spendCalls(em, corpId, 'attendance', 70, SYNC_NOW));
      // 100 - 70 = 30 left; 20 of them are the notifications' until they spend them.
      expect(await callsAvailable(ds, corpId, 'attendance', allowance, SYNC_NOW)).toBe(10);
      expect(await callsAvailable(ds, corpId, 'crm', allowance, SYNC_NOW)).toBe(10);
      expect(await planCalls(ds, corpId, 'notify', 50, allowance, SYNC_NOW)).toEqual({ granted: 30, available: 30 });
      await Promise.all([spendCalls(ds.manager, corpId, 'notify', 8, SYNC_NOW), spendCalls(ds.manager, corpId, 'notify', 7, SYNC_NOW)]);
      // Notifications used 15 of their 20: syncs still leave 5 for them.
      expect(await callsAvailable(ds, corpId, 'attendance', allowance, SYNC_NOW)).toBe(10);
      expect(await planCalls(ds, corpId, 'notify', 50, allowance, SYNC_NOW)).toEqual({ granted: 15, available: 15 });
      await spendEvents(ds.manager, corpId, 'attendance', 3, SYNC_NOW);
      const usage = await monthlyUsage(ds, corpId, SYNC_NOW);
      expect(usage).toMatchObject({ month: MONTH, apiCalls: 85, events: 3, refused: null });
      expect(usage.byPurpose).toEqual({ attendance: { apiCalls: 70, events: 3 }, notify: { apiCalls: 15, events: 0 } });
      // Another month starts from nothing.
      expect(await callsAvailable(ds, corpId, 'attendance', allowance, new Date('2026-12-01T01:00:00Z'))).toBe(80);
    });
  });
});

describe('what DingTalk meters', () => {
  it('charges an attendance sync for its own attendance calls only, never for the 通讯录 calls of an org sync running beside it', async () => {
    const w = await createTestWorld({ label: 'meterorg', employees: 40, seed: 29 });
    try {
      await syncWorld(w);
      w.sandboxHandle.resetStats();
      const org = await createOrgSyncRun(w.ds, w.corpId, 'manual', null);
      const [, attendance] = await Promise.all([
        runOrgSync({ ds: w.ds, source: w.dingtalk, apiCalls: () => w.dingtalk.callCount(), concurrency: 4 }, org!.id, { finalAttempt: true }),
        runRecordedSync(w, 'attendance', dataSyncDeps(w, { lookbackDays: 14 })),
      ]);
      const calls = w.sandboxHandle.stats().calls;
      const contactPaths = Object.keys(calls).filter((p) => p.startsWith('/topapi/v2/'));
      expect(contactPaths.length).toBeGreaterThan(0);
      for (const path of contactPaths) expect(isMeteredApi(path)).toBe(false);
      expect(isMeteredApi('/attendance/list')).toBe(true);
      const attendanceCalls = (calls['/attendance/list'] ?? 0) + (calls['/attendance/listRecord'] ?? 0);
      expect(attendanceCalls).toBeGreaterThan(0);
      const budget = await w.ds.getRepository(ApiCallBudget).findOneByOrFail({ corpId: w.corpId, month: MONTH });
      expect(budget.meteredCalls).toBe(attendanceCalls);
      expect(attendance.run.apiCalls).toBe(attendanceCalls);
      expect(await w.ds.getRepository(MeteredUsage).findOneByOrFail({ corpId: w.corpId, month: MONTH, purpose: 'attendance' })).toMatchObject({
        apiCalls: attendanceCalls,
      });
    } finally {
      await w.close();
    }
  });

  it('counts metered events once against the event quota, by purpose, and 通讯录 events not at all', async () => {
    const w = await createTestWorld({ label: 'meterevents', employees: 30, seed: 31 });
    try {
      const deps = { ds: w.ds, jobs: w.jobs, config: w.config };
      const now = budgetMonth(new Date());
      const check = { EventType: 'attendance_check_record', DataList: [{ userId: 'nobody', checkTime: Date.now() }] };
      await takeInEvent(deps, w.corpId, 'stream', check, 'ev-check-1');
      await takeInEvent(deps, w.corpId, 'stream', check, 'ev-check-1');
      await takeInEvent(deps, w.corpId, 'stream', { EventType: 'user_modify_org', UserId: ['nobody'] }, 'ev-contact-1');
      await takeInEvent(deps, w.corpId, 'stream', { EventType: 'org_dept_create', DeptId: [9] }, 'ev-dept-1');
      await takeInEvent(
        deps,
        w.corpId,
        'stream',
        { EventType: 'bpms_instance_change', processCode: SANDBOX_LEAVE_PROCESS_CODE, processInstanceId: 'x1', type: 'start' },
        'ev-bpms-1',
      );
      await takeInEvent(
        deps,
        w.corpId,
        'stream',
        { EventType: 'bpms_instance_change', processCode: 'PROC-EXPENSE', processInstanceId: 'x2', type: 'start' },
        'ev-bpms-2',
      );
      const usage = await monthlyUsage(w.ds, w.corpId);
      expect(usage.month).toBe(now);
      expect(usage.events).toBe(3);
      expect(usage.byPurpose).toMatchObject({ attendance: { events: 1 }, leave: { events: 1 }, workflow: { events: 1 } });
    } finally {
      await w.close();
    }
  });
});

describe('DingTalk refusing calls for the monthly quota (sandbox over real HTTP)', () => {
  it('answers 90020 and HTTP 403 ApiCountLimitForOrg once the quota is spent, metered APIs only', async () => {
    await withSyncedWorld({ label: 'quotawire', employees: 30, seed: 33 }, async (w) => {
      w.sandboxHandle.setFaults({ monthlyApiQuota: 1000, monthlyApiUsed: 1000 });
      const from = Date.UTC(2026, 9, 19, 16);
      const legacy = await w.dingtalk.data.listResults(['u1'], from, from + 86_400_000, 0, 50).catch((e: unknown) => e);
      expect(legacy).toBeInstanceOf(DingTalkError);
      expect(legacy).toMatchObject({ code: LegacyErr.monthlyQuota, retryable: false });
      expect((legacy as DingTalkError).detail).toBe('您的企业本月api调用量已超过限制,调用量:1001次,额度:1000次');
      const v1 = await w.dingtalk.data.crmCustomers('crm_customer', undefined, 100).catch((e: unknown) => e);
      expect(v1).toMatchObject({ code: V1_MONTHLY_QUOTA_CODE, httpStatus: 403, retryable: false });
      // 通讯录 is exempt: it still answers.
      const boss = w.sandboxHandle.corps.get(w.corpId)!.demoUsers.admin;
      await expect(w.dingtalk.getUser(boss)).resolves.toMatchObject({ userid: boss });
      w.sandboxHandle.setFaults({});
    });
  });

  it('stops the attendance sync at the window in flight with the reason in the note, and continues once there is quota', async () => {
    await withSyncedWorld({ label: 'quotaatt', employees: 40, seed: 35 }, async (w) => {
      // One 7-day window of 40 people costs a few result pages and one raw-clock call: let the first window through.
      w.sandboxHandle.setFaults({ monthlyApiQuota: 12 });
      const { run } = await runRecordedSync(w, 'attendance', dataSyncDeps(w, { lookbackDays: 21 }));
      expect(run.status).toBe('succeeded');
      const checkpoint = await w.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: w.corpId, source: ATTENDANCE_CHECKPOINT });
      const through = (checkpoint.position as { through: string }).through;
      expect(run.note).toBe(
        `钉钉答复本月接口调用已超出企业额度（企业本月已调用 13 次，额度 12 次），错误码 90020：考勤已同步到 ${through}。下月额度恢复或升级钉钉版本后，下次同步从这里继续`,
      );
      const budget = await w.ds.getRepository(ApiCallBudget).findOneByOrFail({ corpId: w.corpId, month: MONTH });
      // What DingTalk let through was charged; the refused call was not.
      expect(budget.meteredCalls).toBe(12);
      expect(budget.quotaRefusedAt).not.toBeNull();
      expect(budget.quotaRefusedDetail).toContain('额度:12次');
      w.sandboxHandle.setFaults({});
      const rest = await runRecordedSync(w, 'attendance', dataSyncDeps(w, { lookbackDays: 21 }));
      expect(rest.run.note).toBeNull();
      const after = await w.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: w.corpId, source: ATTENDANCE_CHECKPOINT });
      expect((after.position as { through: string }).through > through).toBe(true);
    });
  });

  it('stops the CRM sync at a page with the reason (v1.0 403), keeps its place, and finishes the pass later', async () => {
    await withSyncedWorld({ label: 'quotacrm', employees: 40, seed: 37 }, async (w) => {
      w.sandboxHandle.setFaults({ monthlyApiQuota: 3 });
      const { run } = await runRecordedSync(w, 'crm', dataSyncDeps(w));
      expect(run.status).toBe('succeeded');
      expect(run.note).toMatch(
        /^钉钉答复本月接口调用已超出企业额度（企业本月已调用 4 次，额度 3 次），错误码 Forbidden\.AccessDenied\.ApiCountLimitForOrg：CRM 同步已读 3 页，停在/,
      );
      const position = (await w.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: w.corpId, source: CRM_CHECKPOINT })).position as {
        pass: { pages: number } | null;
      };
      expect(position.pass?.pages).toBe(3);
      w.sandboxHandle.setFaults({});
      const rest = await runRecordedSync(w, 'crm', dataSyncDeps(w));
      expect(rest.run.note).toBeNull();
      const done = (await w.ds.getRepository(SyncCheckpoint).findOneByOrFail({ corpId: w.corpId, source: CRM_CHECKPOINT })).position as { pass: unknown };
      expect(done.pass).toBeNull();
    });
  });
});

describe('the budget API', () => {
  it('shows the edition, calls and events, spend by purpose, DingTalk refusals and a month forecast with advice', async () => {
    const w = await createTestWorld({ label: 'budgetapi', employees: 30, seed: 39, env: { DINGTALK_EDITION: 'standard', NOTIFY_BUDGET_SHARE: '10' } });
    const server = await listen(w);
    try {
      await syncWorld(w);
      const hr = new TestClient(server.url);
      await hr.signIn(w.sandbox!.demoUsers.hr, w.corpId);
      await hr.call('GET', '/api/v1/sync/quality');
      const month = budgetMonth(new Date());
      await spendCalls(w.ds.manager, w.corpId, 'notify', 40);
      await spendEvents(w.ds.manager, w.corpId, 'attendance', 5);
      const res = await hr.call<CallBudget>('GET', '/api/v1/sync/budget');
      expect(res.status).toBe(200);
      const b = res.body.data;
      expect(b).toMatchObject({ month, used: 40, limit: 5000, remaining: 4960, editionLabel: '标准版', notifyReserve: 500, notifyUsed: 40 });
      expect(b.events).toEqual({ used: 5, limit: 3000, remaining: 2995 });
      expect(b.byPurpose).toEqual([
        { purpose: 'attendance', label: '考勤', apiCalls: 0, events: 5 },
        { purpose: 'notify', label: '工作通知', apiCalls: 40, events: 0 },
      ]);
      expect(b.forecast?.headcount).toBeGreaterThan(0);
      const lines = new Map(b.forecast!.lines.map((l) => [l.id, l]));
      expect(lines.get('org')).toMatchObject({ apiCalls: 0 });
      // Check-in events arrived this month, so the forecast counts them (and the re-reads they trigger).
      expect(lines.get('checkEvents')).toMatchObject({ counted: true });
      expect(b.forecast!.need.apiCalls).toBe(b.forecast!.lines.filter((l) => l.counted).reduce((n, l) => n + l.apiCalls, 0));
      expect(b.forecast!.summary).toMatch(/一个月约需计量调用 [\d,]+ 次、事件推送 [\d,]+ 条/);
      if (!b.forecast!.fits) expect(b.forecast!.advice.some((a) => a.includes('attendance_check_record'))).toBe(true);
      // Approval events of the month before (none this month) are counted at last month's rate.
      expect(lines.get('approvalEvents')).toMatchObject({ counted: false });
      await w.ds.getRepository(MeteredUsage).insert({ corpId: w.corpId, month: previousBudgetMonth(month), purpose: 'leave', apiCalls: 0, events: 900 });
      const withLastMonth = new Map((await hr.call<CallBudget>('GET', '/api/v1/sync/budget')).body.data.forecast!.lines.map((l) => [l.id, l]));
      expect(withLastMonth.get('approvalEvents')).toMatchObject({ counted: true, events: 900 });
      // This month's figures stay this month's.
      expect((await hr.call<CallBudget>('GET', '/api/v1/sync/budget')).body.data.events.used).toBe(5);
      // Once DingTalk refused a call for the quota, the page says so with DingTalk's own figures.
      await recordQuotaRefusal(w.ds, w.corpId, '您的企业本月api调用量已超过限制,调用量:5001次,额度:5000次');
      const refused = (await hr.call<CallBudget>('GET', '/api/v1/sync/budget')).body.data.refused;
      expect(refused).toMatchObject({ orgUsed: 5001, orgLimit: 5000, detail: expect.stringContaining('额度:5000次') });
    } finally {
      await server.close();
      await w.close();
    }
  });
});
