/** The 9-box of a talent review: counts per cell and the people shown (rules in shared/src/talent/nineBox.ts). */
import { PERFORMANCE_LABELS, TIER_LABELS, fenToPlainYuan, type NineBoxPersonView, type TalentNineBox, type TalentNineBoxCell } from '@liucai/shared';
import { salesWindow } from '../queries/recentSales';
import type { NineBoxCount, NineBoxPlacements, PlacedPerson } from '../queries/nineBoxOf';

/** What both answers say of the month: job model, sales window, cut-offs and when they were stored. */
function head(box: NineBoxPlacements) {
  const c = box.cutoffs;
  return {
    period: box.period,
    jobModel: box.jobModel,
    window: box.period ? salesWindow(box.period) : null,
    cutoffs: c && { lowCny: fenToPlainYuan(c.lowFen), highCny: fenToPlainYuan(c.highFen), population: c.population },
    computedAt: box.computedAt?.toISOString() ?? null,
  };
}

const cellLabels = (c: Pick<NineBoxCount, 'tier' | 'performance' | 'advice'>) => ({
  tier: c.tier,
  tierLabel: TIER_LABELS[c.tier],
  performance: c.performance,
  performanceLabel: PERFORMANCE_LABELS[c.performance],
  advice: c.advice,
});

/**
 * The default answer: each box's count and its first people (`firsts`, in the boxes' order; `shown`: those people as
 * read, by userid).
 */
export function presentNineBox(
  box: NineBoxPlacements,
  counts: { cells: NineBoxCount[]; unplaced: number },
  firsts: readonly PlacedPerson[][],
  shown: ReadonlyMap<string, NineBoxPersonView>,
): TalentNineBox {
  return {
    ...head(box),
    cells: counts.cells.map((c, i) => ({ ...cellLabels(c), count: c.count, people: (firsts[i] ?? []).map((p) => shown.get(p.userid)!) })),
    unplaced: counts.unplaced,
  };
}

/** One page of one cell (`cell` null: no cut-offs, nobody placed). */
export function presentNineBoxCell(
  box: NineBoxPlacements,
  cell: Pick<NineBoxCount, 'tier' | 'performance' | 'advice'> & { total: number },
  page: { page: number; pageSize: number; people: NineBoxPersonView[] },
): TalentNineBoxCell {
  return { ...head(box), ...cellLabels(cell), total: cell.total, ...page };
}
