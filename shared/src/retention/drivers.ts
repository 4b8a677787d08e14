import { zh } from '../zhText';
import { BASELINE_WEEKS, RECENT_WEEKS, SIGNAL_LABELS, type MetricSignal, type PersonWeekSignals, type SignalMetric } from './signals';

/** Counting unit of each signal in the driver sentences. */
const UNITS: Record<SignalMetric, string> = {
  leaveCount: '次',
  leaveDayHundredths: '天',
  lateCount: '次',
  absenceCount: '天',
  unexcusedAbsenceCount: '天',
  followUps: '次',
  collaborations: '次',
  helping: '次',
  deals: '份',
  communication: '次',
};

/** The counting unit of a signal (次, 天, 份). */
export const signalUnit = (metric: SignalMetric): string => UNITS[metric];

const SHORT_LABELS: Record<SignalMetric, string> = { ...SIGNAL_LABELS, communication: '沟通' };

/** A number as the sentences show it: at most one decimal, no trailing “.0”. */
export function formatAmount(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/**
 * One signal in words against the person's own baseline, e.g. “近 4 周请假 3 次，是本人过去 12 周平均的 3 倍”.
 * The baseline average is scaled to the recent window's length so the two numbers compare like for like.
 */
export function describeSignal(metric: SignalMetric, s: MetricSignal): string {
  const scale = metric === 'leaveDayHundredths' ? 100 : 1;
  const unit = UNITS[metric];
  const label = SHORT_LABELS[metric];
  const recent = formatAmount(s.recentTotal / scale);
  const window = s.recentWeeks || RECENT_WEEKS;
  const head = zh`近 ${window} 周${label} ${recent} ${unit}`;
  if (s.baselineWeeks === 0) return zh`${head}，本人尚无过去 ${BASELINE_WEEKS} 周的基线`;
  const baselineSameWindow = (s.baselinePerWeek * window) / scale;
  const base = zh`本人过去 ${BASELINE_WEEKS} 周平均每 ${window} 周 ${formatAmount(baselineSameWindow)} ${unit}`;
  if (s.baselineTotal === 0) return s.recentTotal === 0 ? zh`${head}，与${base}持平` : zh`${head}，而${base}`;
  const ratio = s.recentPerWeek / s.baselinePerWeek;
  if (ratio >= 1.5) return zh`${head}，是本人过去 ${BASELINE_WEEKS} 周平均的 ${formatAmount(ratio)} 倍`;
  if (ratio > 1) return zh`${head}，比${base}多 ${Math.round((ratio - 1) * 100)}%`;
  if (ratio < 1) return zh`${head}，比${base}少 ${Math.round((1 - ratio) * 100)}%`;
  return zh`${head}，与${base}持平`;
}

/**
 * The sentence for a model feature built from signals (features are named after signal metrics); `teamClause`
 * (from the team comparison) is appended when given, e.g. “…；团队人均 9 次”.
 */
export function describeFeature(signals: PersonWeekSignals, feature: string, teamClause?: (metric: SignalMetric) => string): string {
  const metric = feature as SignalMetric;
  const s = signals.metrics[metric];
  return s ? describeSignal(metric, s) + (teamClause?.(metric) ?? '') : feature;
}
