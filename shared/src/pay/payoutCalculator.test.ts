import { BIG_CLIENT_PLAN, LEGACY_SALES_PLAN } from './planTemplates';
import { computePayout } from './payoutCalculator';
import { PayoutInputError } from './payoutInputCheck';
import { simulationInputFrom } from './simulationInput';
import type { IncentivePlanDefinition } from './planTypes';
import type { PayoutInput } from './payoutTypes';

/** The articles' example: 150,000 CNY, satisfaction 9.2, renewed for 2 years, 8 coordinations. */
const EXAMPLE: PayoutInput = { contracts: [{ valueFen: 15_000_000, satisfactionTenths: 92, renewalYears: 2 }], events: { coordination: 8 } };
const pick = (r: ReturnType<typeof computePayout>) => r.lines.map((l) => ({ component: l.component, amountFen: l.amountFen, explanation: l.explanation }));

describe('the articles’ worked example', () => {
  it('pays 1,200 + 5,000 + 1,500 + 1,600 = 9,300.00 CNY under the new plan, each line explained', () => {
    const r = computePayout(BIG_CLIENT_PLAN, EXAMPLE);
    expect(r.totalFen).toBe(930_000);
    expect(pick(r)).toEqual([
      { component: 'contract', amountFen: 120_000, explanation: '合同金额 150,000.00 元 × 0.8% = 1,200.00 元' },
      { component: 'satisfaction', amountFen: 500_000, explanation: '客户满意度 9.2 ≥ 9，奖金 5,000.00 元' },
      { component: 'renewal', amountFen: 150_000, explanation: '合同金额 150,000.00 元 × 0.5% × 续约 2 年 = 1,500.00 元' },
      { component: 'coordination', amountFen: 160_000, explanation: '与技术部协作 8 次 × 200.00 元 = 1,600.00 元' },
    ]);
    expect(r.explanation).toBe('1,200.00 + 5,000.00 + 1,500.00 + 1,600.00 = 9,300.00 元');
    // Each line names its inputs and rate, for statements that lead back to the contract.
    expect(r.lines[0]).toMatchObject({
      kind: 'percentOfContract',
      label: '合同提成',
      rate: '0.8%',
      inputs: [{ name: 'contractValue', text: '150,000.00 元', value: 15_000_000 }],
    });
    expect(r.lines[2]!.inputs.map((i) => i.text)).toEqual(['150,000.00 元', '2 年']);
    expect(r.lines[3]).toMatchObject({ rate: '200.00 元/次', contractRef: null, inputs: [{ name: 'coordination', text: '8 次', value: 8 }] });
  });

  it('pays 1,500.00 CNY under the old 1% plan', () => {
    const r = computePayout(LEGACY_SALES_PLAN, EXAMPLE);
    expect(r.totalFen).toBe(150_000);
    expect(pick(r)).toEqual([{ component: 'sales', amountFen: 150_000, explanation: '合同金额 150,000.00 元 × 1% = 1,500.00 元' }]);
    expect(r.explanation).toBe('1,500.00 = 1,500.00 元');
  });

  it('reads the simulator’s fields into the same input (JSON numbers or typed text)', () => {
    const fromJson = simulationInputFrom({ contractValueCny: 150000, satisfaction: 9.2, renewalYears: 2, coordinations: 8 });
    const fromForm = simulationInputFrom({ contractValueCny: '150,000', satisfaction: '9.2', renewalYears: '2', coordinations: '8' });
    expect(fromJson).toEqual({ ok: true, input: { ...EXAMPLE, bookedBeforeFen: 0 } });
    expect(fromForm).toEqual(fromJson);
    if (!fromJson.ok) throw new Error('unreachable');
    expect(computePayout(BIG_CLIENT_PLAN, fromJson.input).totalFen).toBe(930_000);
  });

  it('shows the bonus line at 0 when satisfaction is below 9 or missing, and says why', () => {
    const below = computePayout(BIG_CLIENT_PLAN, { contracts: [{ valueFen: 15_000_000, satisfactionTenths: 89, renewalYears: 0 }] });
    expect(below.lines.map((l) => [l.component, l.amountFen])).toEqual([
      ['contract', 120_000],
      ['satisfaction', 0],
      ['renewal', 0],
      ['coordination', 0],
    ]);
    expect(below.lines[1]!.explanation).toBe('客户满意度 8.9 低于门槛 9，奖金 0.00 元');
    expect(below.lines[2]!.explanation).toBe('合同金额 150,000.00 元 × 0.5% × 续约 0 年 = 0.00 元');
    expect(below.lines[3]!.explanation).toBe('与技术部协作 0 次 × 200.00 元 = 0.00 元');
    const none = computePayout(BIG_CLIENT_PLAN, { contracts: [{ valueFen: 100, satisfactionTenths: null, renewalYears: 0 }] });
    expect(none.lines[1]!.explanation).toBe('客户满意度未评分，奖金 0.00 元');
    // Exactly at the threshold pays.
    expect(computePayout(BIG_CLIENT_PLAN, { contracts: [{ valueFen: 0, satisfactionTenths: 90, renewalYears: 0 }] }).lines[1]!.amountFen).toBe(500_000);
  });
});

describe('rounding: half away from zero, once per line', () => {
  const onePercent = (rateBp: number): IncentivePlanDefinition => ({ components: [{ id: 'p', kind: 'percentOfContract', label: '提成', rateBp }] });
  const pay = (valueFen: number, rateBp: number) =>
    computePayout(onePercent(rateBp), { contracts: [{ valueFen, satisfactionTenths: null, renewalYears: 0 }] }).totalFen;

  it('rounds each line’s exact amount to the fen, a half up', () => {
    expect(pay(125, 40)).toBe(1); // 0.5 fen → 1
    expect(pay(124, 40)).toBe(0); // 0.496 fen → 0
    expect(pay(3_333_333, 80)).toBe(26_667); // 26,666.664 fen → 26,667
    expect(pay(3_333_312, 80)).toBe(26_666); // 26,666.496 fen → 26,666
    expect(pay(1, 10_000)).toBe(1);
  });

  it('rounds per line, then adds integers: two 0.5-fen lines are 2 fen, not round(1.0) = 1', () => {
    const r = computePayout(onePercent(40), {
      contracts: [
        { valueFen: 125, satisfactionTenths: null, renewalYears: 0, label: '合同 A' },
        { valueFen: 125, satisfactionTenths: null, renewalYears: 0, label: '合同 B' },
      ],
    });
    expect(r.lines.map((l) => l.amountFen)).toEqual([1, 1]);
    expect(r.totalFen).toBe(2);
    expect(r.lines[0]!.explanation).toBe('合同 A：合同金额 1.25 元 × 0.4% = 0.01 元');
  });

  it('rounds a renewal line once over rate × years, not per year', () => {
    const plan: IncentivePlanDefinition = { components: [{ id: 'r', kind: 'renewalPercent', label: '续约', rateBpPerYear: 50 }] };
    // 301 fen × 0.5% = 1.505 fen a year: per-year rounding gives 2 × 3 = 6, the one rounding gives 4.515 → 5.
    expect(computePayout(plan, { contracts: [{ valueFen: 301, satisfactionTenths: null, renewalYears: 3 }] }).totalFen).toBe(5);
  });
});

describe('caps', () => {
  const twoBigDeals: PayoutInput = {
    contracts: [
      { ref: 'd1', label: '合同 HT-1', valueFen: 15_000_000, satisfactionTenths: 95, renewalYears: 0 },
      { ref: 'd2', label: '合同 HT-2', valueFen: 20_000_000, satisfactionTenths: 91, renewalYears: 1 },
    ],
    events: { coordination: 3 },
  };

  it('caps one component per period with a negative line that says what was cut', () => {
    const plan: IncentivePlanDefinition = {
      components: [
        { id: 'contract', kind: 'percentOfContract', label: '合同提成', rateBp: 80 },
        { id: 'satisfaction', kind: 'thresholdBonus', label: '满意度奖金', metric: 'satisfaction', thresholdTenths: 90, amountFen: 500_000, capFen: 800_000 },
      ],
    };
    const r = computePayout(plan, twoBigDeals);
    expect(r.lines.map((l) => [l.component, l.kind, l.amountFen, l.contractRef])).toEqual([
      ['contract', 'percentOfContract', 120_000, 'd1'],
      ['contract', 'percentOfContract', 160_000, 'd2'],
      ['satisfaction', 'thresholdBonus', 500_000, 'd1'],
      ['satisfaction', 'thresholdBonus', 500_000, 'd2'],
      ['satisfaction', 'componentCap', -200_000, null],
    ]);
    expect(r.lines[4]!.explanation).toBe('满意度奖金本期上限 8,000.00 元：合计 10,000.00 元，超出 2,000.00 元不发');
    expect(r.totalFen).toBe(120_000 + 160_000 + 800_000);
    expect(r.explanation).toBe('1,200.00 + 1,600.00 + 5,000.00 + 5,000.00 − 2,000.00 = 10,800.00 元');
  });

  it('caps the period total after the components, and leaves a total under the cap alone', () => {
    const plan: IncentivePlanDefinition = { ...BIG_CLIENT_PLAN, guarantee: null, periodCapFen: 1_000_000 };
    const r = computePayout(plan, twoBigDeals);
    const uncapped = 120_000 + 160_000 + 500_000 + 500_000 + 0 + 100_000 + 60_000;
    expect(r.lines.at(-1)).toMatchObject({ component: 'periodCap', kind: 'periodCap', amountFen: -(uncapped - 1_000_000) });
    expect(r.lines.at(-1)!.explanation).toBe('每期总上限 10,000.00 元：各项合计 14,400.00 元，超出 4,400.00 元不发');
    expect(r.totalFen).toBe(1_000_000);
    expect(computePayout(plan, EXAMPLE).lines.some((l) => l.kind === 'periodCap')).toBe(false);
  });

  it('caps renewal years and events where the plan says so', () => {
    const plan: IncentivePlanDefinition = {
      components: [
        { id: 'renewal', kind: 'renewalPercent', label: '续约提成', rateBpPerYear: 50, maxYears: 3 },
        { id: 'coordination', kind: 'perEvent', label: '资源协调奖励', event: 'coordination', withDepartment: null, amountFenPerEvent: 20_000, maxEvents: 5 },
      ],
    };
    const r = computePayout(plan, { contracts: [{ valueFen: 10_000_000, satisfactionTenths: null, renewalYears: 5 }], events: { coordination: 8 } });
    expect(pick(r)).toEqual([
      { component: 'renewal', amountFen: 150_000, explanation: '合同金额 100,000.00 元 × 0.5% × 续约 5 年（按上限 3 年计） = 1,500.00 元' },
      { component: 'coordination', amountFen: 100_000, explanation: '跨部门协作 8 次（按上限 5 次计） × 200.00 元 = 1,000.00 元' },
    ]);
  });
});

describe('tiers: marginal rates over the period’s cumulative contract value', () => {
  const plan: IncentivePlanDefinition = {
    components: [
      {
        id: 'tiered',
        kind: 'tiered',
        label: '阶梯提成',
        tiers: [
          { fromFen: 0, rateBp: 80 },
          { fromFen: 10_000_000, rateBp: 120 },
          { fromFen: 30_000_000, rateBp: 150 },
        ],
      },
    ],
  };

  it('pays the part below the quota at the base rate and the part above at the accelerator', () => {
    const r = computePayout(plan, { contracts: [{ valueFen: 15_000_000, satisfactionTenths: null, renewalYears: 0 }] });
    expect(r.totalFen).toBe(80_000 + 60_000);
    expect(r.lines[0]!.explanation).toBe(
      '本期累计签约额 0.00 元 → 150,000.00 元：100,000.00 元 × 0.8%（0.00 至 100,000.00 元段） + 50,000.00 元 × 1.2%（100,000.00 至 300,000.00 元段） = 1,400.00 元',
    );
    expect(r.lines[0]!.rate).toBe('0.8% / 1.2% / 1.5%');
  });

  it('counts what was booked earlier in the period and earlier contracts of the input', () => {
    const after = computePayout(plan, { bookedBeforeFen: 12_000_000, contracts: [{ valueFen: 15_000_000, satisfactionTenths: null, renewalYears: 0 }] });
    expect(after.totalFen).toBe(180_000);
    const two = computePayout(plan, {
      contracts: [
        { valueFen: 25_000_000, satisfactionTenths: null, renewalYears: 0 },
        { valueFen: 10_000_000, satisfactionTenths: null, renewalYears: 0 },
      ],
    });
    // First: 100,000 × 0.8% + 150,000 × 1.2% = 800 + 1,800; second (250,000 → 350,000): 50,000 × 1.2% + 50,000 × 1.5% = 600 + 750.
    expect(two.lines.map((l) => l.amountFen)).toEqual([260_000, 135_000]);
    expect(two.lines[1]!.inputs.find((i) => i.name === 'bookedBefore')!.value).toBe(25_000_000);
  });
});

describe('the transition guarantee', () => {
  const input = (valueFen: number, monthOfRamp: number): PayoutInput => ({
    contracts: [{ valueFen, satisfactionTenths: 80, renewalYears: 0 }],
    guarantee: { monthOfRamp, baselineFen: 600_000, baselineNote: '转岗前 3 个月月均激励' },
  });

  it('tops a ramp month up to the former monthly average', () => {
    const r = computePayout(BIG_CLIENT_PLAN, input(30_000_000, 2)); // 2,400 CNY earned
    expect(r.lines.at(-1)).toMatchObject({ component: 'guarantee', kind: 'guarantee', amountFen: 360_000 });
    expect(r.lines.at(-1)!.explanation).toBe(
      '转型第 2 个月（保底共 3 个月）：转岗前 3 个月月均激励 6,000.00 元 × 100% = 保底 6,000.00 元；本期各项合计 2,400.00 元，补足 3,600.00 元',
    );
    expect(r.totalFen).toBe(600_000);
  });

  it('adds nothing when the month already pays more, and stops after the ramp', () => {
    const more = computePayout(BIG_CLIENT_PLAN, input(100_000_000, 3)); // 8,000 CNY
    expect(more.lines.at(-1)).toMatchObject({ component: 'guarantee', amountFen: 0 });
    expect(more.lines.at(-1)!.explanation).toContain('本期各项合计 8,000.00 元，不低于保底，无需补足');
    expect(more.totalFen).toBe(800_000);
    const after = computePayout(BIG_CLIENT_PLAN, input(30_000_000, 4));
    expect(after.lines.some((l) => l.kind === 'guarantee')).toBe(false);
    expect(after.totalFen).toBe(240_000);
    // A plan without a guarantee ignores the input.
    expect(computePayout(LEGACY_SALES_PLAN, input(30_000_000, 1)).totalFen).toBe(300_000);
  });

  it('rounds its floor once (95% of 3,333.33 CNY = 3,166.6635 → 3,166.66 CNY)', () => {
    const plan: IncentivePlanDefinition = { ...LEGACY_SALES_PLAN, guarantee: { rampMonths: 6, floorBp: 9_500 } };
    const r = computePayout(plan, { contracts: [], guarantee: { monthOfRamp: 1, baselineFen: 333_333 } });
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]!.amountFen).toBe(316_666);
    expect(r.explanation).toBe('3,166.66 = 3,166.66 元');
  });

  it('tops up after the period cap', () => {
    const plan: IncentivePlanDefinition = { ...BIG_CLIENT_PLAN, periodCapFen: 100_000 };
    const r = computePayout(plan, input(30_000_000, 1));
    expect(r.lines.map((l) => l.kind).slice(-2)).toEqual(['periodCap', 'guarantee']);
    expect(r.totalFen).toBe(600_000);
  });
});

describe('bad input is refused, naming what is wrong', () => {
  const refuse = (input: PayoutInput) => {
    try {
      computePayout(BIG_CLIENT_PLAN, input);
    } catch (err) {
      expect(err).toBeInstanceOf(PayoutInputError);
      return (err as PayoutInputError).problems;
    }
    throw new Error('expected a refusal');
  };

  it('a negative amount, a score out of 0–10, fractional years and counts', () => {
    expect(refuse({ contracts: [{ valueFen: -1, satisfactionTenths: 92, renewalYears: 2 }] })).toEqual(['合同金额不能为负数']);
    expect(refuse({ contracts: [{ valueFen: 1, satisfactionTenths: 101, renewalYears: 2.5 }], events: { coordination: -1 } })).toEqual([
      '客户满意度应为 0 到 10 分（最多一位小数）或未评分',
      '续约年限应为 0 到 50 之间的整数',
      '协作次数应为 0 到 100,000 之间的整数',
    ]);
    expect(
      refuse({
        contracts: [
          { valueFen: 1, satisfactionTenths: 1, renewalYears: 0 },
          { valueFen: -5, satisfactionTenths: null, renewalYears: 0 },
        ],
      }),
    ).toEqual(['第 2 份合同的合同金额不能为负数']);
    expect(refuse({ contracts: [], guarantee: { monthOfRamp: 0, baselineFen: -1 } })).toHaveLength(2);
  });

  it('the simulator’s fields, each named', () => {
    const r = simulationInputFrom({ contractValueCny: -150000, satisfaction: 10.5, renewalYears: -1, coordinations: 1.5 });
    expect(r).toEqual({
      ok: false,
      problems: [
        { field: 'contractValueCny', label: '合同金额', message: '不能为负数' },
        { field: 'satisfaction', label: '客户满意度', message: '应为 0 到 10 之间的分数（最多一位小数），如 9.2' },
        { field: 'renewalYears', label: '续约年限', message: '不能为负数' },
        { field: 'coordinations', label: '协作次数', message: '应为 0 到 10,000 之间的整数（次）' },
      ],
    });
    const more = simulationInputFrom({ contractValueCny: '', satisfaction: 9.25, renewalYears: 'two' });
    expect(more.ok ? [] : more.problems.map((p) => `${p.label}：${p.message}`)).toEqual([
      '合同金额：必填，应为金额（元），如 150000',
      '客户满意度：最多一位小数，如 9.2',
      '续约年限：应为 0 到 50 之间的整数（年）',
    ]);
    expect(simulationInputFrom({ contractValueCny: '150000.001' })).toMatchObject({
      ok: false,
      problems: [{ field: 'contractValueCny', message: '最多两位小数（到分）' }],
    });
  });
});
