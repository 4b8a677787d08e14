import { articleRule, articleRuleOnChanges } from './articleRule';
import { emptyWeek, personWeekSignals, type WeekActivity } from './signals';
import { addDays, weeksEnding } from './weeks';

const EVALUATED = '2026-11-30'; // a Monday

function week(weekStart: string, over: Partial<WeekActivity> = {}): WeekActivity {
  return { ...emptyWeek(weekStart), ...over };
}

/** 16 weeks: 12 of baseline then 4 recent, each built by `base` / `recent`. */
function history(base: (i: number) => Partial<WeekActivity>, recent: (i: number) => Partial<WeekActivity>): WeekActivity[] {
  const starts = weeksEnding(EVALUATED, 16);
  return starts.map((s, i) => week(s, i < 12 ? base(i) : recent(i - 12)));
}

describe('the articles’ rule (seed 004)', () => {
  it('flags the articles’ case: leave +40%, messages −60%, helping 5 a week → 0 → high risk 80%', () => {
    // Baseline: 15 leaves in 12 weeks (1.25 a week), 5 follow-ups and 5 helps a week → communication 10 a week.
    // Recent: 7 leaves in 4 weeks (1.75 a week = +40%), 4 follow-ups a week, no help → communication 4 a week (−60%).
    const weeks = history(
      (i) => ({ leaveCount: i % 4 === 0 ? 2 : 1, followUps: 5, helping: 5 }),
      (i) => ({ leaveCount: i === 0 ? 1 : 2, followUps: 4, helping: 0 }),
    );
    const s = personWeekSignals(weeks, EVALUATED);
    expect(s.metrics.leaveCount.baselineTotal).toBe(15);
    expect(s.metrics.leaveCount.recentTotal).toBe(7);
    expect(s.metrics.leaveCount.change).toBeCloseTo(0.4, 12);
    expect(s.metrics.communication.change).toBeCloseTo(-0.6, 12);
    expect(s.metrics.helping.baselinePerWeek).toBe(5);
    expect(s.metrics.helping.recentPerWeek).toBe(0);
    const r = articleRule(s);
    expect(r).toMatchObject({ evaluated: true, fired: true, probability: 0.8, band: '高', communicationDown: true, leaveUp: true });
    expect(r.reason).toBe('沟通较本人基线 -60%，请假频率较本人基线 +40%：符合“沟通下降超过 50% 且请假频率上升超过 30%”，高风险（80%）');
    expect(articleRuleOnChanges({ communicationChange: -0.6, leaveFrequencyChange: 0.4 })).toMatchObject({ fired: true, probability: 0.8, band: '高' });
  });

  it('needs both conditions, each strictly past its threshold', () => {
    expect(articleRuleOnChanges({ communicationChange: -0.6, leaveFrequencyChange: 0.2 }).fired).toBe(false);
    expect(articleRuleOnChanges({ communicationChange: -0.4, leaveFrequencyChange: 0.4 }).fired).toBe(false);
    expect(articleRuleOnChanges({ communicationChange: -0.5, leaveFrequencyChange: 0.4 }).fired).toBe(false);
    expect(articleRuleOnChanges({ communicationChange: -0.6, leaveFrequencyChange: 0.1 + 0.2 }).fired).toBe(false);
    expect(articleRuleOnChanges({ communicationChange: -0.51, leaveFrequencyChange: 0.31 }).fired).toBe(true);
  });

  it('compares exactly at the thresholds on the weekly totals', () => {
    // Communication exactly halved (10 → 5 a week) and leave exactly +30% (10 → 13 per 12 weeks' rate ×4/12): not fired.
    const exact = history(
      (i) => ({ followUps: 10, leaveCount: i < 10 ? 1 : 0 }), // 10 leaves in 12 weeks
      (i) => ({ followUps: 5, leaveCount: i < 1 ? 1 : 0 }), // 1 leave in 4 weeks: 0.25/wk vs 0.833/wk (down)
    );
    expect(articleRule(personWeekSignals(exact, EVALUATED))).toMatchObject({ communicationDown: false, fired: false });
    // 12 leaves in 12 weeks (1/wk); recent 4 weeks with 5.2/4 = 1.3/wk is impossible in integers, so use 13 vs 10 per 12
    // with baseline 30 in 12 weeks (2.5/wk) and recent 13 in 4 weeks (3.25/wk = +30% exactly): not "more than".
    const leaveExact = history(
      (i) => ({ followUps: 10, leaveCount: i % 2 === 0 ? 3 : 2 }), // 30
      (i) => ({ followUps: 4, leaveCount: i === 0 ? 4 : 3 }), // 13
    );
    const s = personWeekSignals(leaveExact, EVALUATED);
    expect(s.metrics.leaveCount.baselineTotal).toBe(30);
    expect(s.metrics.leaveCount.recentTotal).toBe(13);
    expect(articleRule(s)).toMatchObject({ communicationDown: true, leaveUp: false, fired: false });
    const oneMore = leaveExact.map((w, i) => (i === 15 ? { ...w, leaveCount: w.leaveCount + 1 } : w));
    expect(articleRule(personWeekSignals(oneMore, EVALUATED))).toMatchObject({ leaveUp: true, fired: true });
  });

  it('counts leave appearing from a zero baseline as up, and communication from zero as never down', () => {
    const weeks = history(
      () => ({ followUps: 6 }),
      () => ({ followUps: 1, leaveCount: 1 }),
    );
    const r = articleRule(personWeekSignals(weeks, EVALUATED));
    expect(r).toMatchObject({ fired: true, leaveFrequencyChange: null });
    const silent = history(
      () => ({}),
      () => ({ leaveCount: 1 }),
    );
    expect(articleRule(personWeekSignals(silent, EVALUATED))).toMatchObject({ communicationDown: false, fired: false });
  });

  it('says a new person has no baseline and does not flag them', () => {
    const starts = weeksEnding(EVALUATED, 9); // hired 9 weeks ago: 5 baseline weeks
    const weeks = starts.map((s, i) => week(s, i < 5 ? { followUps: 10 } : { leaveCount: 2 }));
    const s = personWeekSignals(weeks, EVALUATED);
    expect(s.baseline).toBe('insufficient');
    expect(s.baselineWeeks).toBe(5);
    const r = articleRule(s);
    expect(r).toMatchObject({ evaluated: false, fired: false, probability: null });
    expect(r.reason).toContain('基线不足');
  });

  it('ignores weeks outside the 16-week window', () => {
    const old = week(addDays(EVALUATED, -7 * 16), { leaveCount: 50, followUps: 100 });
    const weeks = [
      old,
      ...history(
        () => ({ followUps: 3 }),
        () => ({ followUps: 3 }),
      ),
    ];
    const s = personWeekSignals(weeks, EVALUATED);
    expect(s.metrics.leaveCount.baselineTotal).toBe(0);
    expect(s.metrics.followUps.change).toBe(0);
  });
});
