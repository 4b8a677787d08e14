/**
 * The 9-box (九宫格) of the talent review: potential is the match-score tier (≥ 80 立即转型, 60 to < 80 先培训,
 * < 60 调岗), performance is recent sales — the signed, not cancelled contract value of the three months ending with
 * the review month (the portraits' 小客户成交额 + 大客户成交额) — in thirds of the company's scored salespeople:
 * 低 up to the 33rd percentile, 高 above the 67th, 中 between (nearest-rank percentiles over everyone scored that
 * month, so an HR user's scope never moves the cut-offs). People without a score (数据不足) are not placed.
 */
import type { TalentTier } from './jobModelTypes';

export type PerformanceThird = 'low' | 'mid' | 'high';
export const PERFORMANCE_THIRDS: readonly PerformanceThird[] = ['low', 'mid', 'high'];
export const PERFORMANCE_LABELS: Record<PerformanceThird, string> = { low: '业绩低', mid: '业绩中', high: '业绩高' };

/** Nearest-rank percentile `p` (0–100) of integer values; null for an empty list. */
export function nearestRankPercentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface PerformanceCutoffs {
  /** Sales (fen) at or below which performance is 低. */
  lowFen: number;
  /** Sales (fen) above which performance is 高. */
  highFen: number;
  /** How many people the cut-offs were taken from. */
  population: number;
}

/** The cut-offs from everyone scored in the month (sales in fen), or null when nobody was. */
export function performanceCutoffs(salesFen: readonly number[]): PerformanceCutoffs | null {
  const low = nearestRankPercentile(salesFen, 100 / 3);
  const high = nearestRankPercentile(salesFen, 200 / 3);
  return low === null || high === null ? null : { lowFen: low, highFen: high, population: salesFen.length };
}

export function performanceThird(salesFen: number, c: PerformanceCutoffs): PerformanceThird {
  if (salesFen <= c.lowFen) return 'low';
  return salesFen > c.highFen ? 'high' : 'mid';
}

/** What each of the nine boxes suggests HR does (rows: tier; columns: performance). */
export const NINE_BOX_ADVICE: Record<TalentTier, Record<PerformanceThird, string>> = {
  move: { high: '明星：优先转做大客户', mid: '潜力股：转型并配导师', low: '能力够、业绩弱：查清原因再转型' },
  train: { high: '业绩骨干：针对差距培训后转型', mid: '中坚：按差距培训', low: '待观察：培训并跟进业绩' },
  reassign: { high: '小客户能手：留在中小客户并激励', mid: '稳定贡献：调岗中小客户', low: '需改进：调岗并制定改进计划' },
};

/** How many people of each cell the 9-box answers by default (the rest one cell at a time, paged). */
export const NINE_BOX_PREVIEW = 8;

/** A cell's key in `?cell=`: tier and performance, e.g. `move-high`. */
export type NineBoxCellKey = `${TalentTier}-${PerformanceThird}`;
export const NINE_BOX_CELL_KEYS: readonly NineBoxCellKey[] = (['move', 'train', 'reassign'] as const).flatMap((tier) =>
  PERFORMANCE_THIRDS.map((p): NineBoxCellKey => `${tier}-${p}`),
);

export interface NineBoxEntry<P> {
  person: P;
  tier: TalentTier;
  salesFen: number;
}

export interface NineBoxCell<P> {
  tier: TalentTier;
  performance: PerformanceThird;
  advice: string;
  people: P[];
}

/** The nine cells, rows 立即转型 → 调岗, columns 业绩低 → 业绩高, people kept in the order given. */
export function nineBox<P>(entries: readonly NineBoxEntry<P>[], c: PerformanceCutoffs): NineBoxCell<P>[] {
  const tiers: TalentTier[] = ['move', 'train', 'reassign'];
  const cells = tiers.flatMap((tier) =>
    PERFORMANCE_THIRDS.map((performance): NineBoxCell<P> => ({ tier, performance, advice: NINE_BOX_ADVICE[tier][performance], people: [] })),
  );
  for (const e of entries) {
    const i = tiers.indexOf(e.tier) * 3 + PERFORMANCE_THIRDS.indexOf(performanceThird(e.salesFen, c));
    cells[i]!.people.push(e.person);
  }
  return cells;
}
