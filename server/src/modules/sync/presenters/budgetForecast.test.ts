import { judgeForecast } from '@liucai/shared';
import { METERED_QUOTAS } from '../../../dingtalk/wireFacts';
import type { ForecastInputs } from '../queries/sourceHoldings';
import { forecastLines, type ForecastSettings } from './budgetForecast';

/** Figures like the sandbox's company at a given size (README's data sync benchmark: 10,000 people). */
const company = (people: number): ForecastInputs => ({
  activePeople: people,
  allPeople: Math.round(people * 1.05),
  leaves30d: Math.round(people * 0.5),
  pendingLeaves: Math.round(people * 0.0085),
  enterpriseCustomers: people * 5,
  personalCustomers: Math.round(people * 0.4),
  contracts: people * 6,
  contracts30d: Math.round(people * 0.5),
  followUps30d: people * 4,
  followUpsRecheck: people * 4,
  clocks30d: people * 40,
});
const settings: ForecastSettings = { leaveMode: 'approvals', crmFullPassDays: 7, notifyShare: 0.2, apiCalls: 5_000 };
const none = { checkEvents: null, approvalEvents: null, leaveApprovalEvents: null, notifyCalls: 0 };
const NOW = new Date('2026-12-05T02:00:00Z');
const STANDARD = { edition: 'standard' as const, entitlements: 0, addOnPacks: 0 };
const byId = (lines: ReturnType<typeof forecastLines>) => new Map(lines.map((l) => [l.id, l]));

describe('a month forecast', () => {
  it('charges nothing for the org and departure syncs (通讯录 and 离职信息 are exempt)', () => {
    const lines = byId(forecastLines(company(300), settings, none, NOW));
    expect(lines.get('org')).toMatchObject({ apiCalls: 0, events: 0, counted: true });
    expect(lines.get('departures')).toMatchObject({ apiCalls: 0, events: 0 });
  });

  it('fits the 标准版 at the 300-person demo, with a fifth kept for notifications', () => {
    const lines = forecastLines(company(300), settings, none, NOW);
    const m = byId(lines);
    // 6 groups of 50, 2 or 3 calls a night each, 30 nights.
    expect(m.get('attendance')!.apiCalls).toBeGreaterThan(6 * 2 * 30 - 1);
    expect(m.get('attendance')!.apiCalls).toBeLessThanOrEqual(6 * 3 * 30);
    expect(m.get('notify')!.apiCalls).toBe(1_000);
    const v = judgeForecast(lines, { apiCalls: 5_000, events: 3_000 }, METERED_QUOTAS, STANDARD);
    expect(v.fits).toBe(true);
  });

  it('at 10,000 people says the 标准版 cannot carry it, what to turn down, and which edition fits', () => {
    const lines = forecastLines(company(10_000), settings, none, NOW);
    const m = byId(lines);
    expect(m.get('attendance')!.apiCalls).toBeGreaterThan(12_000);
    expect(m.get('attendance')!.turnDown).toContain('DATA_SYNC_CRON');
    expect(m.get('crm')!.turnDown).toContain('CRM_FULL_PASS_DAYS');
    const v = judgeForecast(lines, { apiCalls: 5_000, events: 3_000 }, METERED_QUOTAS, STANDARD);
    expect(v.fits).toBe(false);
    expect(v.advice.some((a) => a.startsWith('考勤同步：'))).toBe(true);
    expect(v.fittingPlan?.label).toBe('专业版（1 个应用开发权益）');
  });

  it('counts check-in events once they arrive: one event per clock-in and two calls to re-read each', () => {
    const off = byId(forecastLines(company(10_000), settings, none, NOW)).get('checkEvents')!;
    expect(off.counted).toBe(false);
    expect(off.basis).toContain('未订阅');
    const on = byId(forecastLines(company(10_000), settings, { ...none, checkEvents: 1_000 }, NOW)).get('checkEvents')!;
    expect(on).toMatchObject({ counted: true, events: 400_000, apiCalls: 800_000 });
    expect(on.turnDown).toContain('attendance_check_record');
    const v = judgeForecast(
      forecastLines(company(10_000), settings, { ...none, checkEvents: 1_000 }, NOW),
      { apiCalls: 5_000, events: 3_000 },
      METERED_QUOTAS,
      STANDARD,
    );
    expect(v.advice[0]).toMatch(/^员工打卡事件：/);
  });

  it('costs less with CRM full passes every four weeks than every week', () => {
    const weekly = byId(forecastLines(company(10_000), settings, none, NOW)).get('crm')!.apiCalls;
    const monthly = byId(forecastLines(company(10_000), { ...settings, crmFullPassDays: 28 }, none, NOW)).get('crm')!.apiCalls;
    expect(monthly).toBeLessThan(weekly / 2);
  });
});
