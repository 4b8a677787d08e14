/**
 * The simulator's input (我的激励 → 试算 and `POST /api/v1/incentives/simulate`) read the same way in the browser
 * and on the server: a contract value in yuan, the customer's satisfaction (0–10, one decimal), renewal years and
 * coordinations, each refused with a Chinese message naming the field.
 */
import { yuanToFen } from '../money';
import { exactDecimal } from './exactDecimal';
import type { PayoutInput } from './payoutTypes';

/** The simulator's fields as typed (strings from a form) or sent (JSON numbers). */
export interface SimulationFields {
  contractValueCny?: unknown;
  satisfaction?: unknown;
  renewalYears?: unknown;
  coordinations?: unknown;
  /** Contract value already booked this period, for tiered plans (default 0). */
  bookedBeforeCny?: unknown;
}

/** Chinese names of the simulator's fields. */
export const SIMULATION_FIELD_LABELS = {
  contractValueCny: '合同金额',
  satisfaction: '客户满意度',
  renewalYears: '续约年限',
  coordinations: '协作次数',
  bookedBeforeCny: '本期此前签约额',
} as const satisfies Record<keyof SimulationFields, string>;

export interface FieldProblem {
  field: keyof SimulationFields;
  label: string;
  /** What was expected, without the field's name ("不能为负数"). */
  message: string;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function money(v: unknown, required: boolean): { fen: number } | { problem: string } {
  if (blank(v)) return required ? { problem: '必填，应为金额（元），如 150000' } : { fen: 0 };
  if (typeof v !== 'number' && typeof v !== 'string') return { problem: '应为金额（元），如 150000' };
  const r = yuanToFen(v);
  if (r.ok) return { fen: r.fen };
  if (r.problem === 'negative') return { problem: '不能为负数' };
  if (r.problem === 'decimals') return { problem: '最多两位小数（到分）' };
  if (r.problem === 'range') return { problem: '过大（最多 90,071,992,547,409.91 元）' };
  return { problem: '应为金额（元），如 150000 或 150,000.00' };
}

function count(v: unknown, max: number, unit: string): { n: number } | { problem: string } {
  if (blank(v)) return { n: 0 };
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  if (Number.isInteger(n) && n < 0) return { problem: '不能为负数' };
  if (!Number.isInteger(n) || n > max) return { problem: `应为 0 到 ${max.toLocaleString('en-US')} 之间的整数（${unit}）` };
  return { n };
}

/** The simulator's fields as a one-contract payout input, or every problem at once. */
export function simulationInputFrom(fields: SimulationFields): { ok: true; input: PayoutInput } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const refuse = (field: keyof SimulationFields, message: string) => problems.push({ field, label: SIMULATION_FIELD_LABELS[field], message });

  const value = money(fields.contractValueCny, true);
  if ('problem' in value) refuse('contractValueCny', value.problem);
  const booked = money(fields.bookedBeforeCny, false);
  if ('problem' in booked) refuse('bookedBeforeCny', booked.problem);

  let satisfactionTenths: number | null = null;
  if (!blank(fields.satisfaction)) {
    const s = exactDecimal(fields.satisfaction, 1);
    if (!s.ok && s.problem === 'negative') refuse('satisfaction', '应在 0 到 10 之间，不能为负数');
    else if (!s.ok && s.problem === 'decimals') refuse('satisfaction', '最多一位小数，如 9.2');
    else if (!s.ok || s.scaled > 100) refuse('satisfaction', '应为 0 到 10 之间的分数（最多一位小数），如 9.2');
    else satisfactionTenths = s.scaled;
  }
  const years = count(fields.renewalYears, 50, '年');
  if ('problem' in years) refuse('renewalYears', years.problem);
  const coordinations = count(fields.coordinations, 10_000, '次');
  if ('problem' in coordinations) refuse('coordinations', coordinations.problem);

  if (problems.length > 0 || 'problem' in value || 'problem' in booked || 'problem' in years || 'problem' in coordinations) return { ok: false, problems };
  return {
    ok: true,
    input: {
      contracts: [{ valueFen: value.fen, satisfactionTenths, renewalYears: years.n }],
      events: { coordination: coordinations.n },
      bookedBeforeFen: booked.fen,
    },
  };
}
