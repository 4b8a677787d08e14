/** The 9-box of a talent review: its scored people placed by tier and recent sales (rules in shared/src/talent/nineBox.ts). */
import {
  PERFORMANCE_LABELS,
  TIER_LABELS,
  fenToPlainYuan,
  nineBox,
  performanceCutoffs,
  type NineBoxPersonView,
  type TalentNineBox,
  type TalentTier,
} from '@liucai/shared';
import { salesWindow } from '../queries/recentSales';
import type { LeanReviewPerson } from '../queries/talentReviewOf';

/** `sales`: everyone scored in the corp that month (the cut-offs), userid → fen. */
export function presentNineBox(
  review: { period: string | null; jobModel: { id: number; name: string } | null; people: LeanReviewPerson[] },
  sales: ReadonlyMap<string, number>,
): TalentNineBox {
  const cutoffs = performanceCutoffs([...sales.values()]);
  const placed = review.people.filter((p): p is typeof p & { tier: TalentTier; score: string } => p.tier !== null && p.score !== null);
  const entries = placed.map((p) => {
    const salesFen = sales.get(p.userid) ?? 0;
    const person: NineBoxPersonView = {
      userid: p.userid,
      name: p.name,
      department: p.department,
      score: p.score,
      salesCny: fenToPlainYuan(salesFen),
      decisionLabel: p.decisionLabel,
    };
    return { person, tier: p.tier, salesFen };
  });
  const cells = cutoffs
    ? nineBox(entries, cutoffs).map((c) => ({
        tier: c.tier,
        tierLabel: TIER_LABELS[c.tier],
        performance: c.performance,
        performanceLabel: PERFORMANCE_LABELS[c.performance],
        advice: c.advice,
        people: c.people,
      }))
    : [];
  return {
    period: review.period,
    jobModel: review.jobModel,
    window: review.period ? salesWindow(review.period) : null,
    cutoffs: cutoffs && { lowCny: fenToPlainYuan(cutoffs.lowFen), highCny: fenToPlainYuan(cutoffs.highFen), population: cutoffs.population },
    cells,
    unplaced: review.people.length - (cutoffs ? placed.length : 0),
  };
}
