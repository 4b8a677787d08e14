import { weeksEnding, addDays } from './weeks';

/**
 * Weekly behaviour signals of one person, each against the person's own trailing baseline.
 *
 * - The recent window is the 4 weeks ending with the evaluated week; the baseline is the 12 weeks before it.
 * - Only weeks the person was employed and observed count (the caller lists them, zeros included); a person
 *   with fewer than 8 baseline weeks has no baseline yet and says so.
 * - Communication: DingTalk does not expose chat message counts, so communication is what we can read of a
 *   person's dealings with others: CRM follow-ups + cross-department collaborations + follow-ups on colleagues'
 *   customers (helping). A help counts twice on purpose: it is a follow-up and an act of helping.
 */

export const RECENT_WEEKS = 4;
export const BASELINE_WEEKS = 12;
export const MIN_BASELINE_WEEKS = 8;

/** What one person did in one week (Monday `weekStart`); every count an integer. */
export interface WeekActivity {
  weekStart: string;
  /** Approved leaves starting this week. */
  leaveCount: number;
  /** Days of those leaves × 100 (hours count as 1/8 day). */
  leaveDayHundredths: number;
  /** Late check-ins (Late, SeriousLate). */
  lateCount: number;
  /** Work days with a check marked absent (Absenteeism) or missing (NotSigned) on duty. */
  absenceCount: number;
  /** Work days with no clock-in and no approved leave (absence without leave). */
  unexcusedAbsenceCount: number;
  /** CRM follow-ups recorded by the person. */
  followUps: number;
  /** Cross-department collaborations. */
  collaborations: number;
  /** Follow-ups on customers the person does not own (helping colleagues). */
  helping: number;
  /** Deals signed that count (not cancelled, not removed). */
  deals: number;
}

/** The activity counts of a week, in this order wherever they are kept as numbers (communication is derived). */
export const COUNT_METRICS = [
  'leaveCount',
  'leaveDayHundredths',
  'lateCount',
  'absenceCount',
  'unexcusedAbsenceCount',
  'followUps',
  'collaborations',
  'helping',
  'deals',
] as const;

/** A week's counts with nothing in them. */
export function emptyCounts(): Omit<WeekActivity, 'weekStart'> {
  return Object.fromEntries(COUNT_METRICS.map((m) => [m, 0])) as Omit<WeekActivity, 'weekStart'>;
}

/** A week with nothing in it (a person's observed week no row counted). */
export const emptyWeek = (weekStart: string): WeekActivity => ({ weekStart, ...emptyCounts() });

export const SIGNAL_METRICS = [...COUNT_METRICS, 'communication'] as const;
export type SignalMetric = (typeof SIGNAL_METRICS)[number];

/** The Chinese name of each signal. */
export const SIGNAL_LABELS: Record<SignalMetric, string> = {
  leaveCount: '请假',
  leaveDayHundredths: '请假天数',
  lateCount: '迟到',
  absenceCount: '缺勤',
  unexcusedAbsenceCount: '未请假缺勤',
  followUps: '客户跟进',
  collaborations: '跨部门协作',
  helping: '帮同事跟进客户',
  deals: '成交',
  communication: '沟通（跟进、协作与帮同事跟进之和）',
};

/** Communication as defined above. */
export function communicationOf(w: WeekActivity): number {
  return w.followUps + w.collaborations + w.helping;
}

/** One metric: totals over the windows (exact integers) and the per-week rates derived from them. */
export interface MetricSignal {
  recentTotal: number;
  recentWeeks: number;
  baselineTotal: number;
  baselineWeeks: number;
  recentPerWeek: number;
  baselinePerWeek: number;
  /** Relative change of the weekly rate (0.4 = +40%); null when the baseline is zero. */
  change: number | null;
}

export interface PersonWeekSignals {
  weekStart: string;
  /** `ok`, or `insufficient` for people (new hires) with fewer than 8 observed baseline weeks. */
  baseline: 'ok' | 'insufficient';
  baselineWeeks: number;
  recentWeeks: number;
  metrics: Record<SignalMetric, MetricSignal>;
}

/** Totals of every signal from the counts' totals (communication = follow-ups + collaborations + helping). */
export function signalTotals(counts: readonly number[]): Record<SignalMetric, number> {
  const out = Object.fromEntries(COUNT_METRICS.map((m, i) => [m, counts[i] ?? 0])) as Record<SignalMetric, number>;
  out.communication = out.followUps + out.collaborations + out.helping;
  return out;
}

/**
 * The signals from the windows' totals (COUNT_METRICS order) and observed weeks: what `personWeekSignals` computes
 * from the weeks, and what a stored risk's numbers give back on read.
 */
export function signalsFromTotals(
  weekStart: string,
  recentWeeks: number,
  baselineWeeks: number,
  recentCounts: readonly number[],
  baselineCounts: readonly number[],
): PersonWeekSignals {
  const recent = signalTotals(recentCounts);
  const base = signalTotals(baselineCounts);
  const metrics = {} as Record<SignalMetric, MetricSignal>;
  for (const metric of SIGNAL_METRICS) {
    const recentTotal = recent[metric];
    const baselineTotal = base[metric];
    const recentPerWeek = recentWeeks ? recentTotal / recentWeeks : 0;
    const baselinePerWeek = baselineWeeks ? baselineTotal / baselineWeeks : 0;
    metrics[metric] = {
      recentTotal,
      recentWeeks,
      baselineTotal,
      baselineWeeks,
      recentPerWeek,
      baselinePerWeek,
      change: baselineTotal > 0 ? (recentPerWeek - baselinePerWeek) / baselinePerWeek : null,
    };
  }
  return {
    weekStart,
    baseline: baselineWeeks >= MIN_BASELINE_WEEKS && recentWeeks > 0 ? 'ok' : 'insufficient',
    baselineWeeks,
    recentWeeks,
    metrics,
  };
}

/** The counts' totals of a signals value (COUNT_METRICS order), recent and baseline: what a risk stores. */
export const countTotals = (s: PersonWeekSignals, window: 'recentTotal' | 'baselineTotal'): number[] => COUNT_METRICS.map((m) => s.metrics[m][window]);

/** The signals of the week starting `weekStart`, from the person's observed weeks (any order, weeks outside ignored). */
export function personWeekSignals(weeks: readonly WeekActivity[], weekStart: string): PersonWeekSignals {
  const byWeek = new Map(weeks.map((w) => [w.weekStart, w]));
  const recentDays = weeksEnding(weekStart, RECENT_WEEKS);
  const baselineDays = weeksEnding(addDays(weekStart, -7 * RECENT_WEEKS), BASELINE_WEEKS);
  const recent = recentDays.map((d) => byWeek.get(d)).filter((w): w is WeekActivity => !!w);
  const baseline = baselineDays.map((d) => byWeek.get(d)).filter((w): w is WeekActivity => !!w);
  const sum = (ws: WeekActivity[]) => COUNT_METRICS.map((m) => ws.reduce((s, w) => s + w[m], 0));
  return signalsFromTotals(weekStart, recent.length, baseline.length, sum(recent), sum(baseline));
}

/**
 * Whether the recent weekly rate is above the baseline rate by more than `num/den` (e.g. 3/10 for +30%), compared
 * on integers (no float rounding at the threshold). A zero baseline with recent activity counts as up.
 */
export function risesMoreThan(s: MetricSignal, num: number, den: number): boolean {
  if (s.recentWeeks === 0 || s.baselineWeeks === 0) return false;
  // recentTotal/recentWeeks > (1 + num/den) * baselineTotal/baselineWeeks
  return s.recentTotal * s.baselineWeeks * den > (den + num) * s.baselineTotal * s.recentWeeks;
}

/** Whether the recent weekly rate is below the baseline rate by more than `num/den` (e.g. 1/2 for −50%). */
export function fallsMoreThan(s: MetricSignal, num: number, den: number): boolean {
  if (s.recentWeeks === 0 || s.baselineWeeks === 0 || s.baselineTotal === 0) return false;
  // recentTotal/recentWeeks < (1 - num/den) * baselineTotal/baselineWeeks
  return s.recentTotal * s.baselineWeeks * den < (den - num) * s.baselineTotal * s.recentWeeks;
}
