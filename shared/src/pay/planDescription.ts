/** A plan in words, for read-only views: what each component pays and the plan's caps and guarantee. */
import { zh } from '../zhText';
import { bpPercent, tenths, yuan } from './format';
import { COMPONENT_KINDS, THRESHOLD_METRICS, type IncentivePlanDefinition, type PlanComponent } from './planTypes';

/** "合同金额的 0.8%", "客户满意度 ≥ 9 时每份合同 5,000.00 元" … with the cap when there is one. */
export function describeComponent(c: PlanComponent): string {
  let text: string;
  switch (c.kind) {
    case 'percentOfContract':
      text = `合同金额的 ${bpPercent(c.rateBp)}`;
      break;
    case 'thresholdBonus':
      text = `${THRESHOLD_METRICS[c.metric]} ≥ ${tenths(c.thresholdTenths)} 时每份合同 ${yuan(c.amountFen)}`;
      break;
    case 'renewalPercent':
      text = `合同金额每续约一年 ${bpPercent(c.rateBpPerYear)}${c.maxYears != null ? `（最多计 ${c.maxYears} 年）` : ''}`;
      break;
    case 'perEvent':
      text = zh`${c.withDepartment ? zh`与${c.withDepartment}协作` : '跨部门协作'}每次 ${yuan(c.amountFenPerEvent)}${c.maxEvents != null ? zh`（每期最多 ${c.maxEvents} 次）` : ''}`;
      break;
    case 'tiered':
      text = zh`本期累计签约额${c.tiers
        .map((t, j) => {
          const next = c.tiers[j + 1];
          return next ? ` ${yuan(t.fromFen)} 至 ${yuan(next.fromFen)} 部分 ${bpPercent(t.rateBp)}` : ` ${yuan(t.fromFen)} 以上部分 ${bpPercent(t.rateBp)}`;
        })
        .join('，')}`;
      break;
  }
  return c.capFen != null ? `${text}；每期最多 ${yuan(c.capFen)}` : text;
}

/** One row per component plus the plan-level rules, for a plan card. */
export function describePlan(plan: IncentivePlanDefinition): { label: string; kind: string; text: string }[] {
  const rows: { label: string; kind: string; text: string }[] = plan.components.map((c) => ({
    label: c.label,
    kind: COMPONENT_KINDS[c.kind],
    text: describeComponent(c),
  }));
  if (plan.periodCapFen != null) rows.push({ label: '每期总上限', kind: '上限', text: `各项合计每期最多 ${yuan(plan.periodCapFen)}` });
  if (plan.guarantee) {
    rows.push({
      label: '转型保底',
      kind: '保底',
      text: `转入本方案后的前 ${plan.guarantee.rampMonths} 个月，每月不低于转岗前月均激励的 ${bpPercent(plan.guarantee.floorBp)}`,
    });
  }
  return rows;
}
