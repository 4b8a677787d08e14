import { describeSignal } from './drivers';
import type { MetricSignal } from './signals';

const sig = (recentTotal: number, baselineTotal: number, recentWeeks = 4, baselineWeeks = 12): MetricSignal => ({
  recentTotal,
  baselineTotal,
  recentWeeks,
  baselineWeeks,
  recentPerWeek: recentTotal / recentWeeks,
  baselinePerWeek: baselineWeeks ? baselineTotal / baselineWeeks : 0,
  change: baselineTotal ? recentTotal / recentWeeks / (baselineTotal / baselineWeeks) - 1 : null,
});

describe('drivers in words', () => {
  it('says leave tripled the way the issue words it', () => {
    expect(describeSignal('leaveCount', sig(3, 3))).toBe('近 4 周请假 3 次，是本人过去 12 周平均的 3 倍');
  });
  it('says falls, rises from nothing and missing baselines', () => {
    expect(describeSignal('helping', sig(0, 60))).toBe('近 4 周帮同事跟进客户 0 次，比本人过去 12 周平均每 4 周 20 次少 100%');
    expect(describeSignal('communication', sig(16, 120))).toBe('近 4 周沟通 16 次，比本人过去 12 周平均每 4 周 40 次少 60%');
    expect(describeSignal('leaveCount', sig(2, 0))).toBe('近 4 周请假 2 次，而本人过去 12 周平均每 4 周 0 次');
    expect(describeSignal('leaveDayHundredths', sig(250, 300))).toBe('近 4 周请假天数 2.5 天，是本人过去 12 周平均的 2.5 倍');
    expect(describeSignal('lateCount', sig(1, 0, 4, 0))).toBe('近 4 周迟到 1 次，本人尚无过去 12 周的基线');
  });
});
