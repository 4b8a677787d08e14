import { validatePlanDefinition } from './planValidation';
import { BIG_CLIENT_PLAN, LEGACY_SALES_PLAN } from './planTemplates';
import { describePlan } from './planDescription';

const messages = (input: unknown) => {
  const r = validatePlanDefinition(input);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};
const withComponent = (c: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ components: [c], ...extra });
const contract = { id: 'contract', kind: 'percentOfContract', label: '合同提成', rateBp: 80 };

describe('validatePlanDefinition', () => {
  it('accepts the articles’ plans', () => {
    expect(validatePlanDefinition(BIG_CLIENT_PLAN)).toEqual({ ok: true, plan: BIG_CLIENT_PLAN });
    expect(validatePlanDefinition(LEGACY_SALES_PLAN).ok).toBe(true);
    expect(
      validatePlanDefinition({
        components: [
          {
            id: 'tiered',
            kind: 'tiered',
            label: '阶梯',
            tiers: [
              { fromFen: 0, rateBp: 80 },
              { fromFen: 10_000_000, rateBp: 120 },
            ],
            capFen: 5_000_000,
          },
        ],
        periodCapFen: 10_000_000,
        guarantee: null,
      }).ok,
    ).toBe(true);
  });

  it('refuses a rate over 100%, naming the component and the field', () => {
    expect(messages(withComponent({ ...contract, rateBp: 12_000 }))).toEqual([
      { path: 'components[0].rateBp', message: '第 1 个组件“合同提成”的比例 rateBp 应在 0 基点（0%）到 10,000 基点（100%）之间，现为 12,000 基点（120%）' },
    ]);
  });

  it('refuses negative amounts', () => {
    const p = messages(
      withComponent({ id: 'bonus', kind: 'thresholdBonus', label: '满意度奖金', metric: 'satisfaction', thresholdTenths: 90, amountFen: -500_000 }),
    );
    expect(p).toEqual([
      { path: 'components[0].amountFen', message: '第 1 个组件“满意度奖金”的奖金金额 amountFen 不能为负数，现为 -500,000 分（-5,000.00 元）' },
    ]);
    expect(messages({ components: [contract], periodCapFen: -1 })[0]!.message).toBe('每期总上限 periodCapFen 不能为负数，现为 -1 分（-0.01 元）');
  });

  it('refuses an unknown component kind, listing the known ones', () => {
    const p = messages({ components: [contract, { id: 'x', kind: 'lottery', label: '抽奖' }] });
    expect(p).toHaveLength(1);
    expect(p[0]!.path).toBe('components[1].kind');
    expect(p[0]!.message).toMatch(/^第 2 个组件“抽奖”的类型 kind 未知：“lottery”；应为 percentOfContract（合同金额提成）、thresholdBonus（门槛奖金）/);
  });

  it('wants integers in the plan’s units: 0.8 is not 0.8% (80 basis points)', () => {
    expect(messages(withComponent({ ...contract, rateBp: 0.8 }))[0]!.message).toBe('第 1 个组件“合同提成”的比例 rateBp 应为整数，现为 0.8');
    expect(messages(withComponent({ ...contract, rateBp: '80' }))[0]!.message).toBe('第 1 个组件“合同提成”的比例 rateBp 应为整数，现为 “80”');
  });

  it('reports every problem at once: unknown fields, duplicates, bad tiers, a bad guarantee', () => {
    const p = messages({
      components: [
        { ...contract, rate: 80 },
        { ...contract },
        {
          id: 'tiers',
          kind: 'tiered',
          label: '阶梯',
          tiers: [
            { fromFen: 100, rateBp: 80 },
            { fromFen: 50, rateBp: 20_000 },
          ],
        },
        { id: 'ev', kind: 'perEvent', label: '协作', event: 'meeting', amountFenPerEvent: 100 },
      ],
      guarantee: { rampMonths: 0, floorBp: 10_000, recoverable: true },
      bonus: 1,
    });
    expect(p.map((x) => x.path)).toEqual([
      'bonus',
      'components[0].rate',
      'components[1].id',
      'components[1].label',
      'components[2].tiers[0].fromFen',
      'components[2].tiers[1].fromFen',
      'components[2].tiers[1].rateBp',
      'components[3].event',
      'guarantee.recoverable',
      'guarantee.rampMonths',
    ]);
    expect(p[2]!.message).toBe('第 2 个组件“合同提成”的编号 id 与第 1 个组件重复：“contract”');
    expect(p[4]!.message).toBe('第 3 个组件“阶梯”的第 1 档的起点 fromFen 应为 0（从本期第一笔签约额算起），现为 100 分（1.00 元）');
    expect(p[5]!.message).toBe('第 3 个组件“阶梯”的第 2 档的起点 fromFen 应大于上一档的 100 分（1.00 元），现为 50 分（0.50 元）');
    expect(p[9]!.message).toBe('转型保底的保底月数 rampMonths 应在 1 到 24 之间，现为 0');
  });

  it('refuses shapes that are not plans', () => {
    expect(messages(null)[0]!.message).toBe('方案定义应为对象，包含 components（组件列表）');
    expect(messages({ components: [] })[0]!.message).toBe('组件 components 应为非空列表，至少一个组件');
    expect(messages({ components: [{ id: 'A b', kind: 'percentOfContract', label: '', rateBp: 1 }] }).map((x) => x.path)).toEqual([
      'components[0].id',
      'components[0].label',
    ]);
  });
});

describe('describePlan', () => {
  it('says what each component pays, and the guarantee', () => {
    expect(describePlan(BIG_CLIENT_PLAN).map((r) => `${r.label}：${r.text}`)).toEqual([
      '合同提成：合同金额的 0.8%',
      '满意度奖金：客户满意度 ≥ 9 时每份合同 5,000.00 元',
      '续约提成：合同金额每续约一年 0.5%',
      '资源协调奖励：与技术部协作每次 200.00 元',
      '转型保底：转入本方案后的前 3 个月，每月不低于转岗前月均激励的 100%',
    ]);
  });
});
