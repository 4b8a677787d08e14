import { BIG_CLIENT_SALES_MODEL } from './jobModelTemplates';
import { describeDimensionRule } from './ruleText';

describe('dimension rules in words', () => {
  it('describes linear, banded and threshold rules with the metric’s unit and direction', () => {
    const byId = new Map(BIG_CLIENT_SALES_MODEL.definition.dimensions.map((d) => [d.id, d]));
    expect(describeDimensionRule(byId.get('coordination')!)).toBe('0 次/月 计 0，5 次/月 计 100，之间按比例');
    expect(describeDimensionRule(byId.get('maintenance')!)).toBe('50% 计 0，80% 计 100，之间按比例');
    expect(describeDimensionRule(byId.get('satisfaction')!)).toBe('≥ 9 分 计 100，≥ 8 分 计 80，≥ 7 分 计 60，≥ 6 分 计 40，≥ 0 分 计 0');
    expect(describeDimensionRule({ input: 'bigCycleDays', rule: { kind: 'threshold', target: 30 } })).toBe('≤ 30 天 计 100，否则计 0');
    expect(describeDimensionRule({ input: 'renewalRate', rule: { kind: 'threshold', target: '80' } })).toBe('≥ 80% 计 100，否则计 0');
  });
});
