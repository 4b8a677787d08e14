/**
 * Compute a draft payout run (the `pay.computeRun` job): read every input (queries/payoutRunInputs.ts), compute each
 * person's lines with the shared `computePayout` (the plan in force on the period's last day, with the transition
 * guarantee's input from queries/guaranteeInputs.ts during the ramp) plus clawbacks and adjustments, then replace the draft's statements, lines and input snapshot in ONE transaction that also marks the
 * computation done. A worker killed part-way leaves the previous result (or none) and the run `running`; the job is
 * picked up again and computes from scratch. The same inputs give the same lines to the fen (and the same input hash).
 */
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  PayoutInputError,
  clawbackLine,
  computePayout,
  periodDays,
  statementTotal,
  validatePlanDefinition,
  type ExtraLine,
  type IncentivePlanDefinition,
  type PayoutLine as ComputedLine,
} from '@liucai/shared';
import { PayoutLine, PayoutRun, PayoutRunInput, PayoutStatement, type User } from '../../../entities';
import { INSERT_BATCH, insertRows } from '../../../db/bulkInsert';
import { recordAudit } from '../../audit/commands/auditRecorder';
import { SYSTEM_ACTOR } from '../../audit/auditActions';
import { planCache, type PlanCache, type PlanOnDay } from '../queries/planResolution';
import { readRunInputs, runPeople, type RunInputs } from '../queries/payoutRunInputs';
import { guaranteeInputs, type GuaranteeCandidate, type GuaranteeFacts } from '../queries/guaranteeInputs';
import { contractLabel, periodPayoutInput, type LineSource, type SnapshotInput } from './periodPayoutInput';
import { pendingAdjustments, type PendingAdjustments } from '../queries/pendingAdjustments';

export interface ComputeRunOptions {
  /** Fault drills only: called inside the write transaction after the first batch is written. */
  afterFirstBatch?: () => Promise<void>;
}

export type ComputeOutcome = { computed: true; totalFen: number; people: number; inputHash: string } | { computed: false; reason: 'stale' | 'invalid' };

interface PlannedLine {
  origin: PayoutLine['origin'];
  line: Omit<ComputedLine, 'kind'> & { kind: string };
  sources: LineSource[];
  originalLineId: number | null;
  adjustmentId: number | null;
}
interface PlannedStatement {
  person: User;
  planId: number | null;
  planVersionId: number | null;
  planDefinition: string | null;
  lines: PlannedLine[];
  inputs: SnapshotInput[];
  /** `JSON.stringify` of each input's data, made once for the hash and the snapshot rows (filled by `hashOf`). */
  inputData: string[];
}

/** A person of the run with the plan paying them on the period's last day. */
interface PersonPlan {
  person: User;
  resolved: PlanOnDay | null;
  plan: IncentivePlanDefinition | null;
}

async function resolvePlans(plans: PlanCache, people: User[], day: string): Promise<PersonPlan[]> {
  const out: PersonPlan[] = [];
  const parsed = new Map<number, IncentivePlanDefinition>(); // each version's definition, parsed and checked once
  for (const person of people) {
    const resolved = await plans.on(person, day);
    let plan: IncentivePlanDefinition | null = null;
    if (resolved?.version) {
      plan = parsed.get(resolved.version.id) ?? null;
      if (!plan) {
        const checked = validatePlanDefinition(JSON.parse(resolved.version.definition));
        if (!checked.ok) throw new Error(`stored plan version ${resolved.version.id} is invalid`);
        parsed.set(resolved.version.id, (plan = checked.plan));
      }
    }
    out.push({ person, resolved, plan });
  }
  return out;
}

/** The lines of one person. Throws PayoutInputError for data the plan cannot take (a problem of the inputs). */
function planStatement(pp: PersonPlan, inputs: RunInputs, adjustments: PendingAdjustments, guarantees: Map<string, GuaranteeFacts>): PlannedStatement | null {
  const { person, resolved, plan } = pp;
  const version = resolved?.version ?? null;
  const claws = inputs.clawbacks.get(person.userid) ?? [];
  const adjs = adjustments.get(person.userid) ?? [];
  if (!version && claws.length === 0 && adjs.length === 0) return null;

  const out: PlannedStatement = {
    person,
    planId: version ? resolved!.plan.id : null,
    planVersionId: version?.id ?? null,
    planDefinition: version?.definition ?? null,
    lines: [],
    inputs: [],
    inputData: [],
  };
  if (version && resolved && plan) {
    out.inputs.push({
      kind: 'assignment',
      source: 'liucai',
      sourceId: String(resolved.assignment.id),
      data: { assignmentId: resolved.assignment.id, planId: resolved.plan.id, planCode: resolved.plan.code, versionId: version.id, version: version.version },
    });
    const period = periodPayoutInput(plan, person.userid, inputs);
    out.inputs.push(...period.inputs);
    const guarantee = guarantees.get(person.userid) ?? null;
    if (guarantee) out.inputs.push(guarantee.snapshot);
    const result = computePayout(plan, { ...period.input, guarantee: guarantee?.input ?? null });
    for (const l of result.lines) {
      let sources: LineSource[] = [];
      if (l.contractRef) {
        const all = period.dealSources.get(l.contractRef) ?? [];
        sources = l.kind === 'thresholdBonus' ? all : all.filter((s) => s.kind === 'deal');
      } else if (l.kind === 'perEvent') sources = period.counted.map((c) => ({ kind: 'collaboration', source: c.source, sourceId: c.sourceId }));
      else if (l.kind === 'guarantee' && guarantee) sources = [{ kind: 'guarantee', source: guarantee.snapshot.source, sourceId: guarantee.snapshot.sourceId }];
      out.lines.push({ origin: 'plan', line: l, sources, originalLineId: null, adjustmentId: null });
    }
  }
  const extra = (e: ExtraLine, sources: LineSource[]) =>
    out.lines.push({
      origin: e.origin,
      line: {
        component: e.component,
        kind: e.kind,
        label: e.label,
        amountFen: e.amountFen,
        explanation: e.explanation,
        rate: e.rate,
        inputs: e.inputs,
        contractRef: e.contractRef,
      },
      sources,
      originalLineId: e.originalLineId,
      adjustmentId: e.adjustmentId,
    });
  for (const c of claws) {
    const why = c.deal.removedAt ? '已从钉钉 CRM 删除' : '已取消';
    const line = clawbackLine(
      {
        id: c.line.id,
        component: c.line.component,
        kind: c.line.kind,
        label: c.line.label,
        amountFen: Number(c.line.amountFen),
        rate: c.line.rate,
        contractRef: c.line.contractRef,
        period: c.period,
      },
      contractLabel(c.deal.customerName, c.deal.signedOn),
      why,
    );
    out.inputs.push({
      kind: 'paidLine',
      source: 'liucai',
      sourceId: String(c.line.id),
      data: { runId: c.line.runId, period: c.period, amountFen: Number(c.line.amountFen), rate: c.line.rate },
    });
    out.inputs.push({
      kind: 'deal',
      source: c.deal.source,
      sourceId: c.deal.sourceId,
      data: {
        customerName: c.deal.customerName,
        amountFen: Number(c.deal.amountFen),
        signedOn: c.deal.signedOn,
        status: c.deal.status,
        removed: !!c.deal.removedAt,
      },
    });
    extra(line, [
      { kind: 'paidLine', source: 'liucai', sourceId: String(c.line.id) },
      { kind: 'deal', source: c.deal.source, sourceId: c.deal.sourceId },
    ]);
  }
  for (const a of adjs) {
    out.inputs.push({
      kind: 'adjustment',
      source: 'liucai',
      sourceId: String(a.adjustment.id),
      data: { amountFen: a.line.amountFen, reason: a.adjustment.reason, disputeId: a.adjustment.disputeId },
    });
    extra(a.line, [{ kind: 'adjustment', source: 'liucai', sourceId: String(a.adjustment.id) }]);
  }
  return out;
}

/**
 * The hash of what a computation read: people, plan versions and every input row (deterministic order). The text
 * hashed is `JSON.stringify([userid, planVersionId, planDefinition, inputs])` of each statement, built from each
 * input's data serialised once (kept in `inputData` for the snapshot rows) instead of twice.
 */
function hashOf(statements: PlannedStatement[]): string {
  const h = createHash('sha256');
  const str = (v: unknown) => JSON.stringify(v);
  for (const s of statements) {
    s.inputData = s.inputs.map((i) => str(i.data));
    const inputs = s.inputs.map((i, n) => `{"kind":${str(i.kind)},"source":${str(i.source)},"sourceId":${str(i.sourceId)},"data":${s.inputData[n]}}`);
    h.update(`[${str(s.person.userid)},${str(s.planVersionId)},${str(s.planDefinition)},[${inputs.join(',')}]]`);
  }
  return h.digest('hex');
}

async function markFailed(ds: DataSource, run: PayoutRun, seq: number, message: string): Promise<void> {
  await ds
    .getRepository(PayoutRun)
    .update({ id: run.id, corpId: run.corpId, computeSeq: seq, status: 'draft' }, { computeState: 'failed', computeError: message.slice(0, 500) });
}

/** Compute run `runId` for request `seq` (a stale request, or a run no longer draft, does nothing). */
export async function computePayoutRun(ds: DataSource, corpId: string, runId: number, seq: number, opts: ComputeRunOptions = {}): Promise<ComputeOutcome> {
  const run = await ds.getRepository(PayoutRun).findOneBy({ corpId, id: runId });
  if (!run || run.status !== 'draft' || run.computeSeq !== seq) return { computed: false, reason: 'stale' };
  const days = periodDays(run.period)!;
  await ds.getRepository(PayoutRun).update({ id: run.id, corpId, computeSeq: seq, status: 'draft' }, { computeState: 'running' });

  const people = await runPeople(ds, corpId, run.deptId);
  const inputs = await readRunInputs(ds, run, people, days);
  const adjustments = await pendingAdjustments(
    ds,
    corpId,
    people.map((p) => p.userid),
  );
  const plans = await planCache(ds, corpId);
  const personPlans = await resolvePlans(plans, people, days.last);
  const planned: PlannedStatement[] = [];
  try {
    const guarantees = await guaranteeInputs(
      ds,
      corpId,
      run.period,
      personPlans.filter((pp): pp is GuaranteeCandidate => pp.resolved !== null && pp.plan !== null && !!pp.plan.guarantee),
      plans,
    );
    for (const pp of personPlans) {
      const s = planStatement(pp, inputs, adjustments, guarantees);
      if (s) planned.push(s);
    }
  } catch (err) {
    if (!(err instanceof PayoutInputError)) throw err;
    await markFailed(ds, run, seq, `数据有误，无法计算：${err.problems.join('；')}`);
    return { computed: false, reason: 'invalid' };
  }
  const inputHash = hashOf(planned);

  return ds.transaction(async (em): Promise<ComputeOutcome> => {
    // The run's row is the lock: only the current request of a draft writes (an UPDATE holds its lock until commit).
    // tenancy: the run's own row, by corp_id and id.
    const claimed = await em
      .createQueryBuilder()
      .update(PayoutRun)
      .set({ computeState: 'running' })
      .where('corp_id = :corpId AND id = :id AND compute_seq = :seq AND status = :draft', { corpId, id: run.id, seq, draft: 'draft' })
      .execute();
    if (!claimed.affected) return { computed: false, reason: 'stale' };
    // tenancy: the run's own rows, by corp_id and run_id.
    for (const entity of [PayoutLine, PayoutStatement, PayoutRunInput]) await em.getRepository(entity).delete({ corpId, runId: run.id });

    const statements = planned.map((p) =>
      Object.assign(new PayoutStatement(), {
        corpId,
        runId: run.id,
        userid: p.person.userid,
        deptId: p.person.mainDeptId,
        planId: p.planId,
        planVersionId: p.planVersionId,
        planDefinition: p.planDefinition,
        ...statementTotal(p.lines.map((l) => l.line.amountFen)),
      }),
    );
    await insertRows(em, PayoutStatement, statements, { afterFirst: opts.afterFirstBatch });
    // tenancy: the run's own statements, by corp_id and run_id.
    const ids = await em.getRepository(PayoutStatement).find({ where: { corpId, runId: run.id }, select: { id: true, userid: true } });
    const idOf = new Map(ids.map((s) => [s.userid, s.id]));
    // Lines and snapshot rows are written as they are built, a batch at a time, so the run never holds them all.
    const lines: PayoutLine[] = [];
    const snapshot: PayoutRunInput[] = [];
    for (const p of planned) {
      const statementId = idOf.get(p.person.userid)!;
      p.lines.forEach((l, seqNo) =>
        lines.push(
          Object.assign(new PayoutLine(), {
            corpId,
            runId: run.id,
            statementId,
            userid: p.person.userid,
            seq: seqNo + 1,
            origin: l.origin,
            component: l.line.component,
            kind: l.line.kind,
            label: l.line.label.slice(0, 100),
            amountFen: l.line.amountFen,
            rate: l.line.rate,
            explanation: l.line.explanation.slice(0, 1000),
            inputs: JSON.stringify(l.line.inputs),
            contractRef: l.line.contractRef,
            sources: JSON.stringify(l.sources),
            originalLineId: l.originalLineId,
            adjustmentId: l.adjustmentId,
          }),
        ),
      );
      p.inputs.forEach((i, n) =>
        snapshot.push(
          Object.assign(new PayoutRunInput(), {
            corpId,
            runId: run.id,
            userid: p.person.userid,
            kind: i.kind,
            source: i.source,
            sourceId: i.sourceId,
            data: p.inputData[n],
          }),
        ),
      );
      while (lines.length >= INSERT_BATCH) await insertRows(em, PayoutLine, lines.splice(0, INSERT_BATCH));
      while (snapshot.length >= INSERT_BATCH) await insertRows(em, PayoutRunInput, snapshot.splice(0, INSERT_BATCH));
    }
    await insertRows(em, PayoutLine, lines);
    await insertRows(em, PayoutRunInput, snapshot);
    const totalFen = statements.reduce((s, st) => s + st.totalFen, 0);
    await em
      .getRepository(PayoutRun)
      .update({ id: run.id, corpId }, { computeState: 'done', computedAt: new Date(), computeError: null, inputHash, totalFen, people: statements.length });
    await recordAudit(
      em,
      { corpId, userid: SYSTEM_ACTOR },
      { action: 'pay.run.compute', targetKind: 'payout_run', targetId: run.id, detail: { seq, totalFen, people: statements.length, inputHash } },
    );
    return { computed: true, totalFen, people: statements.length, inputHash };
  });
}
