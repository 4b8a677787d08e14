import type { DomainFact } from './domainSignals';
import type { RiskModelKind } from './riskModel';
import { SIGNAL_METRICS, type PersonWeekSignals, type SignalMetric } from './signals';

/**
 * The model's features from a person's weekly signals: for each signal, the log ratio of the recent weekly rate to
 * the baseline rate, smoothed by half an event a week so that 0 → 1 and 0 → 0 stay finite. Positive = more than
 * usual, in either direction the model learns which matters.
 */
export const SIGNAL_FEATURES: readonly SignalMetric[] = SIGNAL_METRICS;

/**
 * The other domains' features (model kind v2), each 0 when the domain has no baseline for the person (无数据 or no
 * earlier month), so a corp without pay, talent or training data gets a constant column the fit drops:
 * - `payoutChange`: log((latest month + 100 元) ÷ (average of up to 3 months before + 100 元)) of published payouts;
 * - `matchScoreChange`: the latest month's match score minus the average of up to 3 months before, in tens of
 *   points (85.5 → 75.5 = −1);
 * - `trainingChange`: log((courses completed in the recent 4 weeks + 0.5) ÷ (the baseline's per 4 weeks + 0.5)).
 */
export const DOMAIN_FEATURES = ['payoutChange', 'matchScoreChange', 'trainingChange'] as const;
export type DomainFeature = (typeof DOMAIN_FEATURES)[number];

/** Each model kind's features, in row order. Never changed once a kind is used. */
export const MODEL_FEATURES: Record<RiskModelKind, readonly string[]> = {
  'logistic-l2-platt-v1': SIGNAL_FEATURES,
  'logistic-l2-platt-v2': [...SIGNAL_FEATURES, ...DOMAIN_FEATURES],
};

/** Feature row of one person-week, in `SIGNAL_FEATURES` order. */
export function signalFeatureRow(signals: PersonWeekSignals): number[] {
  return SIGNAL_FEATURES.map((m) => signalFeature(signals, m));
}

function signalFeature(signals: PersonWeekSignals, m: SignalMetric): number {
  const s = signals.metrics[m];
  const scale = m === 'leaveDayHundredths' ? 100 : 1;
  return Math.log((s.recentPerWeek / scale + 0.5) / (s.baselinePerWeek / scale + 0.5));
}

/** The domain signal each domain feature is read from (a driver's sentence is that signal's). */
export const DOMAIN_FEATURE_SIGNAL: Record<DomainFeature, DomainFact['key']> = {
  payoutChange: 'payout',
  matchScoreChange: 'matchScore',
  trainingChange: 'training',
};

function domainFeature(domain: readonly DomainFact[], feature: DomainFeature): number {
  const f = domain.find((d) => d.key === DOMAIN_FEATURE_SIGNAL[feature]);
  if (!f || f.status !== 'ok' || f.recent === null || f.baseline === null) return 0;
  if (feature === 'payoutChange') return Math.log((f.recent / 100 + 100) / (f.baseline / 100 + 100));
  if (feature === 'matchScoreChange') return (f.recent - f.baseline) / 100;
  return Math.log((f.recent + 0.5) / (f.baseline + 0.5));
}

/** The row of any model's features (`features` as the model lists them) from the week's signals and domain values. */
export function featureRow(features: readonly string[], signals: PersonWeekSignals, domain: readonly DomainFact[] = []): number[] {
  return features.map((f) =>
    (DOMAIN_FEATURES as readonly string[]).includes(f) ? domainFeature(domain, f as DomainFeature) : signalFeature(signals, f as SignalMetric),
  );
}
