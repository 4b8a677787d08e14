/** The articles' two plans, as data: the old 1% of sales and the new plan that pays for what big clients need. */
import type { IncentivePlanDefinition } from './planTypes';

/** The old plan (001 step 3): 1% of every contract's value. A 150,000 CNY contract pays 1,500 CNY. */
export const LEGACY_SALES_PLAN: IncentivePlanDefinition = {
  components: [{ id: 'sales', kind: 'percentOfContract', label: '销售提成', rateBp: 100 }],
};

/**
 * The new plan (001 step 3): 0.8% of contract value; 5,000 CNY when the customer's satisfaction is ≥ 9; 0.5% of
 * the value per renewal year; 200 CNY per coordination with the technical department. A 150,000 CNY contract,
 * satisfaction 9.2, renewed for 2 years, 8 coordinations: 1,200 + 5,000 + 1,500 + 1,600 = 9,300 CNY. People who
 * move onto it are guaranteed their former monthly average for their first 3 months.
 */
export const BIG_CLIENT_PLAN: IncentivePlanDefinition = {
  components: [
    { id: 'contract', kind: 'percentOfContract', label: '合同提成', rateBp: 80 },
    { id: 'satisfaction', kind: 'thresholdBonus', label: '满意度奖金', metric: 'satisfaction', thresholdTenths: 90, amountFen: 500_000 },
    { id: 'renewal', kind: 'renewalPercent', label: '续约提成', rateBpPerYear: 50 },
    { id: 'coordination', kind: 'perEvent', label: '资源协调奖励', event: 'coordination', withDepartment: '技术部', amountFenPerEvent: 20_000 },
  ],
  guarantee: { rampMonths: 3, floorBp: 10_000 },
};
