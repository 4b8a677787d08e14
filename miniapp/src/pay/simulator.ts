/**
 * 试算 in the browser: the typed fields read by the shared `simulationInputFrom` and computed by the shared
 * `computePayout` under the caller's plan and, for comparison, the plan before it — the same code the server runs.
 */
import { zh } from '@liucai/shared';
import { computePayout, fenToYuanText, simulationInputFrom, type FieldProblem, type IncentivePlanDefinition, type PayoutResult } from '@liucai/shared';

export interface SimulatorFields {
  contractValueCny: string;
  satisfaction: string;
  renewalYears: string;
  coordinations: string;
}

export const EMPTY_FIELDS: SimulatorFields = { contractValueCny: '', satisfaction: '', renewalYears: '', coordinations: '' };
/** The articles' example: a 150,000 CNY contract, satisfaction 9.2, renewed for 2 years, 8 coordinations. */
export const EXAMPLE_FIELDS: SimulatorFields = { contractValueCny: '150000', satisfaction: '9.2', renewalYears: '2', coordinations: '8' };

export type SimulatorOutcome =
  | { kind: 'empty' }
  | { kind: 'invalid'; problems: FieldProblem[] }
  | { kind: 'result'; current: PayoutResult; previous: PayoutResult | null; differenceFen: number | null };

/** What the simulator shows for these fields. */
export function simulate(fields: SimulatorFields, current: IncentivePlanDefinition, previous: IncentivePlanDefinition | null): SimulatorOutcome {
  if (Object.values(fields).every((v) => v.trim() === '')) return { kind: 'empty' };
  const read = simulationInputFrom(fields);
  if (!read.ok) return { kind: 'invalid', problems: read.problems };
  const now = computePayout(current, read.input);
  const before = previous ? computePayout(previous, read.input) : null;
  return { kind: 'result', current: now, previous: before, differenceFen: before ? now.totalFen - before.totalFen : null };
}

/** "比原方案多 7,800.00 元", "比原方案少 …", "与原方案相同". */
export function differenceText(differenceFen: number): string {
  if (differenceFen === 0) return '与原方案相同';
  return zh`比原方案${differenceFen > 0 ? '多' : '少'} ${fenToYuanText(Math.abs(differenceFen))} 元`;
}
