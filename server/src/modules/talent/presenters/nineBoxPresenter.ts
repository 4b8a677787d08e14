/** The 9-box of a talent review: counts per cell and the people shown (rules in shared/src/talent/nineBox.ts). */
import {
  PERFORMANCE_LABELS,
  TIER_LABELS,
  fenToPlainYuan,
  type NineBoxCell,
  type NineBoxPersonView,
  type TalentNineBox,
  type TalentNineBoxCell,
} from '@liucai/shared';
import { salesWindow } from '../queries/recentSales';
import type { NineBoxPlacements, PlacedPerson } from '../queries/nineBoxOf';

/** What both answers say of the month: job model, sales window and cut-offs. */
function head(box: NineBoxPlacements) {
  const c = box.cutoffs;
  return {
    period: box.period,
    jobModel: box.jobModel,
    window: box.period ? salesWindow(box.period) : null,
    cutoffs: c && { lowCny: fenToPlainYuan(c.lowFen), highCny: fenToPlainYuan(c.highFen), population: c.population },
  };
}

const cellLabels = (c: Pick<NineBoxCell<PlacedPerson>, 'tier' | 'performance' | 'advice'>) => ({
  tier: c.tier,
  tierLabel: TIER_LABELS[c.tier],
  performance: c.performance,
  performanceLabel: PERFORMANCE_LABELS[c.performance],
  advice: c.advice,
});

/** The default answer: each cell's count and its first people (`shown`: those people as read, by userid). */
export function presentNineBox(box: NineBoxPlacements, preview: number, shown: ReadonlyMap<string, NineBoxPersonView>): TalentNineBox {
  return {
    ...head(box),
    cells: box.cells.map((c) => ({ ...cellLabels(c), count: c.people.length, people: c.people.slice(0, preview).map((p) => shown.get(p.userid)!) })),
    unplaced: box.unplaced,
  };
}

/** One page of one cell (`cell` null: no cut-offs, nobody placed). */
export function presentNineBoxCell(
  box: NineBoxPlacements,
  cell: Pick<NineBoxCell<PlacedPerson>, 'tier' | 'performance' | 'advice'> & { total: number },
  page: { page: number; pageSize: number; people: NineBoxPersonView[] },
): TalentNineBoxCell {
  return { ...head(box), ...cellLabels(cell), total: cell.total, ...page };
}
