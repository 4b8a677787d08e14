/**
 * The transition guarantee's input of each person of a run whose plan has a guarantee and who is within its ramp,
 * from stored data (the rules are in shared/src/pay/guaranteeBaseline.ts): the stint's first day from the plan
 * assignments, and the baseline months from the person's statements of final runs or, lacking one, from the old plan
 * version of that month applied to that month's contracts, satisfaction and coordinations. Bulk: plans from the run's
 * plan cache (read once, answered in memory), one statement query and one line query per 1,000 people, and one read
 * of rows per baseline month that needs recomputing.
 */
import { In, type DataSource } from 'typeorm';
import {
  GUARANTEE_BASELINE_MONTHS,
  baselinePeriods,
  computePayout,
  guaranteeInputOf,
  monthEnd,
  periodDays,
  rampMonthOf,
  validatePlanDefinition,
  type BaselineMonth,
  type GuaranteeInput,
  type IncentivePlanDefinition,
} from '@liucai/shared';
import { PayoutLine, PayoutRun, PayoutStatement, type User } from '../../../entities';
import { periodPayoutInput, type SnapshotInput } from '../commands/periodPayoutInput';
import type { PlanCache, PlanOnDay } from './planResolution';
import { FINAL_RUN_STATUSES, chunks, readPeriodRows } from './payoutRunInputs';

export interface GuaranteeFacts {
  input: GuaranteeInput;
  /** The snapshot row (kind `guarantee`) the guarantee line leads to. */
  snapshot: SnapshotInput;
}

export interface GuaranteeCandidate {
  person: User;
  resolved: PlanOnDay;
  plan: IncentivePlanDefinition;
}

interface MonthNeed {
  period: string;
  old: PlanOnDay;
}
interface MonthFact extends BaselineMonth {
  runId?: number;
  statementId?: number;
  planVersionId?: number;
  input?: unknown;
}

/** The guarantee input of each candidate in the ramp on `period`, by userid (others are absent: no guarantee). */
export async function guaranteeInputs(
  ds: DataSource,
  corpId: string,
  period: string,
  candidates: GuaranteeCandidate[],
  plans: PlanCache,
): Promise<Map<string, GuaranteeFacts>> {
  const wanted: { c: GuaranteeCandidate; since: string; before: PlanOnDay; monthOfRamp: number; months: MonthNeed[] }[] = [];
  for (const c of candidates) {
    const rule = c.plan.guarantee;
    if (!rule) continue;
    const stint = await plans.stint(c.person, c.resolved);
    const monthOfRamp = rampMonthOf(stint.since, period);
    if (!stint.before || monthOfRamp < 1 || monthOfRamp > rule.rampMonths) continue;
    const months: MonthNeed[] = [];
    for (const p of baselinePeriods(stint.since)) {
      const old = await plans.on(c.person, monthEnd(p));
      if (old?.version && old.plan.id !== c.resolved.plan.id) months.push({ period: p, old });
    }
    wanted.push({ c, since: stint.since, before: stint.before, monthOfRamp, months });
  }
  const out = new Map<string, GuaranteeFacts>();
  if (wanted.length === 0) return out;

  const facts = new Map<string, MonthFact>(); // userid|period → the month's figure
  const userids = wanted.filter((w) => w.months.length).map((w) => w.c.person.userid);
  const periods = [...new Set(wanted.flatMap((w) => w.months.map((m) => m.period)))];
  if (userids.length && periods.length) {
    // Statements of final runs of the baseline months (a person is in at most one run a month), 1,000 people a query.
    const stored: { id: number | string; userid: string; runId: number | string; period: string }[] = [];
    for (const ids of chunks(userids)) {
      // tenancy: s.corp_id and r.corp_id = the corp.
      const found: typeof stored = await ds
        .getRepository(PayoutStatement)
        .createQueryBuilder('s')
        .innerJoin(PayoutRun, 'r', 'r.id = s.run_id AND r.corp_id = s.corp_id')
        .select(['s.id AS id', 's.userid AS userid', 's.run_id AS runId', 'r.period AS period'])
        .where('s.corp_id = :corpId AND s.userid IN (:...ids) AND r.period IN (:...periods)', { corpId, ids, periods })
        .andWhere('r.status IN (:...final)', { final: [...FINAL_RUN_STATUSES] })
        .getRawMany();
      stored.push(...found);
    }
    const sums = new Map<number, number>();
    for (const statementIds of chunks(stored.map((s) => Number(s.id)))) {
      // tenancy: l.corp_id = the corp.
      const rows: { statementId: number | string; fen: number | string | null }[] = await ds
        .getRepository(PayoutLine)
        .createQueryBuilder('l')
        .select(['l.statement_id AS statementId', 'SUM(l.amount_fen) AS fen'])
        .where({ corpId, statementId: In(statementIds), origin: 'plan' })
        .groupBy('l.statement_id')
        .getRawMany();
      for (const r of rows) sums.set(Number(r.statementId), Number(r.fen ?? 0));
    }
    for (const s of stored) {
      facts.set(`${s.userid}|${s.period}`, {
        period: s.period,
        amountFen: sums.get(Number(s.id)) ?? 0,
        from: 'statement',
        runId: Number(s.runId),
        statementId: Number(s.id),
      });
    }
    // The rest: the old plan on that month's own data (each old version parsed and checked once).
    const parsed = new Map<number, IncentivePlanDefinition>();
    const oldPlan = (v: NonNullable<PlanOnDay['version']>): IncentivePlanDefinition => {
      let plan = parsed.get(v.id);
      if (!plan) {
        const checked = validatePlanDefinition(JSON.parse(v.definition));
        if (!checked.ok) throw new Error(`stored plan version ${v.id} is invalid`);
        parsed.set(v.id, (plan = checked.plan));
      }
      return plan;
    };
    for (const p of periods) {
      const missing = wanted.flatMap((w) => w.months.filter((m) => m.period === p && !facts.has(`${w.c.person.userid}|${p}`)).map((m) => ({ w, m })));
      if (!missing.length) continue;
      const rows = await readPeriodRows(
        ds,
        corpId,
        missing.map((x) => x.w.c.person.userid),
        periodDays(p)!,
      );
      for (const { w, m } of missing) {
        const plan = oldPlan(m.old.version!);
        const { input } = periodPayoutInput(plan, w.c.person.userid, rows);
        facts.set(`${w.c.person.userid}|${p}`, {
          period: p,
          amountFen: computePayout(plan, input).totalFen,
          from: 'recomputed',
          planVersionId: m.old.version!.id,
          input,
        });
      }
    }
  }
  for (const w of wanted) {
    const months = w.months.map((m) => facts.get(`${w.c.person.userid}|${m.period}`)!);
    const input = guaranteeInputOf(w.monthOfRamp, w.before.plan.name, months);
    if (!input) continue;
    out.set(w.c.person.userid, {
      input,
      snapshot: {
        kind: 'guarantee',
        source: 'liucai',
        sourceId: w.since,
        data: {
          since: w.since,
          monthOfRamp: w.monthOfRamp,
          rampMonths: w.c.plan.guarantee!.rampMonths,
          floorBp: w.c.plan.guarantee!.floorBp,
          previousPlan: { planId: w.before.plan.id, code: w.before.plan.code, name: w.before.plan.name },
          baselineMonthsConsidered: GUARANTEE_BASELINE_MONTHS,
          baselineFen: input.baselineFen,
          months,
        },
      },
    });
  }
  return out;
}
