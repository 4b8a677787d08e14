/** Risk bands shown to HR: 高 / 中 / 低 by calibrated probability (thresholds are part of the model version). */
export type RiskBand = '高' | '中' | '低';

/** 高 at 50% or more, 中 from 20%, 低 below. */
export const BAND_THRESHOLDS = { high: 0.5, medium: 0.2 } as const;

/** The band of a probability. */
export function bandOf(probability: number): RiskBand {
  if (probability >= BAND_THRESHOLDS.high) return '高';
  if (probability >= BAND_THRESHOLDS.medium) return '中';
  return '低';
}
