/**
 * The payout of an incentive plan, line by line: the simulator (micro-app and API) and, later, payout runs call
 * this one function, so they cannot disagree. Each line's amount is computed exactly and rounded once
 * (`roundLine`, half away from zero); the total is the integer sum of the lines.
 *
 * Order: each component's lines (per contract, or per period for event counts), then that component's cap; then
 * the plan's period cap; then the transition guarantee tops the result up to its floor.
 */
import { zh } from '../zhText';
import { MAX_SAFE_FEN, fenToYuanText } from '../money';
import { bpPercent, sumText, tenths, yuan } from './format';
import { PayoutInputError, payoutInputProblems } from './payoutInputCheck';
import { addR, ratio, roundLine, ZERO, type Ratio } from './rounding';
import type { ContractInput, LineInput, PayoutInput, PayoutLine, PayoutResult } from './payoutTypes';
import type { IncentivePlanDefinition, PerEventComponent, PlanComponent, TieredComponent } from './planTypes';

const BP = 10_000n;

const fenInput = (name: string, label: string, fen: number): LineInput => ({ name, label, text: yuan(fen), value: fen });
const countInput = (name: string, label: string, value: number, unit: string): LineInput => ({ name, label, text: `${value} ${unit}`, value });

/** A line from its exact amount: the only place a component's amount is rounded. */
function line(
  c: PlanComponent,
  contract: ContractInput | null,
  exact: Ratio,
  rate: string | null,
  inputs: LineInput[],
  explain: (amount: string) => string,
): PayoutLine {
  const amountFen = roundLine(exact);
  const prefix = contract?.label ? `${contract.label}：` : '';
  return {
    component: c.id,
    kind: c.kind,
    label: c.label,
    amountFen,
    explanation: prefix + explain(yuan(amountFen)),
    rate,
    inputs,
    contractRef: contract?.ref ?? null,
  };
}

function contractLines(c: Exclude<PlanComponent, PerEventComponent | TieredComponent>, k: ContractInput): PayoutLine {
  const value = fenInput('contractValue', '合同金额', k.valueFen);
  switch (c.kind) {
    case 'percentOfContract':
      return line(
        c,
        k,
        ratio(BigInt(k.valueFen) * BigInt(c.rateBp), BP),
        bpPercent(c.rateBp),
        [value],
        (a) => `合同金额 ${yuan(k.valueFen)} × ${bpPercent(c.rateBp)} = ${a}`,
      );
    case 'thresholdBonus': {
      const s = k.satisfactionTenths;
      const inputs = s === null ? [] : [{ name: 'satisfaction', label: '客户满意度', text: tenths(s), value: s }];
      if (s === null) return line(c, k, ZERO, null, inputs, (a) => `客户满意度未评分，奖金 ${a}`);
      const met = s >= c.thresholdTenths;
      return line(c, k, met ? ratio(c.amountFen) : ZERO, null, inputs, (a) =>
        met ? `客户满意度 ${tenths(s)} ≥ ${tenths(c.thresholdTenths)}，奖金 ${a}` : `客户满意度 ${tenths(s)} 低于门槛 ${tenths(c.thresholdTenths)}，奖金 ${a}`,
      );
    }
    case 'renewalPercent': {
      const capped = c.maxYears != null && k.renewalYears > c.maxYears;
      const years = capped ? c.maxYears! : k.renewalYears;
      const yearsText = capped ? `续约 ${k.renewalYears} 年（按上限 ${years} 年计）` : `续约 ${years} 年`;
      return line(
        c,
        k,
        ratio(BigInt(k.valueFen) * BigInt(c.rateBpPerYear) * BigInt(years), BP),
        `${bpPercent(c.rateBpPerYear)}/年`,
        [value, countInput('renewalYears', '续约年限', k.renewalYears, '年')],
        (a) => `合同金额 ${yuan(k.valueFen)} × ${bpPercent(c.rateBpPerYear)} × ${yearsText} = ${a}`,
      );
    }
  }
}

/** A tiered component's line for the slice of cumulative period value [start, start + contract value]. */
function tieredLine(c: TieredComponent, k: ContractInput, start: number): PayoutLine {
  const end = start + k.valueFen;
  let exact = ZERO;
  const parts: string[] = [];
  c.tiers.forEach((t, j) => {
    const next = c.tiers[j + 1]?.fromFen ?? Number.POSITIVE_INFINITY;
    const slice = Math.min(end, next) - Math.max(start, t.fromFen);
    if (slice <= 0) return;
    exact = addR(exact, ratio(BigInt(slice) * BigInt(t.rateBp), BP));
    const band = Number.isFinite(next) ? zh`${fenToYuanText(t.fromFen)} 至 ${yuan(next)}段` : zh`${yuan(t.fromFen)}以上段`;
    parts.push(`${yuan(slice)} × ${bpPercent(t.rateBp)}（${band}）`);
  });
  const inputs = [fenInput('contractValue', '合同金额', k.valueFen), fenInput('bookedBefore', '本期此前累计签约额', start)];
  const rate = c.tiers.map((t) => bpPercent(t.rateBp)).join(' / ');
  if (parts.length === 0) return line(c, k, ZERO, rate, inputs, (a) => `合同金额 ${yuan(k.valueFen)}，阶梯提成 ${a}`);
  return line(c, k, exact, rate, inputs, (a) => `本期累计签约额 ${yuan(start)} → ${yuan(end)}：${parts.join(' + ')} = ${a}`);
}

function eventLine(c: PerEventComponent, input: PayoutInput): PayoutLine {
  const counted = input.events?.[c.event] ?? 0;
  const capped = c.maxEvents != null && counted > c.maxEvents;
  const times = capped ? c.maxEvents! : counted;
  const what = c.withDepartment ? zh`与${c.withDepartment}协作` : '跨部门协作';
  const timesText = capped ? `${counted} 次（按上限 ${times} 次计）` : `${times} 次`;
  return line(
    c,
    null,
    ratio(BigInt(times) * BigInt(c.amountFenPerEvent)),
    `${yuan(c.amountFenPerEvent)}/次`,
    [countInput(c.event, what, counted, '次')],
    (a) => `${what} ${timesText} × ${yuan(c.amountFenPerEvent)} = ${a}`,
  );
}

function componentLines(c: PlanComponent, input: PayoutInput): PayoutLine[] {
  if (c.kind === 'perEvent') return [eventLine(c, input)];
  if (c.kind === 'tiered') {
    let booked = input.bookedBeforeFen ?? 0;
    return input.contracts.map((k) => {
      const l = tieredLine(c, k, booked);
      booked += k.valueFen;
      return l;
    });
  }
  return input.contracts.map((k) => contractLines(c, k));
}

const total = (lines: readonly PayoutLine[]): number => lines.reduce((s, l) => s + l.amountFen, 0);

/** A cap as a negative line taking away what exceeds it (integers in, integers out: nothing to round). */
function capLine(component: string, kind: 'componentCap' | 'periodCap', label: string, capFen: number, sumFen: number, what: string): PayoutLine | null {
  if (sumFen <= capFen) return null;
  const excess = sumFen - capFen;
  return {
    component,
    kind,
    label,
    amountFen: -excess,
    explanation: zh`${label} ${yuan(capFen)}：${what} ${yuan(sumFen)}，超出 ${yuan(excess)}不发`,
    rate: null,
    inputs: [fenInput('capped', what, sumFen)],
    contractRef: null,
  };
}

function guaranteeLine(plan: IncentivePlanDefinition, input: PayoutInput, paidFen: number): PayoutLine | null {
  const rule = plan.guarantee;
  const g = input.guarantee;
  if (!rule || !g || g.monthOfRamp > rule.rampMonths) return null;
  // The guarantee line's one rounding: the floor (baseline × floor rate) to whole fen. Paid is already whole fen,
  // so the top-up (floor − paid, when positive) is exact.
  const floorFen = roundLine(ratio(BigInt(g.baselineFen) * BigInt(rule.floorBp), BP));
  const amountFen = Math.max(0, floorFen - paidFen);
  const base = g.baselineNote?.trim() || '转岗前月均激励';
  const head = `转型第 ${g.monthOfRamp} 个月（保底共 ${rule.rampMonths} 个月）：${base} ${yuan(g.baselineFen)} × ${bpPercent(rule.floorBp)} = 保底 ${yuan(floorFen)}`;
  const tail = paidFen >= floorFen ? `本期各项合计 ${yuan(paidFen)}，不低于保底，无需补足` : `本期各项合计 ${yuan(paidFen)}，补足 ${yuan(amountFen)}`;
  return {
    component: 'guarantee',
    kind: 'guarantee',
    label: '转型保底',
    amountFen,
    explanation: `${head}；${tail}`,
    rate: bpPercent(rule.floorBp),
    inputs: [
      fenInput('baseline', base, g.baselineFen),
      countInput('monthOfRamp', '转型第几个月', g.monthOfRamp, '个月'),
      fenInput('paid', '本期各项合计', paidFen),
    ],
    contractRef: null,
  };
}

/** Compute `plan` on `input`; throws `PayoutInputError` (Chinese problems) when the input is out of range. */
export function computePayout(plan: IncentivePlanDefinition, input: PayoutInput): PayoutResult {
  const problems = payoutInputProblems(input);
  if (problems.length > 0) throw new PayoutInputError(problems);
  const lines: PayoutLine[] = [];
  for (const c of plan.components) {
    const own = componentLines(c, input);
    lines.push(...own);
    if (c.capFen != null) {
      const cap = capLine(c.id, 'componentCap', zh`${c.label}本期上限`, c.capFen, total(own), '合计');
      if (cap) lines.push(cap);
    }
  }
  if (plan.periodCapFen != null) {
    const cap = capLine('periodCap', 'periodCap', '每期总上限', plan.periodCapFen, total(lines), '各项合计');
    if (cap) lines.push(cap);
  }
  const guarantee = guaranteeLine(plan, input, total(lines));
  if (guarantee) lines.push(guarantee);
  const totalFen = total(lines);
  if (!Number.isSafeInteger(totalFen) || Math.abs(totalFen) > MAX_SAFE_FEN) throw new PayoutInputError(['合计金额超出可精确表示的范围']);
  const explanation = lines.length === 0 ? `无激励项，合计 ${yuan(0)}` : `${sumText(lines.map((l) => l.amountFen))} = ${yuan(totalFen)}`;
  return { lines, totalFen, explanation };
}
