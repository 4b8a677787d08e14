/**
 * Promotion eligibility (000 module 3): **3 consecutive months meeting KPI → eligible** for big-client supervisor.
 * "Meeting KPI" is a month's weighted total at or above that month's pass score; "consecutive" means calendar
 * months without a gap, counted back from the latest month given: a month without a score, or a missed month,
 * ends the streak. The evidence is the months of the streak with their scores.
 */
import { zh } from '../zhText';
import { exactDecimal, scaledText } from './exactDecimal';
import { KPI_PLACES } from './kpiTypes';

export interface MonthlyKpi {
  /** yyyy-mm. */
  period: string;
  /** The month's weighted total (0–100), or null when the month was not scored. */
  total: number | string | null;
  passScore: number | string;
}

export interface PromotionStreak {
  eligible: boolean;
  /** Consecutive months meeting KPI, ending at the latest month. */
  streak: number;
  required: number;
  /** The streak's months, oldest first (at most `required` of them when eligible). */
  evidence: { period: string; total: string; passScore: string }[];
  explanation: string;
}

const monthIndex = (period: string): number => {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`月份应为 yyyy-mm：${period}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
};
const hundredths = (v: number | string): number => {
  const r = exactDecimal(v, KPI_PLACES.score);
  if (!r.ok) throw new RangeError(`得分无效：${String(v)}`);
  return r.scaled;
};

/** The current streak in `history` (any order; one entry per month) and whether it makes the person eligible. */
export function promotionStreak(history: readonly MonthlyKpi[], required = 3): PromotionStreak {
  const months = [...history].sort((a, b) => monthIndex(a.period) - monthIndex(b.period));
  const streakMonths: PromotionStreak['evidence'] = [];
  for (let i = months.length - 1; i >= 0; i--) {
    const m = months[i]!;
    const newer = months[i + 1];
    if (newer && monthIndex(newer.period) - monthIndex(m.period) !== 1) break;
    if (m.total === null || hundredths(m.total) < hundredths(m.passScore)) break;
    streakMonths.unshift({ period: m.period, total: scaledText(hundredths(m.total), 2), passScore: scaledText(hundredths(m.passScore), 2) });
  }
  const streak = streakMonths.length;
  const eligible = streak >= required;
  const evidence = eligible ? streakMonths.slice(-required) : streakMonths;
  const listed = evidence.map((e) => `${e.period}（${e.total} 分 ≥ ${e.passScore}）`).join('、');
  const explanation = eligible
    ? zh`${listed}连续 ${required} 个月达标，具备晋升资格`
    : streak === 0
      ? `最近一个月未达标或无得分，连续达标 0 个月，还需 ${required} 个月`
      : zh`${listed}连续达标 ${streak} 个月，还需 ${required - streak} 个月`;
  return { eligible, streak, required, evidence, explanation };
}
