/**
 * The 9-box of the talent review without anyone's payload: everyone scored in the corp that month with tier, score
 * and recent sales (one read, the cut-offs), the scope's people by id (one read of the users' ids), placed in the
 * nine cells in memory; names, departments and HR's decisions are read only for the people shown (each cell's
 * first few, or one page of one cell).
 */
import type { DataSource } from 'typeorm';
import {
  TIER_LABELS,
  fenToPlainYuan,
  nineBox,
  performanceCutoffs,
  scaledText,
  type NineBoxCell,
  type NineBoxPersonView,
  type PerformanceCutoffs,
  type TalentTier,
} from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { User } from '../../../entities';
import { userIdsInScope } from '../../people/policies/peopleScope';
import type { DepartmentIndex } from '../../people/queries/departmentIndex';
import { recentSalesOfScored, unscoredOf, type ScoredSales } from './recentSales';
import { decisionsInForce } from './talentDecisions';
import { reviewTarget } from './talentReviewOf';

/** A placed person: scored, with a tier. */
export type PlacedPerson = ScoredSales & { tier: TalentTier };

export interface NineBoxPlacements {
  period: string | null;
  jobModel: { id: number; name: string } | null;
  /** Cut-offs over everyone scored in the corp that month; null when nobody was. */
  cutoffs: PerformanceCutoffs | null;
  /** The nine cells of the people in scope, each best score first (empty without cut-offs). */
  cells: NineBoxCell<PlacedPerson>[];
  /** People in scope not placed (数据不足, or no cut-offs). */
  unplaced: number;
  /** For reading the people shown; null when nothing is scored. */
  at: { jobModelId: number; depts: DepartmentIndex } | null;
}

/** Where the people in the actor's scope fall in the 9-box of a month and job model (default: the newest scored). */
export async function nineBoxOf(ds: DataSource, actor: Actor, q: { period?: string; jobModelId?: number }): Promise<NineBoxPlacements> {
  const target = await reviewTarget(ds, actor, q);
  if (!target) return { period: q.period ?? null, jobModel: null, cutoffs: null, cells: [], unplaced: 0, at: null };
  const { period, jobModelId, scope, depts } = target;
  const [scored, unscored, inScope] = await Promise.all([
    recentSalesOfScored(ds, actor.corpId, period, jobModelId),
    unscoredOf(ds, actor.corpId, period, jobModelId),
    userIdsInScope(ds, scope),
  ]);
  const cutoffs = performanceCutoffs(scored.map((r) => r.fen));
  const mine = scored.filter((r): r is PlacedPerson => r.tier !== null && inScope.has(r.userid));
  const cells = cutoffs
    ? nineBox<PlacedPerson>(
        mine.map((person) => ({ person, tier: person.tier, salesFen: person.fen })),
        cutoffs,
      )
    : [];
  const unplaced = unscored.filter((u) => inScope.has(u)).length + (cutoffs ? 0 : mine.length);
  return { period, jobModel: target.jobModel, cutoffs, cells, unplaced, at: { jobModelId, depts } };
}

/** The shown people as the 9-box shows them (one read of their names and departments, one of HR's decisions). */
export async function nineBoxPeople(ds: DataSource, actor: Actor, box: NineBoxPlacements, people: readonly PlacedPerson[]): Promise<NineBoxPersonView[]> {
  if (people.length === 0 || !box.at || !box.period) return [];
  const ids = people.map((p) => p.userid);
  const [users, decided] = await Promise.all([
    // tenancy: the corp's people, already placed within the actor's scope.
    ds
      .getRepository(User)
      .createQueryBuilder('u')
      .select('u.userid', 'userid')
      .addSelect('u.name', 'name')
      .addSelect('u.main_dept_id', 'dept')
      .where('u.corp_id = :corpId AND u.userid IN (:...ids)', { corpId: actor.corpId, ids })
      .getRawMany<{ userid: string; name: string; dept: number | string | null }>(),
    decisionsInForce(ds, actor.corpId, box.period, box.at.jobModelId, ids),
  ]);
  const byId = new Map(users.map((u) => [u.userid, u]));
  const depts = box.at.depts;
  return people.map((p): NineBoxPersonView => {
    const u = byId.get(p.userid);
    const d = decided.get(p.userid);
    return {
      userid: p.userid,
      name: u?.name ?? '',
      department: depts.ref(u?.dept == null ? null : Number(u.dept)),
      score: scaledText(p.scoreT, 1),
      salesCny: fenToPlainYuan(p.fen),
      decisionLabel: d ? TIER_LABELS[d.tier as TalentTier] : null,
    };
  });
}
