/**
 * The match-score trend over the last quarters (我的画像, 员工档案 → 画像), of the job model of the person's newest
 * monthly score: a quarter's point is its stored quarterly score (period yyyyQn, scored from the quarter's portrait)
 * when the job computed one, else the score of the quarter's newest month that has one (a quarter still running, or
 * quarters from before quarterly portraits were stored). A quarter whose score is 数据不足 keeps its place with no
 * value, so the line breaks there instead of dropping to zero.
 */
import { zh } from '../zhText';
import type { TalentTier } from './jobModelTypes';
import { quarterOf } from './talentPeriod';

/** What the trend needs of a stored score (TalentScoreView has it). */
export interface TrendScoreInput {
  period: string;
  jobModelId: number;
  score: string | null;
  tier: TalentTier | null;
}

export interface TrendPoint {
  /** “2026Q3”. */
  quarter: string;
  /** The stored period the point comes from: the quarter itself (yyyyQn) or a month of it (yyyy-mm). */
  period: string;
  /** One decimal, or null when 数据不足. */
  score: string | null;
  tier: TalentTier | null;
}

export interface ScoreTrend {
  points: TrendPoint[];
  /** 数据不足 and what is missing when fewer than two quarters have a score (no line is drawn then). */
  insufficient: string | null;
}

/** The last `quarters` quarters with a stored score, oldest first. `scores` (monthly) and `quarterScores` in any order. */
export function scoreTrend(scores: TrendScoreInput[], quarters = 6, quarterScores: TrendScoreInput[] = []): ScoreTrend {
  const newest = [...scores].sort((a, b) => b.period.localeCompare(a.period))[0];
  if (!newest) return { points: [], insufficient: '数据不足：还没有任何月份的匹配度' };
  const byQuarter = new Map<string, TrendScoreInput>();
  for (const s of scores) {
    if (s.jobModelId !== newest.jobModelId) continue;
    const q = quarterOf(s.period);
    const held = byQuarter.get(q);
    if (!held || s.period > held.period) byQuarter.set(q, s);
  }
  // A stored quarterly score wins over any month of its quarter.
  for (const s of quarterScores) if (s.jobModelId === newest.jobModelId) byQuarter.set(s.period, s);
  const points = [...byQuarter.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(-quarters)
    .map(([quarter, s]) => ({ quarter, period: s.period, score: s.score, tier: s.tier }));
  const scored = points.filter((p) => p.score !== null).length;
  const insufficient = scored >= 2 ? null : zh`数据不足：只有 ${scored} 个季度有匹配度，至少 2 个季度才能看出趋势`;
  return { points, insufficient };
}
