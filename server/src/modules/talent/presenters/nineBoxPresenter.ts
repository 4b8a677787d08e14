/** The 9-box of a talent review: its scored people placed by tier and recent sales (rules in shared/src/talent/nineBox.ts). */
import { PERFORMANCE_LABELS, TIER_LABELS, fenToPlainYuan, nineBox, performanceCutoffs, type NineBoxPersonView, type TalentNineBox } from '@liucai/shared';
import { salesWindow } from '../queries/recentSales';
import type { LeanReviewPerson } from '../queries/talentReviewOf';

/** `review`: the scored people in scope and how many have no score; `sales`: everyone scored in the corp that month (the cut-offs), userid → fen. */
export function presentNineBox(
  review: { period: string | null; jobModel: { id: number; name: string } | null; people: LeanReviewPerson[]; unscored: number },
  sales: ReadonlyMap<string, number>,
): TalentNineBox {
  const cutoffs = performanceCutoffs([...sales.values()]);
  const entries = review.people.map((p) => {
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
    unplaced: review.unscored + (cutoffs ? 0 : review.people.length),
  };
}
