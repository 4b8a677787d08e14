/**
 * What one person brings to a plan in one period, from the rows `readPeriodRows` read: each counting contract (oldest
 * first) with the latest satisfaction score of its customer, and the coordinations the plan's (first) per-event
 * component pays for (with its department, any department if it names none). Used by the run for its period and by
 * the guarantee for the baseline months it recomputes, so both apply the same rules.
 */
import type { ContractInput, IncentivePlanDefinition, PayoutInput } from '@liucai/shared';
import type { CollaborationEvent } from '../../../entities';
import { contractRefOf, type PeriodRows } from '../queries/payoutRunInputs';

export interface LineSource {
  kind: 'deal' | 'satisfaction' | 'collaboration' | 'paidLine' | 'adjustment' | 'guarantee';
  source: string;
  sourceId: string;
}

/** One row of the run's input snapshot (`payout_run_inputs`). */
export interface SnapshotInput {
  kind: LineSource['kind'] | 'assignment';
  source: string;
  sourceId: string;
  data: unknown;
}

export interface PeriodPayoutInput {
  input: PayoutInput;
  /** Per contract ref: the deal and (when scored) the satisfaction row. */
  dealSources: Map<string, LineSource[]>;
  counted: CollaborationEvent[];
  /** The rows read, as the snapshot keeps them. */
  inputs: SnapshotInput[];
}

export const contractLabel = (customerName: string, signedOn: string) => `合同“${customerName}”（${signedOn} 签约）`;

export function periodPayoutInput(plan: IncentivePlanDefinition, userid: string, rows: PeriodRows): PeriodPayoutInput {
  const inputs: SnapshotInput[] = [];
  const deals = rows.deals.get(userid) ?? [];
  const scores = rows.satisfaction.get(userid) ?? [];
  const satisfactionOf = new Map<string, (typeof scores)[number]>();
  for (const s of scores) satisfactionOf.set(s.customerName, s); // ascending: the latest wins
  const contracts: ContractInput[] = [];
  const dealSources = new Map<string, LineSource[]>();
  for (const d of deals) {
    const ref = contractRefOf(d);
    const score = satisfactionOf.get(d.customerName) ?? null;
    contracts.push({
      ref,
      label: contractLabel(d.customerName, d.signedOn),
      valueFen: Number(d.amountFen),
      satisfactionTenths: score?.scoreTenths ?? null,
      renewalYears: d.renewalYears,
    });
    const src: LineSource[] = [{ kind: 'deal', source: d.source, sourceId: d.sourceId }];
    inputs.push({
      kind: 'deal',
      source: d.source,
      sourceId: d.sourceId,
      data: { customerName: d.customerName, amountFen: Number(d.amountFen), signedOn: d.signedOn, renewalYears: d.renewalYears, status: d.status },
    });
    if (score) {
      src.push({ kind: 'satisfaction', source: score.source, sourceId: score.sourceId });
      inputs.push({
        kind: 'satisfaction',
        source: score.source,
        sourceId: score.sourceId,
        data: { customerName: score.customerName, scoreTenths: score.scoreTenths, surveyedOn: score.surveyedOn },
      });
    }
    dealSources.set(ref, src);
  }
  const perEvent = plan.components.find((c) => c.kind === 'perEvent');
  const dept = perEvent?.kind === 'perEvent' ? (perEvent.withDepartment ?? null) : null;
  const counted = perEvent ? (rows.collaborations.get(userid) ?? []).filter((c) => dept === null || c.withDepartment === dept) : [];
  for (const c of counted) {
    inputs.push({
      kind: 'collaboration',
      source: c.source,
      sourceId: c.sourceId,
      data: { withDepartment: c.withDepartment, customerName: c.customerName, occurredOn: c.occurredOn },
    });
  }
  return { input: { contracts, events: { coordination: counted.length } }, dealSources, counted, inputs };
}
