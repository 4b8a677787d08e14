import { BIG_CLIENT_PLAN, LEGACY_SALES_PLAN } from '@liucai/shared';
import { definitionFromForm, formFromDefinition, newComponent } from './planForm';

describe('the plan editor’s form', () => {
  it('round-trips the articles’ plans exactly (0.8 % ⇄ 80 basis points, 5,000 元 ⇄ 500,000 fen)', () => {
    for (const plan of [BIG_CLIENT_PLAN, LEGACY_SALES_PLAN]) {
      const form = formFromDefinition(plan);
      const back = definitionFromForm(form);
      expect(back).toEqual({ ok: true, definition: { ...plan, guarantee: plan.guarantee ?? null } });
    }
    const form = formFromDefinition(BIG_CLIENT_PLAN);
    expect(form.components.map((c) => [c.label, c.rate || c.amount])).toEqual([
      ['合同提成', '0.8'],
      ['满意度奖金', '5,000'],
      ['续约提成', '0.5'],
      ['资源协调奖励', '200'],
    ]);
    expect(form.components[1]!.threshold).toBe('9');
  });

  it('reads tiers, caps and the guarantee', () => {
    const form = formFromDefinition(LEGACY_SALES_PLAN);
    form.components.push(newComponent('tiered', form.components));
    form.components[0]!.cap = '3,000';
    Object.assign(form, { periodCap: '20000', guarantee: true, rampMonths: '6', floorPercent: '90' });
    const r = definitionFromForm(form);
    expect(r.ok && r.definition).toMatchObject({
      components: [
        { capFen: 300_000 },
        {
          kind: 'tiered',
          tiers: [
            { fromFen: 0, rateBp: 80 },
            { fromFen: 10_000_000, rateBp: 120 },
          ],
        },
      ],
      periodCapFen: 2_000_000,
      guarantee: { rampMonths: 6, floorBp: 9_000 },
    });
  });

  it('names typing problems in the form’s terms, and range problems through the shared validation', () => {
    const form = formFromDefinition(BIG_CLIENT_PLAN);
    form.components[0]!.rate = 'abc';
    form.components[1]!.amount = '';
    expect(definitionFromForm(form)).toEqual({
      ok: false,
      problems: ['第 1 个组件“合同提成”的比例填写有误：应为百分数（最多两位小数），如 0.8', '第 2 个组件“满意度奖金”的奖金必填：应为金额（元），如 5000'],
    });
    const tooHigh = formFromDefinition(BIG_CLIENT_PLAN);
    tooHigh.components[0]!.rate = '120';
    expect(definitionFromForm(tooHigh)).toEqual({
      ok: false,
      problems: ['第 1 个组件“合同提成”的比例 rateBp 应在 0 基点（0%）到 10,000 基点（100%）之间，现为 12,000 基点（120%）'],
    });
  });
});
