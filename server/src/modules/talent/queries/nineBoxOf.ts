/**
 * The 9-box of the talent review without anyone's payload. From the figures the talent.recompute job stored
 * (nineBoxStore.ts): the month's cut-offs in one read, the boxes' counts of the people in scope grouped in SQL, each
 * box's first people and a box's page walked from idx_talent_match_scores_box. A month without stored figures (scored
 * before they were stored) is computed as the job computes it: everyone scored in the corp that month with tier,
 * score and recent sales (one read, the cut-offs), the scope's people by id, placed in the nine cells in memory. Names,
 * departments and HR's decisions are read only for the people shown (each box's first few, or one page of one box).
 */
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import {
  NINE_BOX_ADVICE,
  NINE_BOX_PREVIEW,
  PERFORMANCE_THIRDS,
  TIER_LABELS,
  fenToPlainYuan,
  nineBox,
  performanceCutoffs,
  scaledText,
  type NineBoxCellKey,
  type NineBoxPersonView,
  type PerformanceCutoffs,
  type TalentNineBox,
  type TalentNineBoxCell,
  type PerformanceThird,
  type TalentTier,
} from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { TalentMatchScore, TalentNineBoxCutoff, User } from '../../../entities';
import { keptRead } from '../../../db/keptReads';
import { actorKey, userIdsInScope, whereInPeopleScope, type PeopleScope } from '../../people/policies/peopleScope';
import type { DepartmentIndex } from '../../people/queries/departmentIndex';
import { recentSalesOfScored, unscoredOf, type ScoredSales } from './recentSales';
import { decisionsInForce } from './talentDecisions';
import { reviewTarget } from './talentReviewOf';
import { presentNineBox, presentNineBoxCell } from '../presenters/nineBoxPresenter';

/** A placed person: scored, with a tier (and, read with the stored rows, the name and main department shown). */
export type PlacedPerson = ScoredSales & { tier: TalentTier; shown?: { name: string; dept: number | null } };

/** A box's labels and how many people in scope are in it. */
export interface NineBoxCount {
  tier: TalentTier;
  performance: PerformanceThird;
  advice: string;
  count: number;
}

/** The people of the boxes, from the stored figures or computed for the request (the same answers). */
export interface NineBoxPeopleSource {
  /** The nine boxes' counts, rows 立即转型 → 调岗, columns 业绩低 → 业绩高 (none without cut-offs), and the unplaced. */
  counts(): Promise<{ cells: NineBoxCount[]; unplaced: number }>;
  /** One box's count (0 without cut-offs). */
  count(tier: TalentTier, performance: PerformanceThird): Promise<number>;
  /** One box's people from `offset`, best score first (then by userid). */
  page(tier: TalentTier, performance: PerformanceThird, offset: number, limit: number): Promise<PlacedPerson[]>;
  /** Each box's first `n` people, in the order of `counts` (this source's `counts()`). */
  firsts(n: number, counts: { cells: NineBoxCount[] }): Promise<PlacedPerson[][]>;
}

export interface NineBoxPlacements {
  period: string | null;
  jobModel: { id: number; name: string } | null;
  /** Cut-offs over everyone scored in the corp that month; null when nobody was. */
  cutoffs: PerformanceCutoffs | null;
  /** When the recompute stored the figures read; null: computed for this request. */
  computedAt: Date | null;
  /** For reading the people shown; null when nothing is scored. */
  at: { jobModelId: number; depts: DepartmentIndex } | null;
  people: NineBoxPeopleSource;
}

const TIERS: readonly TalentTier[] = ['move', 'train', 'reassign'];
const BOXES = TIERS.flatMap((tier) => PERFORMANCE_THIRDS.map((performance) => ({ tier, performance, advice: NINE_BOX_ADVICE[tier][performance] })));
const nobody: NineBoxPeopleSource = {
  counts: async () => ({ cells: [], unplaced: 0 }),
  count: async () => 0,
  page: async () => [],
  firsts: async () => [],
};

/**
 * Where the people in the actor's scope fall in the 9-box of a month and job model (default: the newest scored),
 * from the stored figures when the month has them (`computed`: always computed, the reference the tests compare).
 */
export async function nineBoxOf(
  ds: DataSource,
  actor: Actor,
  q: { period?: string; jobModelId?: number },
  opts: { computed?: boolean } = {},
): Promise<NineBoxPlacements> {
  const target = await reviewTarget(ds, actor, q);
  if (!target) return { period: q.period ?? null, jobModel: null, cutoffs: null, computedAt: null, at: null, people: nobody };
  const { period, jobModelId, scope, depts } = target;
  const head = { period, jobModel: target.jobModel, at: { jobModelId, depts } };
  // tenancy: the corp's stored cut-offs.
  const stored = opts.computed ? null : await ds.getRepository(TalentNineBoxCutoff).findOneBy({ corpId: actor.corpId, period, jobModelId });
  if (stored) {
    const cutoffs = { lowFen: Number(stored.lowFen), highFen: Number(stored.highFen), population: stored.population };
    return { ...head, cutoffs, computedAt: stored.computedAt, people: storedPeople(ds, scope, { period, jobModelId }) };
  }
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
  const box = (tier: TalentTier, performance: PerformanceThird) => cells.find((c) => c.tier === tier && c.performance === performance)?.people ?? [];
  const people: NineBoxPeopleSource = {
    counts: async () => ({ cells: cells.map(({ people, ...c }) => ({ ...c, count: people.length })), unplaced }),
    count: async (tier, performance) => box(tier, performance).length,
    page: async (tier, performance, offset, limit) => box(tier, performance).slice(offset, offset + limit),
    firsts: async (n) => cells.map((c) => c.people.slice(0, n)),
  };
  return { ...head, cutoffs, computedAt: null, people };
}

type StoredRow = { userid: string; tier: string; scoreT: number | string; fen: number | string; name: string; dept: number | string | null };
const placedOf = (r: StoredRow): PlacedPerson => ({
  userid: r.userid,
  tier: r.tier as TalentTier,
  scoreT: Number(r.scoreT),
  fen: Number(r.fen),
  shown: { name: r.name, dept: r.dept === null ? null : Number(r.dept) },
});

/** Candidates read per box for its first people before the scope is applied (more only when too few are in scope). */
const CANDIDATES_PER_SHOWN = 3;

/** The boxes from the stored rows: the month's scores of the people in scope, each row's stored sales and column. */
function storedPeople(ds: DataSource, scope: PeopleScope, at: { period: string; jobModelId: number }): NineBoxPeopleSource {
  const month = { corpId: scope.corpId, ...at };
  const scores = (): SelectQueryBuilder<TalentMatchScore> => {
    // tenancy: whereInPeopleScope adds u.corp_id; the scores are the corp's and join its people.
    const qb = ds
      .getRepository(TalentMatchScore)
      .createQueryBuilder('s')
      .innerJoin(User, 'u', 'u.corp_id = s.corp_id AND u.userid = s.userid')
      .where('s.corp_id = :corpId AND s.period = :period AND s.job_model_id = :jobModelId', month);
    return whereInPeopleScope(qb, 'u', scope);
  };
  const inBox = (qb: SelectQueryBuilder<TalentMatchScore>, tier: TalentTier, performance: PerformanceThird) =>
    qb.andWhere('s.tier = :boxTier AND s.performance = :boxPerformance', { boxTier: tier, boxPerformance: performance });
  const page = async (tier: TalentTier, performance: PerformanceThird, offset: number, limit: number) =>
    (
      await inBox(scores(), tier, performance)
        .select('s.userid', 'userid')
        .addSelect('s.tier', 'tier')
        .addSelect('s.score_t', 'scoreT')
        .addSelect('s.sales_fen', 'fen')
        .addSelect('u.name', 'name')
        .addSelect('u.main_dept_id', 'dept')
        .orderBy('s.score_t', 'DESC')
        .addOrderBy('s.userid', 'ASC')
        .offset(offset)
        .limit(limit)
        .getRawMany<StoredRow>()
    ).map(placedOf);
  return {
    async counts() {
      const rows = await scores()
        .select('s.tier', 'tier')
        .addSelect('s.performance', 'performance')
        .addSelect('COUNT(*)', 'n')
        .groupBy('s.tier')
        .addGroupBy('s.performance')
        .getRawMany<{ tier: string | null; performance: string | null; n: number | string }>();
      const n = new Map(rows.map((r) => [`${r.tier}-${r.performance}`, Number(r.n)]));
      // Not placed: 数据不足 (no score, so no column) or no tier.
      const unplaced = rows.filter((r) => r.tier === null || r.performance === null).reduce((s, r) => s + Number(r.n), 0);
      return { cells: BOXES.map((b) => ({ ...b, count: n.get(`${b.tier}-${b.performance}`) ?? 0 })), unplaced };
    },
    async count(tier, performance) {
      const row = await inBox(scores(), tier, performance).select('COUNT(*)', 'n').getRawOne<{ n: number | string }>();
      return Number(row?.n ?? 0);
    },
    page,
    async firsts(n, counts) {
      // One statement: each box's first candidates from the index (whoever they are), then the scope applied once to
      // them all. The in-scope candidates of a box are its first people in scope in order; a box with fewer than it
      // shows while more of its people are in scope (the scope left out most candidates) is read on its own.
      const e = (name: string) => ds.driver.escape(name);
      const arms = BOXES.map((b, i) => {
        // tenancy: the corp's scores of the month; the people are joined and scoped below.
        const qb = ds
          .getRepository(TalentMatchScore)
          .createQueryBuilder('s')
          .select('s.userid', 'userid')
          .addSelect('s.tier', 'tier')
          .addSelect('s.score_t', 'scoreT')
          .addSelect('s.sales_fen', 'fen')
          .addSelect(String(i), 'box')
          .where(`s.corp_id = :corpId AND s.period = :period AND s.job_model_id = :jobModelId AND s.tier = :t${i} AND s.performance = :p${i}`, {
            ...month,
            [`t${i}`]: b.tier,
            [`p${i}`]: b.performance,
          })
          .orderBy('s.score_t', 'DESC')
          .addOrderBy('s.userid', 'ASC')
          .limit(n * CANDIDATES_PER_SHOWN);
        return { sql: `SELECT * FROM (${qb.getQuery()}) ${e(`box${i}`)}`, params: qb.getParameters() };
      });
      const c = (column: string) => `${e('c')}.${e(column)}`;
      // tenancy: whereInPeopleScope adds u.corp_id; the candidates are the corp's scores.
      const qb = ds
        .createQueryBuilder()
        .select(c('userid'), 'userid')
        .addSelect(c('tier'), 'tier')
        .addSelect(c('scoreT'), 'scoreT')
        .addSelect(c('fen'), 'fen')
        .addSelect(c('box'), 'box')
        .addSelect('u.name', 'name')
        .addSelect('u.main_dept_id', 'dept')
        // The LIMIT (the most candidates there are) keeps the union one read joined once: without it SQLite pushes
        // the join and the scope's lists into each box's read and evaluates them nine times.
        .from(`(SELECT * FROM (${arms.map((a) => a.sql).join(' UNION ALL ')}) ${e('cand')} LIMIT ${BOXES.length * n * CANDIDATES_PER_SHOWN})`, 'c')
        .innerJoin(User, 'u', `u.corp_id = :corpId AND u.userid = ${c('userid')}`)
        .setParameters(Object.assign({}, ...arms.map((a) => a.params)) as Record<string, unknown>);
      whereInPeopleScope(qb, 'u', scope);
      const rows = await qb
        .orderBy(`${c('box')}`, 'ASC')
        .addOrderBy(c('scoreT'), 'DESC')
        .addOrderBy(c('userid'), 'ASC')
        .getRawMany<StoredRow & { box: number | string }>();
      const out = BOXES.map((): PlacedPerson[] => []);
      for (const r of rows) out[Number(r.box)]!.push(placedOf(r));
      return Promise.all(
        out.map(async (found, i) => {
          const b = BOXES[i]!;
          const count = counts.cells.find((x) => x.tier === b.tier && x.performance === b.performance)?.count ?? 0;
          return found.length >= n || found.length >= count ? found.slice(0, n) : page(b.tier, b.performance, 0, n);
        }),
      );
    },
  };
}

/**
 * The shown people as the 9-box shows them: one read of HR's decisions, and one of their names and departments unless
 * they were read with the stored rows.
 */
export async function nineBoxPeople(ds: DataSource, actor: Actor, box: NineBoxPlacements, people: readonly PlacedPerson[]): Promise<NineBoxPersonView[]> {
  if (people.length === 0 || !box.at || !box.period) return [];
  const ids = people.map((p) => p.userid);
  const known = people.every((p) => p.shown);
  const [users, decided] = await Promise.all([
    known
      ? people.map((p) => ({ userid: p.userid, name: p.shown!.name, dept: p.shown!.dept }))
      : // tenancy: the corp's people, already placed within the actor's scope.
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

/**
 * GET /api/v1/talent/review/nine-box's answer: each box's count and first NINE_BOX_PREVIEW people, or with `cell` one
 * page of that box (`computed`: as nineBoxOf).
 */
export async function nineBoxAnswer(
  ds: DataSource,
  actor: Actor,
  q: { period?: string; jobModelId?: number; cell?: NineBoxCellKey; page: number; pageSize: number },
  opts: { computed?: boolean } = {},
): Promise<TalentNineBox | TalentNineBoxCell> {
  // The 9-box (counts and first people in scope) and a box's pages are kept while no score, decision, person or
  // department changed; the reference computation (`computed`) never.
  if (opts.computed) return answerNineBox(ds, actor, q, opts);
  const key = ['nineBox', actorKey(actor), q.period ?? null, q.jobModelId ?? null, q.cell ?? null, q.cell ? [q.page, q.pageSize] : null];
  return keptRead(ds, actor, ['org', 'people', 'talent'], key, () => answerNineBox(ds, actor, q, opts));
}

async function answerNineBox(
  ds: DataSource,
  actor: Actor,
  q: { period?: string; jobModelId?: number; cell?: NineBoxCellKey; page: number; pageSize: number },
  opts: { computed?: boolean },
): Promise<TalentNineBox | TalentNineBoxCell> {
  const { cell, page, pageSize, ...at } = q;
  const box = await nineBoxOf(ds, actor, at, opts);
  if (cell) {
    const [tier, performance] = cell.split('-') as [TalentTier, PerformanceThird];
    const [total, placed] = await Promise.all([box.people.count(tier, performance), box.people.page(tier, performance, (page - 1) * pageSize, pageSize)]);
    const people = await nineBoxPeople(ds, actor, box, placed);
    return presentNineBoxCell(box, { tier, performance, advice: NINE_BOX_ADVICE[tier][performance], total }, { page, pageSize, people });
  }
  const counts = await box.people.counts();
  const firsts = await box.people.firsts(NINE_BOX_PREVIEW, counts);
  const shown = await nineBoxPeople(ds, actor, box, firsts.flat());
  return presentNineBox(box, counts, firsts, new Map(shown.map((p) => [p.userid, p])));
}
