import { editionLabel, editionQuota, judgeForecast, planThatFits, type ForecastLine, type QuotaCatalog } from './meteredBudget';

const CATALOG: QuotaCatalog = {
  standard: { apiCalls: 5_000, events: 3_000 },
  professionalEntitlement: { apiCalls: 200_000, events: 50_000 },
  addOnPack: { apiCalls: 5_000_000, events: 500_000 },
  professionalLegacy: { apiCalls: 500_000, events: 50_000 },
};
const STANDARD = { edition: 'standard' as const, entitlements: 0, addOnPacks: 0 };

describe('editions', () => {
  it('gives each edition its monthly calls and events', () => {
    expect(editionQuota(CATALOG, STANDARD)).toEqual({ apiCalls: 5_000, events: 3_000 });
    expect(editionQuota(CATALOG, { edition: 'professional', entitlements: 2, addOnPacks: 0 })).toEqual({ apiCalls: 400_000, events: 100_000 });
    expect(editionQuota(CATALOG, { edition: 'professional', entitlements: 1, addOnPacks: 1 })).toEqual({ apiCalls: 5_200_000, events: 550_000 });
    expect(editionQuota(CATALOG, { edition: 'professional-legacy', entitlements: 1, addOnPacks: 0 })).toEqual({ apiCalls: 500_000, events: 50_000 });
    expect(editionLabel(STANDARD)).toBe('标准版');
    expect(editionLabel({ edition: 'professional', entitlements: 2, addOnPacks: 1 })).toBe('专业版（2 个应用开发权益） + 1 个扩展包');
  });

  it('suggests the smallest purchase that covers a month', () => {
    expect(planThatFits(CATALOG, { apiCalls: 4_000, events: 100 })).toEqual(STANDARD);
    expect(planThatFits(CATALOG, { apiCalls: 30_000, events: 100 })).toEqual({ edition: 'professional', entitlements: 1, addOnPacks: 0 });
    expect(planThatFits(CATALOG, { apiCalls: 30_000, events: 120_000 })).toEqual({ edition: 'professional', entitlements: 3, addOnPacks: 0 });
    // 440,000 check-in events a month is more than five entitlements: an add-on pack.
    expect(planThatFits(CATALOG, { apiCalls: 900_000, events: 440_000 })).toEqual({ edition: 'professional', entitlements: 1, addOnPacks: 1 });
  });
});

const line = (over: Partial<ForecastLine>): ForecastLine => ({
  id: 'attendance',
  label: '考勤同步',
  apiCalls: 0,
  events: 0,
  basis: '',
  counted: true,
  turnDown: null,
  ...over,
});

describe('judging a forecast', () => {
  it('says a month that fits fits, with its sum', () => {
    const v = judgeForecast([line({ apiCalls: 500 }), line({ id: 'crm', label: 'CRM 同步', apiCalls: 300 })], CATALOG.standard, CATALOG, STANDARD);
    expect(v).toMatchObject({ fits: true, need: { apiCalls: 800, events: 0 }, advice: [], fittingPlan: null });
    expect(v.summary).toContain('在标准版每月额度（5,000 次、3,000 条）之内');
  });

  it('leaves out what is not in use, and for a month over the quota says what to turn down, biggest first, then what fits', () => {
    const lines = [
      line({ apiCalls: 16_000, turnDown: '每周同步' }),
      line({ id: 'crm', label: 'CRM 同步', apiCalls: 1_500, turnDown: '改为 28 天' }),
      line({ id: 'org', label: '组织架构同步' }),
      line({ id: 'checkEvents', label: '员工打卡事件', apiCalls: 880_000, events: 440_000, counted: false, turnDown: '取消订阅' }),
    ];
    const v = judgeForecast(lines, CATALOG.standard, CATALOG, STANDARD);
    expect(v.fits).toBe(false);
    expect(v.need).toEqual({ apiCalls: 17_500, events: 0 });
    expect(v.summary).toContain('调用超出 12,500 次');
    expect(v.advice[0]).toBe('考勤同步：每周同步');
    expect(v.advice[1]).toBe('CRM 同步：改为 28 天');
    expect(v.advice.at(-1)).toContain('专业版（1 个应用开发权益）');
    expect(v.fittingPlan).toMatchObject({ edition: 'professional', entitlements: 1, quota: { apiCalls: 200_000 } });
  });
});
