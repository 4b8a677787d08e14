import { SIGNAL_METRICS, type PersonWeekSignals, type SignalMetric } from './signals';

/**
 * The model's features from a person's weekly signals: for each signal, the log ratio of the recent weekly rate to
 * the baseline rate, smoothed by half an event a week so that 0 → 1 and 0 → 0 stay finite. Positive = more than
 * usual, in either direction the model learns which matters.
 */
export const SIGNAL_FEATURES: readonly SignalMetric[] = SIGNAL_METRICS;

/** Feature row of one person-week, in `SIGNAL_FEATURES` order. */
export function signalFeatureRow(signals: PersonWeekSignals): number[] {
  return SIGNAL_FEATURES.map((m) => {
    const s = signals.metrics[m];
    const scale = m === 'leaveDayHundredths' ? 100 : 1;
    return Math.log((s.recentPerWeek / scale + 0.5) / (s.baselinePerWeek / scale + 0.5));
  });
}
