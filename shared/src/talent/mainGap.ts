/**
 * The main gap of a score: the dimension with data that lost the most points, i.e. the largest applied weight ×
 * (100 − score) ÷ 100 (ties: the first in the model). Null when every dimension with data is full or none has data.
 */
import type { DimensionResult } from './matchScore';

export interface MainGap {
  id: string;
  label: string;
  score: string;
  /** Points lost to the total, to one decimal. */
  lost: string;
}

export function mainGap(dimensions: readonly DimensionResult[]): MainGap | null {
  let best: { d: DimensionResult; lostH: number } | null = null;
  for (const d of dimensions) {
    if (d.score === null || d.appliedWeight === null) continue;
    // Hundredths of a point, from the shown one-decimal score and two-decimal weight (display only).
    const lostH = Math.round(((1000 - Math.round(Number(d.score) * 10)) * Math.round(Number(d.appliedWeight) * 100)) / 1000);
    if (lostH > 0 && (!best || lostH > best.lostH)) best = { d, lostH };
  }
  return best ? { id: best.d.id, label: best.d.label, score: best.d.score!, lost: (best.lostH / 100).toFixed(1) } : null;
}
